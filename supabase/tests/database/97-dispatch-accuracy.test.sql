-- Dispatch accuracy (issue #18 §5, 20261207070000): answer_dispatch_feedback for every role and its
-- bounds; the RLS matrix of dispatch_feedback (every role × operation, "0 rows" told from 42501);
-- stats_dispatch_accuracy and run_card_feedback_hints on a fixture on 10 April 2025 (WIB), away
-- from anything else a test or the seed creates, and who may call them.
begin;
\ir helpers/test-helpers.psql
select plan(23 + 28 + 2 + 6 + 14);

select tests.build_world();
insert into tests.world values ('agd', tests.create_agency('AGD', 'police'));

-- the liaison's answer ----------------------------------------------------------------------------
create function pg_temp.answer(p_needed text default 'true', p_missing text default '{}', p_assignment text default null) returns text
language sql
as $$
  select format('select public.answer_dispatch_feedback(%L, %s, %L::uuid[])',
    coalesce(p_assignment, tests.id('asg1')::text), p_needed, p_missing)
$$;

select is(tests.try_as(tests.id('opd_own'), pg_temp.answer()), 'invalid_state', 'an assignment not yet acknowledged takes no answer');
select tests.run_as(tests.id('opd_own'), format('select * from public.acknowledge_assignment(%L, %s)', tests.id('asg1'), tests.av('asg1')));

select is(tests.try_as(null, pg_temp.answer()), 'error:42501', 'anon may not answer');
select is(tests.try_as(tests.id('operator'), pg_temp.answer()), 'forbidden_role', 'an operator may not');
select is(tests.try_as(tests.id('supervisor'), pg_temp.answer()), 'forbidden_role', 'a supervisor may not answer for the agency');
select is(tests.try_as(tests.id('leadership'), pg_temp.answer()), 'forbidden_role', 'leadership may not');
select is(tests.try_as(tests.id('admin'), pg_temp.answer()), 'forbidden_role', 'an admin may not');
select is(tests.try_as(tests.id('no_profile'), pg_temp.answer()), 'not_authenticated', 'a user without profile may not');
select is(tests.try_as(tests.id('opd_other'), pg_temp.answer()), 'wrong_agency', 'another agency''s liaison may not answer for it');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer(p_assignment => gen_random_uuid()::text)), 'assignment_not_found', 'an unknown assignment is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('null')), 'answer_required', '"was your agency needed" must be answered');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true', format('{%s}', tests.id('aga')))), 'own_agency_missing', 'the own agency cannot be the missing one');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true', format('{%s}', gen_random_uuid()))), 'unknown_agency', 'an agency that does not exist is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true', format('{%s,NULL}', tests.id('agb')))), 'unknown_agency', 'a null among the agencies is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true', (select '{' || string_agg(gen_random_uuid()::text, ',') || '}' from generate_series(1, 21)))),
  'too_many_agencies', 'more than 20 agencies are refused');
select is((select count(*)::int from public.dispatch_feedback where incident_id = tests.id('inc1')), 0, 'no refusal left an answer');

select is(tests.run_as(tests.id('opd_own'), format($$select * from public.answer_dispatch_feedback(%L, true, array[%L, %L, %L]::uuid[])$$,
            tests.id('asg1'), tests.id('agc'), tests.id('agb'), tests.id('agc'))) ->> 'agency_needed',
  'true', 'the assigned agency''s liaison answers');
select ok((select agency_id = tests.id('aga') and incident_id = tests.id('inc1') and answered_by = tests.id('opd_own')
                  and missing_agency_ids = (select array_agg(x order by x) from unnest(array[tests.id('agb'), tests.id('agc')]) x)
           from public.dispatch_feedback where assignment_id = tests.id('asg1')),
  'stored with its agency, incident and author; the named agencies distinct and sorted');
select tests.run_as(tests.id('opd_own'), format($$select * from public.answer_dispatch_feedback(%L, false)$$, tests.id('asg1')));
select ok((select count(*) = 1 and bool_and(not agency_needed and missing_agency_ids = '{}')
           from public.dispatch_feedback where assignment_id = tests.id('asg1')),
  'answering again replaces the answer (one row, none missing by default)');
