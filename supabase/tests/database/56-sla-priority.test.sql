-- SLA targets per priority (migration 20261205060000): an admin overrides an incident stage's target
-- for one priority through set_sla_priority_target (version-checked, audited, history kept); the
-- statistics judge each incident and assignment by the target in force at its time for its priority.
begin;
\ir helpers/test-helpers.psql
select plan(32 + 28);

select tests.build_world();

select is((select count(*)::int from public.sla_priority_targets where target_seconds is null), 12,
  'every incident stage × priority starts without override (the general target applies)');
select is(tests.run_as(tests.id('operator'), $$select count(*) as n from public.sla_priority_targets$$) ->> 'n', '12',
  'a signed-in user reads the overrides (the timers need them)');

-- the RLS matrix of sla_priority_targets (10-rls-matrix leaves it to this file): every role reads the
-- twelve rows when signed in, nobody writes them but set_sla_priority_target.
select is(tests.probe(case when r.role = 'anon' then null else tests.id(r.role) end, p.sql),
          case when r.role <> 'anon' and p.op = 'select' then 'rows:12' else 'error:42501' end,
          format('sla_priority_targets: %s %s', r.role, p.op))
from unnest(array['anon', 'operator', 'supervisor', 'opd_own', 'opd_other', 'leadership', 'admin']) as r (role)
cross join (values
  ('select', 'select 1 from public.sla_priority_targets'),
  ('insert', 'insert into public.sla_priority_targets (stage, priority, target_seconds) values (''dispatch'', ''low'', 5)'),
  ('update', 'update public.sla_priority_targets set target_seconds = 5'),
  ('delete', 'delete from public.sla_priority_targets')
) as p (op, sql);

-- who may ---------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'forbidden_role', 'an operator cannot set an override');
select is(tests.try_as(tests.id('supervisor'), $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'forbidden_role', 'a supervisor cannot set an override');
select is(tests.try_as(tests.id('opd_own'), $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'forbidden_role', 'an OPD cannot set an override');
select is(tests.try_as(tests.id('leadership'), $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'forbidden_role', 'leadership cannot set an override');
select is(tests.try_as(tests.id('no_profile'), $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'not_authenticated', 'a user without profile cannot');
select is(tests.try_as(null, $$select public.set_sla_priority_target('dispatch', 'critical', 60)$$), 'error:42501', 'anon may not even call it');

-- bad input changes nothing ------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('answer', 'critical', 5)$$), 'sla_stage_without_priority',
  'a call stage has no priority yet: refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('call_total', 'low', 500)$$), 'sla_stage_without_priority',
  'nor the call total');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('dispatch', 'critical', 0)$$), 'invalid_sla_target', 'zero seconds is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('dispatch', 'critical', 86401)$$), 'invalid_sla_target', 'more than 24 hours is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('dispatch', null, 60)$$), 'invalid_sla_target', 'no priority is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target(null, 'critical', 60)$$), 'invalid_sla_target', 'no stage is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_priority_target('dispatch', 'critical', 60, 7)$$), 'stale_version', 'a stale version is refused');
select is((select count(*)::int from public.sla_target_history where priority is not null), 0, 'no refusal wrote history');

-- A critical incident stamped a little ahead of the database clock, dispatched after 90 s: within the
-- general 120 s, not within a 60-s override saved now. One assignment acknowledged after 90 s too.
insert into public.incidents (ticket_no, category, priority, description, lat, lng, reported_at, dispatched_at, status)
values ('112-20261205-9101', 'fire', 'critical', 'Kebakaran gudang', -6.0, 106.03, now() + interval '2 days 10 seconds',
        now() + interval '2 days 100 seconds', 'dispatched');
insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at)
select i.id, tests.id('agb'), 'acknowledged', now() + interval '2 days 100 seconds', now() + interval '2 days 190 seconds'
from public.incidents i where i.ticket_no = '112-20261205-9101';

-- the admin sets and removes it ----------------------------------------------------------------------
select is(tests.run_as(tests.id('admin'), $$select * from public.set_sla_priority_target('dispatch', 'critical', 60, 1)$$) ->> 'target_seconds', '60',
  'an admin sets a tighter KRITIS dispatch target');
select ok((select version = 2 and target_seconds = 60 from public.sla_priority_targets where stage = 'dispatch' and priority = 'critical'),
  'the override in force, version bumped');
select ok((select count(*) = 1 and bool_and(effective_from = now() and changed_by = tests.id('admin') and target_seconds = 60)
           from public.sla_target_history where stage = 'dispatch' and priority = 'critical'),
  'the history keeps the override, effective from the moment saved, with who saved it');
