-- Caller data protection (issue #22): the access log (a read writes exactly one record, nobody
-- changes it, the rule is the calls policies'), retention (no raw number older than its period,
-- statistics unchanged, held incidents untouched, idempotent), legal holds, data-subject requests,
-- and the RLS matrix of the four new tables.
begin;
\ir helpers/test-helpers.psql
select plan(197);

select tests.build_world();

-- ---------------------------------------------------------------------------------------------
-- RLS matrix of the new tables
-- ---------------------------------------------------------------------------------------------
insert into tests.world
select 'hold1', (tests.run_as(tests.id('supervisor'),
  'select * from public.place_legal_hold({inc1}, ''Penyidikan polisi'', now() + interval ''30 days'')') ->> 'id')::uuid;
insert into tests.world
select 'dsr1', (tests.run_as(tests.id('admin'),
  'select * from public.record_data_subject_request(''0812 3456 7890'', ''access'', ''Bu Ani, ani@example.id'')') ->> 'id')::uuid;

create temp table probe_sql (tab text, op text, sql text, primary key (tab, op));
insert into probe_sql values
  ('caller_data_access', 'select', 'select 1 from public.caller_data_access'),
  ('caller_data_access', 'insert', 'insert into public.caller_data_access (screen) values (''dispatch_drawer'')'),
  ('caller_data_access', 'update', 'update public.caller_data_access set reason = ''x'''),
  ('caller_data_access', 'delete', 'delete from public.caller_data_access'),
  ('retention_settings', 'select', 'select 1 from public.retention_settings'),
  ('retention_settings', 'insert', 'insert into public.retention_settings (id) values (true) on conflict do nothing'),
  ('retention_settings', 'update', 'update public.retention_settings set incident_days = 31'),
  ('retention_settings', 'delete', 'delete from public.retention_settings'),
  ('legal_holds', 'select', 'select 1 from public.legal_holds where id = {hold1}'),
  ('legal_holds', 'insert', 'insert into public.legal_holds (incident_id, reason, expires_at) values ({inc1}, ''abc'', now() + interval ''1 day'')'),
  ('legal_holds', 'update', 'update public.legal_holds set reason = ''xyz'' where id = {hold1}'),
  ('legal_holds', 'delete', 'delete from public.legal_holds where id = {hold1}'),
  ('data_subject_requests', 'select', 'select 1 from public.data_subject_requests where id = {dsr1}'),
  ('data_subject_requests', 'insert', 'insert into public.data_subject_requests (phone_pseudonym, kind, requester) values (''h:'' || repeat(''0'', 64), ''access'', ''Someone'')'),
  ('data_subject_requests', 'update', 'update public.data_subject_requests set requester = ''X Y'' where id = {dsr1}'),
  ('data_subject_requests', 'delete', 'delete from public.data_subject_requests where id = {dsr1}');

create temp table matrix (tab text, role text, s text, i text, u text, d text);
insert into matrix
select t.tab, r.role,
       case when r.role = 'anon' or t.tab = 'caller_data_access' then 'D'
            when (t.tab, r.role) in (('retention_settings', 'admin'), ('legal_holds', 'admin'), ('legal_holds', 'supervisor'),
                                     ('data_subject_requests', 'admin')) then '1'
            else '0' end,
       'D', 'D', 'D'
from (values ('caller_data_access'), ('retention_settings'), ('legal_holds'), ('data_subject_requests')) t (tab)
cross join (values ('anon'), ('operator'), ('supervisor'), ('opd_own'), ('opd_other'), ('leadership'), ('admin')) r (role);

create temp table cells as
select m.tab, m.role, o.op, p.sql,
       case when o.v = 'D' then 'error:42501' else 'rows:' || o.v end as expected,
       o.ord
from matrix m
cross join lateral (values ('select', m.s, 1), ('insert', m.i, 2), ('update', m.u, 3), ('delete', m.d, 4)) o (op, v, ord)
join probe_sql p on p.tab = m.tab and p.op = o.op;

select is(
  tests.probe(case when c.role = 'anon' then null else tests.id(c.role) end, tests.fill(c.sql)),
  c.expected,
  format('%s %s %s → %s', c.role, c.op, c.tab, c.expected)
)
from cells c
order by c.tab, c.role, c.ord;
select is((select count(*)::int from cells), 4 * 7 * 4, 'one cell per table × role × operation (112)');
select ok(
  (select bool_and(c.relrowsecurity) from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname in ('caller_data_access', 'retention_settings', 'legal_holds', 'data_subject_requests')),
  'row-level security is on for the four tables');