select is(tests.try_as(tests.id('opd_own'), format($$insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed) values (%L, %L, %L, true)$$,
            tests.id('asg1'), tests.id('inc1'), tests.id('aga'))), 'error:42501', 'nobody writes the table directly');

-- after completion (a retried offline step) the answer is still taken; after closing it is not
select tests.run_as(tests.id('opd_own'), format($$select * from public.complete_assignment(%L, 'Padam', %s)$$, tests.id('asg1'), tests.av('asg1')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true')), 'ok', 'a completed assignment still takes the answer');
select tests.run_as(tests.id('opd_own'), format($$select * from public.answer_dispatch_feedback(%L, true)$$, tests.id('asg1')));
select tests.run_as(tests.id('supervisor'), format($$select * from public.close_incident(%L, 'Selesai', %s)$$, tests.id('inc1'), tests.iv('inc1')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('false')), 'invalid_state', 'a closed ticket takes no more answers');

-- a declined assignment takes none
select tests.new_incident('inc2');
select tests.run_as(tests.id('supervisor'), format('select * from public.dispatch_incident(%L, array[%L]::uuid[], %s)', tests.id('inc2'), tests.id('aga'), tests.iv('inc2')));
select tests.name_assignment('asg2', 'inc2', 'aga');
select tests.run_as(tests.id('opd_own'), format($$select * from public.decline_assignment(%L, 'Armada habis', %s)$$, tests.id('asg2'), tests.av('asg2')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.answer('true', '{}', tests.id('asg2')::text)), 'invalid_state', 'a declined assignment takes no answer');
select is((select count(*)::int from public.dispatch_feedback where incident_id = tests.id('inc2')), 0, 'and none was stored');

-- the RLS matrix ----------------------------------------------------------------------------------
create temp table probe_sql (op text primary key, sql text);
insert into probe_sql values
  ('select', tests.fill('select 1 from public.dispatch_feedback where incident_id = {inc1}')),
  ('insert', tests.fill('insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed) values ({asg2}, {inc2}, {aga}, true)')),
  ('update', tests.fill('update public.dispatch_feedback set agency_needed = false where incident_id = {inc1}')),
  ('delete', tests.fill('delete from public.dispatch_feedback where incident_id = {inc1}'));
grant select on probe_sql to anon, authenticated, service_role;

create temp table matrix (role text, s text, i text, u text, d text);
insert into matrix values
  ('anon',       'D', 'D', 'D', 'D'),
  ('operator',   '0', 'D', 'D', 'D'),
  ('supervisor', '1', 'D', 'D', 'D'),
  ('opd_own',    '1', 'D', 'D', 'D'),
  ('opd_other',  '0', 'D', 'D', 'D'),
  ('leadership', '1', 'D', 'D', 'D'),
  ('admin',      '1', 'D', 'D', 'D');

select is(
  tests.probe(case when m.role = 'anon' then null else tests.id(m.role) end, p.sql),
  case when o.v = 'D' then 'error:42501' else 'rows:' || o.v end,
  format('%s %s dispatch_feedback → %s', m.role, o.op, o.v)
)
from matrix m
cross join lateral (values ('select', m.s, 1), ('insert', m.i, 2), ('update', m.u, 3), ('delete', m.d, 4)) o (op, v, ord)
join probe_sql p on p.op = o.op
order by m.role, o.ord;

select is(tests.outcome_as('service_role', null, (select sql from probe_sql where op = 'select')), 'ok', 'the service role reads the answers');
select is(left(tests.outcome_as('service_role', null, (select sql from probe_sql where op = 'update')), 5), '42501', 'the service role does not change them');

-- the statistics on a fixture ---------------------------------------------------------------------
-- Fire F1–F6 and medical M1 on 10 April 2025, X1 on 11 April (outside the day):
--   F1 sent A, B: both needed                          → right
--   F2 sent A, B: B not needed                         → unneeded
--   F3 sent A: A names B missing                       → missing
--   F4 sent A, B withdrawn: A names B missing          → missing (a withdrawn agency was not sent)
--   F5 sent A, B, C: B not needed; A names C (was sent) → unneeded only
--   F6 sent A, no answer                               → not counted
--   M1 sent B: B names A missing                       → missing
--   X1 sent A: A not needed                            → outside the range
create function pg_temp.ticket(p_t text) returns text language sql immutable
as $$ select '112-20250410-97' || lpad((array_position(array['F1','F2','F3','F4','F5','F6','M1','X1'], p_t))::text, 2, '0') $$;
insert into public.incidents (ticket_no, status, category, description, lat, lng, kecamatan, reported_at,
  dispatched_at, acknowledged_at, on_scene_at, resolved_at, closed_at, close_summary)
select pg_temp.ticket(r.t), 'closed', r.c::public.incident_category, 'Uji', -6.03, 106.01, 'Citangkil', r.at,
       r.at + interval '1 minute', r.at + interval '2 minutes', r.at + interval '10 minutes',
       r.at + interval '1 hour', r.at + interval '2 hours', 'Selesai'
from (values
  ('F1', 'fire', '2025-04-10 08:00+07'::timestamptz), ('F2', 'fire', '2025-04-10 09:00+07'),
  ('F3', 'fire', '2025-04-10 10:00+07'), ('F4', 'fire', '2025-04-10 11:00+07'),
  ('F5', 'fire', '2025-04-10 12:00+07'), ('F6', 'fire', '2025-04-10 13:00+07'),
  ('M1', 'medical', '2025-04-10 14:00+07'), ('X1', 'fire', '2025-04-11 00:00+07')
) as r (t, c, at);

insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, on_scene_at, completed_at, report,
  withdrawn_at, withdraw_reason)
select i.id, tests.id(r.g), r.st::public.assignment_status, i.reported_at + interval '1 minute',
       case when r.st = 'completed' then i.reported_at + interval '2 minutes' end,
       case when r.st = 'completed' then i.reported_at + interval '10 minutes' end,
       case when r.st = 'completed' then i.reported_at + interval '1 hour' end,
       case when r.st = 'completed' then 'Selesai' end,
       case when r.st = 'withdrawn' then i.reported_at + interval '3 minutes' end,
       case when r.st = 'withdrawn' then 'Tidak perlu' end
from (values
  ('F1', 'aga', 'completed'), ('F1', 'agb', 'completed'),
  ('F2', 'aga', 'completed'), ('F2', 'agb', 'completed'),
  ('F3', 'aga', 'completed'),
  ('F4', 'aga', 'completed'), ('F4', 'agb', 'withdrawn'),
  ('F5', 'aga', 'completed'), ('F5', 'agb', 'completed'), ('F5', 'agc', 'completed'),
  ('F6', 'aga', 'completed'),
  ('M1', 'agb', 'completed'),
  ('X1', 'aga', 'completed')
) as r (t, g, st)
join public.incidents i on i.ticket_no = pg_temp.ticket(r.t);

insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed, missing_agency_ids)
select a.id, a.incident_id, a.agency_id, r.needed, coalesce((select array_agg(tests.id(m)) from unnest(r.missing) m), '{}')
from (values
  ('F1', 'aga', true, '{}'::text[]), ('F1', 'agb', true, '{}'),
  ('F2', 'aga', true, '{}'), ('F2', 'agb', false, '{}'),
  ('F3', 'aga', true, '{agb}'),
  ('F4', 'aga', true, '{agb}'),
  ('F5', 'aga', true, '{agc}'), ('F5', 'agb', false, '{}'), ('F5', 'agc', true, '{}'),
  ('M1', 'agb', true, '{aga}'),
  ('X1', 'aga', false, '{}')
) as r (t, g, needed, missing)
join public.incidents i on i.ticket_no = pg_temp.ticket(r.t)
join public.assignments a on a.incident_id = i.id and a.agency_id = tests.id(r.g);

