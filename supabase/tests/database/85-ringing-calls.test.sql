-- Ringing telephony calls (migration 20261203010000): the derived calls.ringing flag, who reads a
-- ringing call (every role, allowed and denied), and public.waiting_calls_summary for the dispatch
-- board and the wall (counts only, no caller data, statistics audience only).
begin;
\ir helpers/test-helpers.psql
select plan(36);

select tests.build_world();
update public.profiles set extension = '7101' where id = tests.id('operator');

create function tests.pbx(p_event_id text, p_type public.telephony_event_type, p_call_id text, p_at timestamptz,
                          p_extension text default null)
returns jsonb
language plpgsql
as $$
declare
  v_result jsonb;
begin
  perform tests.authenticate_as_service_role();
  v_result := public.record_telephony_event(p_event_id, p_type, p_call_id, p_at, '081299990001', 'trunk-1', p_extension);
  perform tests.as_owner();
  return v_result;
end;
$$;

-- A seeded database may already hold calls: the counts are checked as differences from here.
select tests.authenticate_as_service_role();
create temp table fx_before as
select s.waiting, s.abandoned_today from public.waiting_calls_summary() s;
select tests.as_owner();
grant select on fx_before to authenticated, service_role;

-- One call ringing 40 s, one answered at extension 7101, one abandoned now, one abandoned just before
-- WIB midnight (written directly: the feed refuses events a day old), one ringing for 13 hours.
select tests.pbx('r1', 'ringing', 'pbx-ring', now() - interval '40 seconds');
select tests.pbx('a1', 'ringing', 'pbx-ans', now() - interval '30 seconds');
select tests.pbx('a2', 'answered', 'pbx-ans', now() - interval '25 seconds', '7101');
select tests.pbx('x1', 'ringing', 'pbx-aband', now() - interval '20 seconds');
select tests.pbx('x2', 'abandoned', 'pbx-aband', now());
insert into public.calls (source, external_id, received_at, ended_at, line_ended_at, line_ended_by)
values ('telephony', 'pbx-yesterday', date_trunc('day', now(), 'Asia/Jakarta') - interval '2 minutes',
        date_trunc('day', now(), 'Asia/Jakarta') - interval '1 minute',
        date_trunc('day', now(), 'Asia/Jakarta') - interval '1 minute', 'caller');
insert into public.calls (source, external_id, received_at) values ('telephony', 'pbx-stale', now() - interval '13 hours');

create temp table fx_call as select c.external_id as name, c.id from public.calls c where c.external_id like 'pbx-%';
grant select on fx_call to anon, authenticated, service_role;
create function pg_temp.call(p_name text) returns uuid language sql as $$ select id from fx_call where name = p_name $$;

-- the flag ------------------------------------------------------------------------------------------
select is((select ringing from public.calls where id = pg_temp.call('pbx-ring')), true, 'a call only rung is ringing');
select is((select ringing from public.calls where id = pg_temp.call('pbx-ans')), false, 'an answered call is not ringing');
select is((select ringing from public.calls where id = pg_temp.call('pbx-aband')), false, 'an abandoned call is not ringing');
select is((select ringing from public.calls where id = tests.id('call1')), false, 'a manual call never rings');
select is(
  (select count(*)::int from public.calls c where c.ringing and c.external_id like 'pbx-%'), 2,
  'ringing calls: the one rung now and the stale one');
select throws_ok(
  format('update public.calls set ringing = false where id = %L', pg_temp.call('pbx-ring')),
  '428C9', null, 'the flag is derived: nobody writes it, not even the owner');

-- the flag follows the call: answered by an operator on the console (no PBX answer event)
select tests.authenticate_as(tests.id('operator'));
select lives_ok(
  format('select public.answer_call(%L, (select version from public.calls where id = %L))', pg_temp.call('pbx-ring'), pg_temp.call('pbx-ring')),
  'an operator may still answer a ringing call from the console');
select tests.as_owner();
select is((select ringing from public.calls where id = pg_temp.call('pbx-ring')), false, 'answered on the console: no longer ringing');
-- back to ringing for the checks below (a new PBX call)
select tests.pbx('r2', 'ringing', 'pbx-ring2', now() - interval '50 seconds');
insert into fx_call select c.external_id, c.id from public.calls c where c.external_id = 'pbx-ring2';

-- who reads a ringing call: every role, allowed and denied -------------------------------------------
select is(tests.probe(tests.id('operator'), format('select 1 from public.calls where id = %L and ringing', pg_temp.call('pbx-ring2'))),
  'rows:1', 'operator select ringing call → rows:1');
select is(tests.probe(tests.id('spare'), format('select 1 from public.calls where id = %L and ringing', pg_temp.call('pbx-ring2'))),
  'rows:1', 'another operator select ringing call → rows:1 (it pops up on every free console)');
select is(tests.probe(tests.id('supervisor'), format('select 1 from public.calls where id = %L', pg_temp.call('pbx-ring2'))),
  'rows:1', 'supervisor select ringing call → rows:1');