select is((select count(*)::int from private.pseudonym_key), 1, 'one pseudonym key, made by the migration');
select is(has_table_privilege('authenticated', 'private.pseudonym_key', 'select') or has_table_privilege('service_role', 'private.pseudonym_key', 'select'),
  false, 'no API role can read the pseudonym key');

-- ---------------------------------------------------------------------------------------------
-- access log
-- ---------------------------------------------------------------------------------------------
create temp table log_count as select count(*)::int as n from public.caller_data_access;
select is(
  (select tests.run_as(tests.id('supervisor'), 'select caller_phone, caller_name from public.read_caller_data(array[{call1}]::uuid[], ''dispatch_drawer'')')),
  '{"caller_name": "Bu Ani", "caller_phone": "0812 3456 7890"}'::jsonb, 'a supervisor reads the caller of call1');
select is((select count(*)::int from public.caller_data_access) - (select n from log_count), 1, 'that read wrote exactly one record');
select is(
  (select to_jsonb(a) - 'id' - 'at' from public.caller_data_access a where a.screen = 'dispatch_drawer'),
  jsonb_build_object('actor_id', tests.id('supervisor'), 'actor_role', 'supervisor', 'call_id', tests.id('call1'),
    'incident_id', tests.id('inc1'), 'phone_pseudonym', private.phone_pseudonym('081234567890'), 'screen', 'dispatch_drawer',
    'reason', null, 'rows_shown', null),
  'the record says who, which call and incident, which screen, and the number only as its pseudonym');

-- The function lets exactly the roles read that the calls policies let see the row.
select is(
  tests.try_as(tests.id(r.role), tests.fill('select public.read_caller_data(array[{call1}]::uuid[], ''opd_detail'')')),
  case when tests.probe(tests.id(r.role), tests.fill('select 1 from public.calls where id = {call1}')) = 'rows:1' then 'ok'
       when r.role in ('leadership', 'admin') then 'forbidden_role' else 'not_found' end,
  'read_caller_data agrees with the calls policies for ' || r.role)
from (values ('operator'), ('supervisor'), ('opd_own'), ('opd_other'), ('leadership'), ('admin'), ('no_profile')) r (role)
where r.role <> 'no_profile';
select is(tests.try_as(null, tests.fill('select public.read_caller_data(array[{call1}]::uuid[], ''opd_detail'')')),
  'error:42501', 'anon may not call read_caller_data');
select is(tests.try_as(tests.id('no_profile'), tests.fill('select public.read_caller_data(array[{call1}]::uuid[], ''opd_detail'')')),
  'not_authenticated', 'a user without profile is refused');
select is(tests.try_as(tests.id('operator'), tests.fill('select public.read_caller_data(array[{call1}, gen_random_uuid()]::uuid[], ''opd_detail'')')),
  'not_found', 'all or nothing: an unknown call refuses the request');
select is(tests.try_as(tests.id('operator'), tests.fill('select public.read_caller_data(array[{call1}]::uuid[], ''access_log'')')),
  'invalid_screen', 'the admin screens are not for read_caller_data');
select is(tests.try_as(tests.id('operator'), tests.fill('select public.read_caller_data(array[{call1}]::uuid[], ''export_csv'', repeat(''x'', 301))')),
  'invalid_reason', 'a reason is bounded');
select is(tests.try_as(tests.id('operator'), 'select public.read_caller_data(array[]::uuid[], ''export_csv'')'),
  'invalid_calls', 'at least one call');
select is(tests.try_as(tests.id('operator'), 'select public.read_caller_data(array(select gen_random_uuid() from generate_series(1, 501)), ''export_csv'')'),
  'invalid_calls', 'at most 500 calls');
select is((select count(*)::int from public.caller_data_access) - (select n from log_count), 1, 'refused and rolled-back reads left no record');

-- Nobody changes the log, not even its owner.
select throws_ok($$ update public.caller_data_access set reason = 'x' $$, 'P0001', 'audit_immutable', 'the owner cannot update the log');
select throws_ok($$ delete from public.caller_data_access $$, 'P0001', 'audit_immutable', 'the owner cannot delete from the log');
select throws_ok($$ truncate public.caller_data_access $$, 'P0001', 'audit_immutable', 'the owner cannot truncate the log');