select tests.authenticate_as(tests.id('leadership'));
create temp table r_acc as select * from public.stats_dispatch_accuracy('2025-04-10 00:00+07', '2025-04-11 00:00+07');
create temp table r_hints as select * from public.run_card_feedback_hints(3);
select tests.as_owner();

select results_eq(
  $$select category::text, answered, right_count, unneeded_count, missing_count, right_share, unneeded_share, missing_share from r_acc order by category$$,
  $$values ('fire', 5::bigint, 1::bigint, 2::bigint, 2::bigint, 0.2000, 0.4000, 0.4000),
           ('medical', 1::bigint, 0::bigint, 0::bigint, 1::bigint, 0.0000, 0.0000, 1.0000)$$,
  'fire: 5 answered (F6 without answer and X1 outside not counted), 1 right, 2 with an unneeded agency, 2 lacking one; medical: 1 lacking one');
select results_eq(
  $$select category::text, top_unneeded_agency_id, top_unneeded_times, top_missing_agency_id, top_missing_times from r_acc order by category$$,
  format($$values ('fire', %L::uuid, 2::bigint, %L::uuid, 2::bigint), ('medical', null::uuid, null::bigint, %L::uuid, 1::bigint)$$,
         tests.id('agb'), tests.id('agb'), tests.id('aga')),
  'the agency most often not needed and most often missing, per category (an agency named but sent is not missing)');
