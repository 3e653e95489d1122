-- calls.recorded_at (migration 20261203050100): the moment the call's record is made, stamped by the
-- database on every path of the console: report or link (emergency), the one-key classification
-- (ghost, prank), the end with the answer note (info). Never before the classification.
begin;
\ir helpers/test-helpers.psql
select plan(13);

select tests.build_world();

-- emergency: reported -----------------------------------------------------------------------------
select ok((select c.recorded_at = i.reported_at from public.calls c join public.incidents i on i.id = c.incident_id
           where c.id = tests.id('call1')), 'a reporting call is recorded when its incident is reported');

create function pg_temp.answered_call(p_name text) returns void language plpgsql as $$
declare
  v_call public.calls;
begin
  perform tests.authenticate_as(tests.id('operator'));
  v_call := public.start_call(gen_random_uuid(), '0812 0000 1111');
  v_call := public.answer_call(v_call.id, v_call.version);
  perform tests.as_owner();
  insert into tests.world values (p_name, v_call.id);
end;
$$;

-- emergency: classified, not yet reported; then linked to the open incident ------------------------
select pg_temp.answered_call('linked');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({linked}, 'emergency', tests.cv('linked'))$$);
select is((select recorded_at from public.calls where id = tests.id('linked')), null,
  'an emergency call is not recorded by its classification');
select tests.run_as(tests.id('operator'), $$select * from public.link_call_to_incident({linked}, {inc1})$$);
select is((select recorded_at from public.calls where id = tests.id('linked')), now(),
  'a repeat caller''s call is recorded when it joins the open incident');

-- ghost and prank: the classification is the record --------------------------------------------
select pg_temp.answered_call('ghost');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({ghost}, 'ghost', tests.cv('ghost'))$$);
select ok((select recorded_at = classified_at from public.calls where id = tests.id('ghost')),
  'a ghost call is recorded by its classification');
select tests.run_as(tests.id('operator'), $$select * from public.end_call({ghost}, tests.cv('ghost'))$$);
select ok((select recorded_at = classified_at and ended_at = now() from public.calls where id = tests.id('ghost')),
  'ending it keeps the record time');

-- reclassified from prank to info: the prank record no longer stands -----------------------------
select pg_temp.answered_call('info');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({info}, 'prank', tests.cv('info'))$$);
select isnt((select recorded_at from public.calls where id = tests.id('info')), null, 'recorded as prank');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({info}, 'info', tests.cv('info'))$$);
select is((select recorded_at from public.calls where id = tests.id('info')), null,
  'corrected to info: not recorded until the answer note is saved');

-- info: recorded when it ends with the answer note ----------------------------------------------
select tests.run_as(tests.id('operator'), $$select * from public.end_call({info}, tests.cv('info'), 'Nomor PLN diberikan')$$);
select ok((select recorded_at = ended_at from public.calls where id = tests.id('info')),
  'an information call is recorded when its note is saved at the end');
select pg_temp.answered_call('info_silent');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({info_silent}, 'info', tests.cv('info_silent'))$$);
select tests.run_as(tests.id('operator'), $$select * from public.end_call({info_silent}, tests.cv('info_silent'))$$);
select is((select recorded_at from public.calls where id = tests.id('info_silent')), null,
  'an information call ended without a note has no record to time');

-- an unanswered call that rang out has nothing recorded --------------------------------------------
insert into tests.world
select 'rang', (tests.run_as(null, $$select * from public.start_call(gen_random_uuid(), '0877 0000 0000', null, 'telephony', 'pbx-rec-1')$$) ->> 'id')::uuid;
select tests.run_as(null, $$select * from public.end_call({rang}, tests.cv('rang'))$$);
select is((select recorded_at from public.calls where id = tests.id('rang')), null, 'an abandoned call is never recorded');

-- the database refuses an order that makes no sense ---------------------------------------------
select throws_ok(
  $$update public.calls set recorded_at = classified_at - interval '1 second' where id = tests.id('ghost')$$,
  '23514', null, 'a record before the classification is refused');
select throws_ok(
  $$insert into public.calls (received_at, answered_at, classified_at, ended_at, recorded_at, call_type)
    values (now(), now(), now(), now(), now() + interval '1 second', 'emergency')$$,
  '23514', null, 'a record after the end is refused');

-- rows written whole (history loads) keep the time they bring; a nuisance row without one is its classification
insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type)
values ('2026-01-05 10:00+07', '2026-01-05 10:00:05+07', '2026-01-05 10:00:20+07', '2026-01-05 10:00:30+07', 'prank');
select is((select recorded_at from public.calls where received_at = '2026-01-05 10:00+07'), '2026-01-05 10:00:20+07'::timestamptz,
  'an inserted prank call is recorded at its classification');

select * from finish();
rollback;