-- Reading the log is logged.
update log_count set n = (select count(*)::int from public.caller_data_access);
select is(tests.try_as(tests.id('supervisor'), 'select public.caller_data_access_page()'), 'forbidden_role', 'only admins read the log');
select is(
  (select jsonb_array_length(tests.run_as(tests.id('admin'), 'select coalesce(jsonb_agg(p.screen), ''[]'') as s from public.caller_data_access_page(p_limit => 10) p') -> 's')),
  1, 'the admin sees the one read so far');
select is((select count(*)::int from public.caller_data_access) - (select n from log_count), 1, 'the admin''s page wrote one record');
select is((select string_agg(a.rows_shown || '/' || a.actor_role, ',') from public.caller_data_access a where a.screen = 'access_log'),
  '1/admin', 'recorded as an access_log read of one row');
select is(tests.try_as(tests.id('admin'), 'select public.caller_data_access_page(p_limit => 201)'), 'invalid_limit', 'pages are bounded');
select is(tests.try_as(tests.id('admin'), 'select public.caller_data_access_page(now(), null)'), 'invalid_cursor', 'a cursor has both parts');

-- ---------------------------------------------------------------------------------------------
-- retention settings
-- ---------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), 'select public.set_retention_settings(365, 60)'), 'forbidden_role', 'a supervisor cannot set retention');
select is(tests.try_as(tests.id('admin'), 'select public.set_retention_settings(365, 1)'), 'invalid_settings', 'periods are bounded');
update public.nuisance_settings set window_hours = 720, block_hours = 720;
select is(tests.try_as(tests.id('admin'), 'select public.set_retention_settings(365, 59)'), 'retention_too_short',
  'ghost/prank retention never shorter than the nuisance window plus block');
update public.nuisance_settings set window_hours = 24, block_hours = 24;
select is(tests.try_as(tests.id('admin'), 'select public.set_retention_settings(365, 60, 99)'), 'stale_version', 'version checked');
select is((tests.run_as(tests.id('admin'), 'select * from public.set_retention_settings(365, 60, 1)') ->> 'version')::int, 2, 'saved, version bumped');
select is(
  (select e.before || e.after from public.admin_events e where e.kind = 'retention_settings.changed' order by e.at desc limit 1),
  '{"incident_days": 365, "nuisance_days": 60, "version": 2}'::jsonb, 'audited with the new periods');
select is(tests.try_as(tests.id('admin'), 'select public.set_retention_settings(730, 90, 2)'), 'ok', 'back to the defaults');

-- ---------------------------------------------------------------------------------------------
-- legal holds
-- ---------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id(r.role), tests.fill('select public.place_legal_hold({inc1}, ''Penyidikan'', now() + interval ''1 day'')')),
  r.outcome, r.role || ' placing a hold → ' || r.outcome)
from (values ('operator', 'forbidden_role'), ('opd_own', 'forbidden_role'), ('leadership', 'forbidden_role'),
             ('supervisor', 'ok'), ('admin', 'ok')) r (role, outcome);
select is(tests.try_as(tests.id('supervisor'), tests.fill('select public.place_legal_hold({inc1}, ''  '', now() + interval ''1 day'')')),
  'reason_required', 'a hold needs a reason');
select is(tests.try_as(tests.id('supervisor'), tests.fill('select public.place_legal_hold({inc1}, ''Penyidikan'', now() - interval ''1 day'')')),
  'invalid_expiry', 'a hold expires in the future');
select is(tests.try_as(tests.id('supervisor'), tests.fill('select public.place_legal_hold({inc1}, ''Penyidikan'', now() + interval ''6 years'')')),
  'invalid_expiry', 'a hold lasts at most five years');
select is((select count(*)::int from public.admin_events e where e.kind = 'legal_hold.placed' and e.target_id = tests.id('hold1')::text), 1,
  'placing a hold is audited');
select is(tests.try_as(tests.id('operator'), tests.fill('select public.lift_legal_hold({hold1}, ''Selesai'')')), 'forbidden_role', 'an operator cannot lift a hold');