select results_eq(
  format($$select category::text, answers, not_needed from r_hints where agency_id = %L order by category$$, tests.id('aga')),
  $$values ('fire', 3::bigint, 1::bigint)$$,
  'hints: of AGA''s last 3 fire answers (inc1 of the world, X1, F5) one, X1, said not needed');
select results_eq(
  format($$select category::text, answers, not_needed from r_hints where agency_id = %L order by category$$, tests.id('agb')),
  $$values ('fire', 3::bigint, 2::bigint), ('medical', 1::bigint, 0::bigint)$$,
  'hints: AGB was not needed at 2 of its 3 fire answers');
select is(tests.try_as(tests.id('leadership'), 'select * from public.run_card_feedback_hints(0)'), 'invalid_range', 'hints over 0 answers are refused');
select is(tests.try_as(tests.id('leadership'), $$select * from public.stats_dispatch_accuracy('2025-04-10', '2025-04-09')$$), 'invalid_range', 'a reversed range is refused');

-- who may read them
create temp table fx_sql (name text, sql text);
insert into fx_sql values
  ('acc', $$select * from public.stats_dispatch_accuracy(now() - interval '1 day', now())$$),
  ('hints', $$select * from public.run_card_feedback_hints(10)$$);
grant select on fx_sql to anon, authenticated, service_role;

select is(tests.outcome_as('x', tests.id(r.who), (select sql from fx_sql where name = r.fn)), r.expected, format('%s: %s → %s', r.fn, r.who, r.expected))
from (values
  ('acc', 'leadership', 'ok'), ('acc', 'supervisor', 'ok'), ('acc', 'admin', 'ok'),
  ('acc', 'operator', '42501 forbidden_role'), ('acc', 'opd_own', '42501 forbidden_role'),
  ('hints', 'admin', 'ok'), ('hints', 'leadership', 'ok'), ('hints', 'supervisor', 'ok'),
  ('hints', 'operator', '42501 forbidden_role'), ('hints', 'opd_own', '42501 forbidden_role')
) as r (fn, who, expected);
select is(tests.outcome_as('service_role', null, (select sql from fx_sql where name = 'acc')), 'ok', 'the service role reads accuracy (exports, the monthly report)');
select is(tests.outcome_as('service_role', null, (select sql from fx_sql where name = 'hints')), 'ok', 'and the hints');
select is(left(tests.outcome_as('anon', null, (select sql from fx_sql where name = 'acc')), 5), '42501', 'anon may not execute accuracy');
select is(left(tests.outcome_as('anon', null, (select sql from fx_sql where name = 'hints')), 5), '42501', 'nor the hints');

select * from finish();
rollback;