select is(tests.probe(tests.id('opd_own'), format('select 1 from public.calls where id = %L', pg_temp.call('pbx-ring2'))),
  'rows:0', 'opd (own agency) select ringing call → rows:0 (no incident assigned to them)');
select is(tests.probe(tests.id('opd_other'), format('select 1 from public.calls where id = %L', pg_temp.call('pbx-ring2'))),
  'rows:0', 'opd (other agency) select ringing call → rows:0');
select is(tests.probe(tests.id('leadership'), 'select 1 from public.calls where ringing'),
  'rows:0', 'leadership select ringing calls → rows:0 (never reads calls)');
select is(tests.probe(tests.id('admin'), 'select 1 from public.calls where ringing'),
  'rows:0', 'admin select ringing calls → rows:0');
select is(tests.probe(null, 'select 1 from public.calls where ringing'),
  'error:42501', 'anon select ringing calls → error:42501');
select is(tests.probe(tests.id('operator'), format('update public.calls set operator_id = %L where id = %L', tests.id('operator'), pg_temp.call('pbx-ring2'))),
  'error:42501', 'operator update ringing call → error:42501 (only the workflow functions write calls)');
select is(tests.probe(tests.id('supervisor'), format('delete from public.calls where id = %L', pg_temp.call('pbx-ring2'))),
  'error:42501', 'supervisor delete ringing call → error:42501');
select is(tests.probe(tests.id('operator'), 'insert into public.calls (source, external_id) values (''telephony'', ''forged'')'),
  'error:42501', 'operator insert of a telephony call → error:42501');
select diag('rls matrix cells: 11');

-- waiting_calls_summary, as the supervisor's dispatch board reads it ---------------------------------
select tests.authenticate_as(tests.id('supervisor'));
select is(
  (select s.waiting - b.waiting from public.waiting_calls_summary() s, fx_before b), 1::bigint,
  'one call waits (the 13-hour one lost its end and is left out)');
select is(
  (select s.oldest_received_at from public.waiting_calls_summary() s),
  (select min(c.received_at) from public.calls c where c.ringing and c.received_at > now() - interval '12 hours'),
  'the oldest waiting call gives the longest wait');
select is(
  (select s.oldest_received_at from public.waiting_calls_summary() s) <= now() - interval '50 seconds', true,
  'the longest wait is at least that of the call rung 50 s ago');
select is(
  (select s.abandoned_today - b.abandoned_today from public.waiting_calls_summary() s, fx_before b), 1::bigint,
  'one call abandoned today; the one abandoned before WIB midnight is not counted');
select is((select s.measured_at from public.waiting_calls_summary() s), now(), 'the count carries the database time');

select tests.as_owner();
select tests.pbx('r3', 'abandoned', 'pbx-ring2', now());
select tests.authenticate_as(tests.id('supervisor'));
select is(
  (select s.waiting - b.waiting from public.waiting_calls_summary() s, fx_before b), 0::bigint,
  'an abandoned call stops waiting');
select is(
  (select s.abandoned_today - b.abandoned_today from public.waiting_calls_summary() s, fx_before b), 2::bigint,
  '… and counts as abandoned today');

select tests.as_owner();

-- no caller data, definer with a fixed search path
select is(
  (select array_to_string(p.proargnames, ',') from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname = 'waiting_calls_summary'),
  'waiting,oldest_received_at,abandoned_today,measured_at',
  'the result has counts and times only (no phone, name, operator or call id)');
select ok(
  (select p.prosecdef and p.proconfig @> array['search_path=""'] from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = 'waiting_calls_summary'),
  'security definer with an empty search_path');

-- who may call it
select is(tests.outcome_as('x', tests.id('leadership'), 'select * from public.waiting_calls_summary()'), 'ok', 'leadership (the wall) may');
select is(tests.outcome_as('x', tests.id('supervisor'), 'select * from public.waiting_calls_summary()'), 'ok', 'a supervisor may');
select is(tests.outcome_as('x', tests.id('admin'), 'select * from public.waiting_calls_summary()'), 'ok', 'an admin may');
select is(tests.outcome_as('service_role', null, 'select * from public.waiting_calls_summary()'), 'ok', 'the service role may');
select is(tests.outcome_as('x', tests.id('operator'), 'select * from public.waiting_calls_summary()'), '42501 forbidden_role',
  'an operator is refused (the console shows the ringing calls themselves)');
select is(tests.outcome_as('x', tests.id('opd_own'), 'select * from public.waiting_calls_summary()'), '42501 forbidden_role',
  'an OPD liaison is refused');
select is(tests.outcome_as('x', tests.id('no_profile'), 'select * from public.waiting_calls_summary()'), '42501 not_authenticated',
  'a user without a profile is refused');
select is(left(tests.outcome_as('anon', null, 'select * from public.waiting_calls_summary()'), 5), '42501',
  'anon may not execute it');

select * from finish();
rollback;