-- ---------------------------------------------------------------------------------------------
-- retention: statistics before, the job, statistics after
-- ---------------------------------------------------------------------------------------------
-- Old calls: a ghost call 100 days ago, an emergency call 800 days ago whose incident is closed, one
-- whose incident is held, and a prank call of an actively blocked number.
-- On a seeded database the demo history holds calls past their period (by the settings in force
-- here): the job takes those first, so that the runs below count only this file's calls.
select tests.run_as(null, 'select public.run_retention() as job');
create function pg_temp.old_call(p_name text, p_type public.call_type, p_days integer, p_phone text, p_incident uuid default null)
returns void language sql as $$
  insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, caller_phone, caller_name,
                            caller_lat, caller_lng, caller_accuracy_m, incident_id, operator_id)
  values (now() - make_interval(days => p_days), now() - make_interval(days => p_days) + interval '5 s',
          now() - make_interval(days => p_days) + interval '40 s', now() - make_interval(days => p_days) + interval '90 s',
          p_type, p_phone, 'Nama ' || p_name, -6.012345, 106.054321, 25, p_incident, tests.id('operator'));
  insert into tests.world select p_name, c.id from public.calls c where c.caller_name = 'Nama ' || p_name;
$$;
insert into public.incidents (ticket_no, category, priority, description, lat, lng, kecamatan, status, reported_at, dispatched_at, resolved_at, closed_at, close_summary)
values ('112-20230101-9001', 'fire', 'high', 'Kebakaran lama', -6.0, 106.03, 'Jombang', 'closed',
        now() - interval '800 days', now() - interval '800 days' + interval '2 min', now() - interval '800 days' + interval '1 hour',
        now() - interval '800 days' + interval '2 hours', 'Selesai'),
       ('112-20230101-9002', 'medical', 'high', 'Sakit lama', -6.0, 106.03, 'Cibeber', 'closed',
        now() - interval '800 days', now() - interval '800 days' + interval '2 min', now() - interval '800 days' + interval '1 hour',
        now() - interval '800 days' + interval '2 hours', 'Selesai');
insert into tests.world select 'old_inc', i.id from public.incidents i where i.ticket_no = '112-20230101-9001';
insert into tests.world select 'held_inc', i.id from public.incidents i where i.ticket_no = '112-20230101-9002';
select pg_temp.old_call('ghost_old', 'ghost', 100, '0877-1111 2222');
select pg_temp.old_call('ghost_recent', 'ghost', 30, '0877-1111 2222');
select pg_temp.old_call('emerg_old', 'emergency', 800, '0812 9999 0001', tests.id('old_inc'));
select pg_temp.old_call('emerg_held', 'emergency', 800, '0812 9999 0002', tests.id('held_inc'));
select pg_temp.old_call('prank_blocked', 'prank', 100, '0899 5555 0000');
insert into public.blocked_numbers (phone, status, prank_calls, ghost_calls, threshold, window_hours, first_call_at, last_call_at,
                                    trigger_call_id, decided_at, decision_reason, expires_at)
values ('089955550000', 'approved', 3, 0, 3, 24, now() - interval '1 hour', now(), tests.id('prank_blocked'), now(), 'Iseng berulang', now() + interval '1 day');
select tests.run_as(tests.id('supervisor'),
  format('select * from public.place_legal_hold(%L, ''Penyidikan kebakaran'', now() + interval ''90 days'')', tests.id('held_inc')));

