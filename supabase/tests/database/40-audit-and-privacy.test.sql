-- The audit trail is append-only and has exactly one row per transition; caller data never reaches
-- leadership or other agencies; functions are locked down; roles come from profiles only.
begin;
\ir helpers/test-helpers.psql
select plan(27);

-- This file's own audit rows: every one written after this point (a seeded database has older ones).
create temp table events_before as select coalesce(max(id), 0) as last_id from public.incident_events;
create temp view own_events as
select e.* from public.incident_events e where e.id > (select last_id from events_before);
select tests.build_world();

-- one audit row per transition ---------------------------------------------------------------------
-- build_world ran 6 transitions: start, answer, classify, report, end, dispatch.
select is((select count(*)::int from own_events), 6, 'six transitions, six events');
select results_eq(
  $$ select kind::text, actor_id from own_events order by id $$,
  $$ values ('call_started', tests.id('operator')), ('call_answered', tests.id('operator')),
            ('call_classified', tests.id('operator')), ('incident_reported', tests.id('operator')),
            ('call_ended', tests.id('operator')), ('dispatched', tests.id('supervisor')) $$,
  'each event names its transition and its actor, in order');
select ok((select bool_and(at = now()) from own_events), 'events are stamped by the database clock');

select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.acknowledge_assignment({asg1}, tests.av(''asg1''))')$$, 'acknowledge');
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.mark_on_scene({asg1}, tests.av(''asg1''))')$$, 'on scene');
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.complete_assignment({asg1}, ''Selesai'', tests.av(''asg1''))')$$, 'complete');
select lives_ok($$select tests.run_as(tests.id('supervisor'), 'select * from public.close_incident({inc1}, ''Selesai'', tests.iv(''inc1''))')$$, 'close');
select is((select count(*)::int from own_events), 10, 'four more transitions, four more events');
select is((select version from public.incidents where id = tests.id('inc1')), 6, 'incident version: 1 + dispatch + three OPD steps + close');
select is((select data ->> 'incident_status' from own_events where kind = 'completed'), 'resolved',
  'the OPD event records the derived incident status');

-- append-only, even for the owner ------------------------------------------------------------------
select throws_ok($$update public.incident_events set data = '{}'$$, 'P0001', 'audit_immutable', 'the owner cannot update an event');
select throws_ok($$delete from public.incident_events$$, 'P0001', 'audit_immutable', 'the owner cannot delete an event');
select throws_ok($$truncate public.incident_events cascade$$, 'P0001', 'audit_immutable', 'the owner cannot truncate the trail');
select tests.authenticate_as_service_role();
select throws_ok($$delete from public.incident_events$$, '42501', null, 'the service role has no delete privilege on the trail');
select tests.as_owner();
select is(tests.probe(tests.id('supervisor'), 'delete from public.incident_events'), 'error:42501', 'a supervisor is refused deleting events');
select is((select count(*) from pg_policies where schemaname = 'public' and tablename = 'incident_events' and cmd <> 'SELECT'), 0::bigint,
  'incident_events has no write policy at all');

-- caller data --------------------------------------------------------------------------------------
select is(
  (select count(*)::int from information_schema.columns
   where table_schema = 'public' and column_name like 'caller%' and table_name <> 'calls'),
  0, 'caller columns exist only in calls');
select is(tests.probe(tests.id('leadership'), 'select caller_phone from public.calls'), 'rows:0', 'leadership reads no caller phone');
select is((select count(*)::int from own_events where data::text like '%0812%' or data::text like '%Ani%'), 0,
  'no event carries the caller''s phone or name');
select is(tests.probe(tests.id('opd_own'), 'select 1 from public.calls where caller_phone is not null'), 'rows:1',
  'the assigned agency reads the caller''s contact');
select is(tests.probe(tests.id('opd_other'), 'select 1 from public.calls where caller_phone is not null'), 'rows:0',
  'another agency does not');
select is(tests.probe(tests.id('leadership'), 'select 1 from public.incidents where id in (select id from tests.world)'), 'rows:1',
  'leadership reads the incident itself');

-- lockdown -----------------------------------------------------------------------------------------
select is(
  (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname in ('public', 'private') and p.prosecdef
     and not coalesce(p.proconfig @> array['search_path=""'], false)),
  0, 'every security definer function has an empty search_path');
select is(
  (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.prosecdef and has_function_privilege('anon', p.oid, 'execute')),
  0, 'anon executes no security definer function');
select ok(
  (select bool_and(has_function_privilege('authenticated', p.oid, 'execute')) from pg_proc p
   join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.proname in ('dispatch_incident', 'report_incident', 'acknowledge_assignment')),
  'signed-in users execute the workflow functions');
select ok(not has_function_privilege('authenticated', 'private.sync_incident(uuid)', 'execute'),
  'internals are not executable by signed-in users');

-- The role comes from profiles, never from the token's metadata.
select tests.authenticate_as(tests.id('operator'));
select set_config('request.jwt.claims', json_build_object(
  'sub', tests.id('operator'), 'role', 'authenticated',
  'user_metadata', json_build_object('role', 'supervisor'),
  'app_metadata', json_build_object('role', 'supervisor'))::text, true);
select throws_ok(
  format('select public.cancel_incident(%L, %L, 1)', tests.id('inc1'), 'x'),
  'P0001', 'forbidden_role', 'a supervisor role in user_metadata grants nothing');
select tests.as_owner();

select * from finish();
rollback;