select ok((select count(*) = 1 and bool_and(actor_id = tests.id('admin') and before ->> 'target_seconds' is null and after ->> 'target_seconds' = '60')
           from public.admin_events where kind = 'sla_priority_target.changed' and target_id = 'dispatch:critical'),
  'one admin event with the value before (none) and after');
select is(tests.run_as(tests.id('admin'), $$select * from public.set_sla_priority_target('dispatch', 'critical', 60, 2)$$) ->> 'version', '2',
  'saving the value in force changes nothing');
select is((select target_seconds from private.sla_target_in_force('dispatch', 'critical', now())), 60, 'KRITIS incidents: the override');
select is((select target_seconds from private.sla_target_in_force('dispatch', 'high', now())), 120, 'other priorities: the general target');
select is((select within from private.stats_incident_seconds where span = 1 and day = ((now() + interval '2 days 10 seconds') at time zone 'Asia/Jakarta')::date and stage = 'dispatch' and seconds = 90 and samples > 0), false,
  'the future KRITIS incident''s 90-s dispatch was re-filed: outside the 60-s override');

select tests.run_as(tests.id('admin'), $$select * from public.set_sla_priority_target('acknowledge', 'critical', 60)$$);
select is((select within from private.stats_assignment_seconds where span = 1 and day = ((now() + interval '2 days 10 seconds') at time zone 'Asia/Jakarta')::date and stage = 'acknowledge' and seconds = 90 and samples > 0), false,
  'its assignment is judged by its incident''s priority');
update public.incidents set priority = 'high' where ticket_no = '112-20261205-9101';
select is((select array_agg(within order by stage) from private.stats_incident_seconds where span = 1 and day = ((now() + interval '2 days 10 seconds') at time zone 'Asia/Jakarta')::date and seconds = 90 and samples > 0), array[true],
  'a priority changed to TINGGI: the incident is judged by the general target again');
select is((select within from private.stats_assignment_seconds where span = 1 and day = ((now() + interval '2 days 10 seconds') at time zone 'Asia/Jakarta')::date and stage = 'acknowledge' and seconds = 90 and samples > 0), true,
  'and so is its assignment');
select is((select count(*)::int from private.stats_rollup_mismatches()), 0, 'the rollups equal their recomputation');

select tests.run_as(tests.id('admin'), $$select * from public.set_sla_priority_target('dispatch', 'critical', null, 2)$$);
select ok((select target_seconds is null and version = 3 from public.sla_priority_targets where stage = 'dispatch' and priority = 'critical')
          and (select target_seconds is null from public.sla_target_history where stage = 'dispatch' and priority = 'critical' order by id desc limit 1),
  'removing the override is kept in the history as well');

-- statistics across a change in time ---------------------------------------------------------------
-- Dispatch after 100 s on 10, 12 and 14 January; a 60-s KRITIS override from 11 January, removed on
-- 13 January. Only the KRITIS incident of 12 January is judged by the override (and misses it).
insert into public.incidents (ticket_no, category, priority, description, lat, lng, reported_at, dispatched_at, status)
values
  ('112-20260110-9201', 'fire', 'critical', 'A', -6.0, 106.03, '2026-01-10 08:00+07', '2026-01-10 08:01:40+07', 'dispatched'),
  ('112-20260112-9202', 'fire', 'critical', 'B', -6.0, 106.03, '2026-01-12 08:00+07', '2026-01-12 08:01:40+07', 'dispatched'),
  ('112-20260112-9203', 'fire', 'medium', 'C', -6.0, 106.03, '2026-01-12 09:00+07', '2026-01-12 09:01:40+07', 'dispatched'),
  ('112-20260114-9204', 'fire', 'critical', 'D', -6.0, 106.03, '2026-01-14 08:00+07', '2026-01-14 08:01:40+07', 'dispatched');
insert into public.sla_target_history (stage, priority, target_seconds, effective_from)
values ('dispatch', 'critical', 60, '2026-01-11 00:00+07'), ('dispatch', 'critical', null, '2026-01-13 00:00+07');
select private.stats_rebuild();
select tests.authenticate_as(tests.id('leadership'));
select results_eq(
  $$select samples, within_target from public.stats_sla_compliance('2026-01-10 00:00+07', '2026-01-15 00:00+07') where stage = 'dispatch'$$,
  $$values (4::bigint, 3::bigint)$$, 'each incident judged by the target of its time for its priority');
select is((select within_target from public.stats_sla_compliance('2026-01-12 06:00+07', '2026-01-12 12:00+07') where stage = 'dispatch'),
  1::bigint, 'the same from the raw rows of a partial day');
select tests.as_owner();

select throws_ok($$update public.sla_target_history set target_seconds = 1 where priority is not null$$, 'P0001', 'audit_immutable',
  'the history of overrides is append-only, even for the owner');

select * from finish();
rollback;