-- The figures of every statistics function over the whole range, as a supervisor reads them (leadership
-- may not read the per-operator figures).
create function pg_temp.figures(p_from timestamptz, p_to timestamptz) returns jsonb language sql as $f$
  select tests.run_as(tests.id('supervisor'), format('select jsonb_build_object(
  ''by_type'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_calls_by_type(%1$L, %2$L, ''day'') s),
  ''hour'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_calls_by_hour_of_day(%1$L, %2$L) s),
  ''sla'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_sla_compliance(%1$L, %2$L) s),
  ''category'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_incidents_by_category(%1$L, %2$L) s),
  ''kecamatan'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_incidents_by_kecamatan(%1$L, %2$L) s),
  ''agency'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_agency_response(%1$L, %2$L) s),
  ''operator'', (select jsonb_agg(to_jsonb(s) order by to_jsonb(s)::text) from public.stats_operator_stage_times(%1$L, %2$L) s)
) as figures', p_from, p_to)) -> 'figures'
$f$;
create temp table stats_before as
select pg_temp.figures(now() - interval '810 days', now() - interval '420 days') as old, pg_temp.figures(now() - interval '390 days', now() + interval '1 day') as recent;
create temp table repeat_before as
select count(distinct coalesce(c.caller_phone_pseudonym, private.phone_pseudonym(c.caller_phone))) as numbers,
       count(*) filter (where c.caller_phone is not null or c.caller_phone_pseudonym is not null) as calls
from public.calls c;

select is(tests.try_as(tests.id('supervisor'), 'select public.run_retention()'), 'forbidden_role', 'a supervisor cannot run the job');
select is(tests.run_as(null, 'select public.run_retention() as job') -> 'job',
  '{"pseudonymised": 2, "held_skipped": 1, "positions_deleted": 0}'::jsonb, 'the job pseudonymises the old ghost and the old closed emergency call');

select is(
  (select count(*)::int from public.calls c
    left join public.incidents i on i.id = c.incident_id
    where c.caller_phone is not null
      and c.received_at < now() - make_interval(days => case when c.call_type in ('ghost', 'prank', 'info') then 90 else 730 end)
      and not coalesce(private.incident_held(c.incident_id), false)
      and (private.active_block(private.phone_key(c.caller_phone))).id is null),
  0, 'no raw number older than its period is left (outside holds and active blocks)');
select is(
  (select jsonb_build_object('call_type', c.call_type, 'caller_phone', c.caller_phone, 'caller_name', c.caller_name,
     'caller_lat', c.caller_lat, 'caller_lng', c.caller_lng, 'caller_accuracy_m', c.caller_accuracy_m, 'incident_id', c.incident_id,
     'notes', c.notes, 'caller_phone_pseudonym', c.caller_phone_pseudonym)
   from public.calls c where c.id = tests.id('ghost_old')),
  jsonb_build_object('call_type', 'ghost', 'caller_phone', null, 'caller_name', null, 'caller_lat', -6.01, 'caller_lng', 106.05,
    'caller_accuracy_m', null, 'incident_id', null, 'notes', null, 'caller_phone_pseudonym', private.phone_pseudonym('087711112222')),
  'number → keyed hash, name removed, location rounded');
select is((select c.caller_phone || '/' || c.caller_name from public.calls c where c.id = tests.id('emerg_held')),
  '0812 9999 0002/Nama emerg_held', 'the held incident''s call is untouched');
select is((select c.caller_phone from public.calls c where c.id = tests.id('prank_blocked')),
  '0899 5555 0000', 'a number with an active block is kept');
select is((select c.caller_phone from public.calls c where c.id = tests.id('ghost_recent')),
  '0877-1111 2222', 'a call within its period is kept');
select is((select c.caller_phone_pseudonym from public.calls c where c.id = tests.id('ghost_old')),
  private.phone_pseudonym((select c.caller_phone from public.calls c where c.id = tests.id('ghost_recent'))),
  'the same number written the same or differently has one pseudonym (repeat callers still count)');
select is(
  (select count(distinct coalesce(c.caller_phone_pseudonym, private.phone_pseudonym(c.caller_phone)))::bigint || '/' ||
          (count(*) filter (where c.caller_phone is not null or c.caller_phone_pseudonym is not null))::bigint from public.calls c),
  (select numbers || '/' || calls from repeat_before), 'distinct callers and calls with a number are unchanged');
select is(pg_temp.figures(now() - interval '810 days', now() - interval '420 days'), (select old from stats_before),
  'the statistics of two years ago are the same after the job');
select is(pg_temp.figures(now() - interval '390 days', now() + interval '1 day'), (select recent from stats_before), 
  'every statistics function of the last year gives the same figures after the job');
select is((select (e.after ->> 'pseudonymised')::int from public.admin_events e where e.kind = 'retention.run' order by e.id desc limit 1), 2,
  'the run is audited with how many rows');

create temp table second_run as select count(*) as events from public.admin_events;
select is(tests.run_as(null, 'select public.run_retention() as job') -> 'job', '{"pseudonymised": 0, "held_skipped": 1, "positions_deleted": 0}'::jsonb,
  'a second run changes nothing');
select is((select count(*) from public.admin_events), (select events from second_run), 'and writes no audit row');
select is(tests.run_as(tests.id('admin'), 'select public.run_retention() as job') -> 'job' -> 'pseudonymised', '0'::jsonb, 'an admin may run the job');
select is(public.run_retention() -> 'pseudonymised', '0'::jsonb, 'so may the owner''s session without API claims (pg_cron)');
select is(tests.try_as(tests.id('operator'), 'select public.run_retention()'), 'forbidden_role', 'an operator may not');

-- A lifted hold lets the job take the call.
select is(tests.try_as(tests.id('supervisor'),
  format('select public.lift_legal_hold(%L, ''Penyidikan selesai'')', (select h.id from public.legal_holds h where h.incident_id = tests.id('held_inc')))),
  'ok', 'a supervisor lifts a hold');
select tests.run_as(tests.id('supervisor'),
  format('select * from public.lift_legal_hold(%L, ''Penyidikan selesai'')', (select h.id from public.legal_holds h where h.incident_id = tests.id('held_inc'))));
select is((select count(*)::int from public.admin_events e where e.kind = 'legal_hold.lifted'), 1, 'lifting is audited');
select is(tests.try_as(tests.id('admin'),
  format('select public.lift_legal_hold(%L, ''lagi'')', (select h.id from public.legal_holds h where h.incident_id = tests.id('held_inc')))),
  'hold_not_active', 'a lifted hold cannot be lifted again');
select is(tests.run_as(null, 'select public.run_retention() as job') -> 'job', '{"pseudonymised": 1, "held_skipped": 0, "positions_deleted": 0}'::jsonb,
  'after the hold the job pseudonymises that call');

-- ---------------------------------------------------------------------------------------------
-- data-subject requests
-- ---------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id(r.role), 'select public.data_subject_search(''0877 1111 2222'')'), 'forbidden_role',
  r.role || ' cannot search a number')
from (values ('operator'), ('supervisor'), ('opd_own'), ('leadership')) r (role);
select is(tests.try_as(tests.id('admin'), 'select public.data_subject_search(''--'')'), 'invalid_phone', 'a search needs a number');
update log_count set n = (select count(*)::int from public.caller_data_access);
create temp table dsr as
select tests.run_as(tests.id('admin'), 'select public.data_subject_search(''0877 1111 2222'', true, ''Permintaan Bu X'') as d') -> 'd' as d;
select is((select count(*)::int from public.caller_data_access) - (select n from log_count), 1, 'the export wrote one access record');
select is((select string_agg(a.rows_shown || '/' || a.reason, ',') from public.caller_data_access a where a.screen = 'data_subject_export'),
  '2/Permintaan Bu X', 'recorded as an export of two calls');
select set_eq(
  $$ select (e ->> 'id')::uuid from dsr, jsonb_array_elements(d -> 'calls') e $$,
  $$ select c.id from public.calls c where private.phone_key(c.caller_phone) = '087711112222' or c.caller_phone_pseudonym = private.phone_pseudonym('087711112222') $$,
  'the export holds every call of the number, raw and pseudonymised');
select is(
  (select e from dsr, jsonb_array_elements(d -> 'calls') e where (e ->> 'id')::uuid = tests.id('ghost_recent')) - 'received_at' - 'answered_at' - 'ended_at',
  (select jsonb_build_object('id', c.id, 'call_type', c.call_type, 'caller_phone', c.caller_phone, 'caller_name', c.caller_name,
     'caller_lat', c.caller_lat, 'caller_lng', c.caller_lng, 'caller_accuracy_m', c.caller_accuracy_m, 'incident_id', c.incident_id,
     'notes', c.notes, 'pseudonymised_at', c.pseudonymised_at) from public.calls c where c.id = tests.id('ghost_recent')),
  'a call round-trips as the database holds it');
select is((select jsonb_array_length(d -> 'access') from dsr), 0, 'no read about that number yet');
select is(
  (select jsonb_array_length(tests.run_as(tests.id('admin'), 'select public.data_subject_search(''081234567890'') as d') -> 'd' -> 'access')),
  1, 'the supervisor''s read of call1 is among the records about its number');
select is(
  (select jsonb_array_length(tests.run_as(tests.id('admin'), 'select public.data_subject_search(''081234567890'') as d') -> 'd' -> 'requests')),
  1, 'and the request recorded about it');
select is(tests.try_as(tests.id('supervisor'), 'select public.record_data_subject_request(''0812'', ''access'', ''Seseorang'')'),
  'forbidden_role', 'only admins record requests');
select is(tests.try_as(tests.id('admin'), 'select public.record_data_subject_request(''0812'', ''access'', ''X'')'),
  'invalid_request', 'a request names its requester');
select is(tests.try_as(tests.id('admin'), tests.fill('select public.answer_data_subject_request({dsr1}, ''Data terlampir'', 9)')),
  'stale_version', 'answers are version-checked');
select is((tests.run_as(tests.id('admin'), tests.fill('select * from public.answer_data_subject_request({dsr1}, ''Data terlampir dikirim'', 1)')) ->> 'version')::int,
  2, 'the admin records the answer');
select is((select count(*)::int from public.admin_events e where e.kind like 'data_subject_request.%' and e.target_id = tests.id('dsr1')::text), 2,
  'recording and answering are audited');

select * from finish();
rollback;
