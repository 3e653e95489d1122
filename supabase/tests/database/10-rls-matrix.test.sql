-- The RLS matrix: every table × role × operation, allowed and denied. Each cell says what the
-- caller gets: a number of rows (selected, or changed), 0 when policies filter the row out, or D when
-- Postgres refuses the statement with 42501 (no privilege, or an insert a policy rejects).
-- Select probes target one row tied to agency AGA (the OPD's own), or count the fixture's rows of
-- reference tables (a seeded database holds more of them); update and delete probes target one row; every probe is rolled back.
begin;
\ir helpers/test-helpers.psql
select plan(336 + 10);

select tests.build_world();
-- Leaves one SLA stage free, so that an admin's insert is refused by privilege, not by the key.
delete from public.sla_targets where stage = 'on_scene';
-- One event of the telephony feed, which only the webhook (service role) writes.
insert into public.telephony_events (event_id, event_type, external_call_id, occurred_at, payload, result)
values ('matrix-1', 'ringing', 'matrix-call', now(), '{}', '{}');
-- One admin change, which only admin functions write.
select private.log_admin_event('agency.updated', 'agencies', tests.id('aga')::text, '{}', '{}');

create temp table probe_sql (tab text, op text, sql text, primary key (tab, op));
insert into probe_sql values
  ('profiles', 'select', 'select 1 from public.profiles where id in (select id from tests.world)'),
  ('profiles', 'insert', 'insert into public.profiles (id, full_name, role) values ({no_profile}, ''Baru'', ''operator'')'),
  ('profiles', 'update', 'update public.profiles set full_name = full_name where id = {spare}'),
  ('profiles', 'delete', 'delete from public.profiles where id = {spare}'),
  ('agencies', 'select', 'select 1 from public.agencies where id in (select id from tests.world)'),
  ('agencies', 'insert', 'insert into public.agencies (code, name, kind) values (''NEW'', ''Baru'', ''other'')'),
  ('agencies', 'update', 'update public.agencies set name = name where id = {agc}'),
  ('agencies', 'delete', 'delete from public.agencies where id = {agc}'),
  ('agency_posts', 'select', 'select 1 from public.agency_posts where id in (select id from tests.world)'),
  ('agency_posts', 'insert', 'insert into public.agency_posts (agency_id, name, lat, lng) values ({aga}, ''Pos baru'', -6.01, 106.02)'),
  ('agency_posts', 'update', 'update public.agency_posts set name = name where id = {post1}'),
  ('agency_posts', 'delete', 'delete from public.agency_posts where id = {post1}'),
  ('sla_targets', 'select', 'select 1 from public.sla_targets'),
  ('sla_targets', 'insert', 'insert into public.sla_targets (stage, target_seconds) values (''on_scene'', 600)'),
  ('sla_targets', 'update', 'update public.sla_targets set target_seconds = 45 where stage = ''answer'''),
  ('sla_targets', 'delete', 'delete from public.sla_targets where stage = ''answer'''),
  ('sla_target_history', 'select', 'select 1 from public.sla_target_history'),
  ('sla_target_history', 'insert', 'insert into public.sla_target_history (stage, target_seconds, effective_from) values (''answer'', 5, now())'),
  ('sla_target_history', 'update', 'update public.sla_target_history set target_seconds = 5 where stage = ''answer'''),
  ('sla_target_history', 'delete', 'delete from public.sla_target_history where stage = ''answer'''),
  ('calls', 'select', 'select 1 from public.calls where id = {call1}'),
  ('calls', 'insert', 'insert into public.calls (caller_phone) values (''0811111111'')'),
  ('calls', 'update', 'update public.calls set notes = ''x'' where id = {call1}'),
  ('calls', 'delete', 'delete from public.calls where id = {call1}'),
  ('incidents', 'select', 'select 1 from public.incidents where id = {inc1}'),
  ('incidents', 'insert', 'insert into public.incidents (ticket_no, category, description, lat, lng) values (''112-20260101-9999'', ''fire'', ''x'', -6.0, 106.0)'),
  ('incidents', 'update', 'update public.incidents set priority = ''low'' where id = {inc1}'),
  ('incidents', 'delete', 'delete from public.incidents where id = {inc1}'),
  ('assignments', 'select', 'select 1 from public.assignments where id = {asg1}'),
  ('assignments', 'insert', 'insert into public.assignments (incident_id, agency_id) values ({inc1}, {agc})'),
  ('assignments', 'update', 'update public.assignments set status = ''completed'' where id = {asg1}'),
  ('assignments', 'delete', 'delete from public.assignments where id = {asg1}'),
  ('admin_events', 'select', 'select 1 from public.admin_events'),
  ('admin_events', 'insert', 'insert into public.admin_events (kind, target_table, target_id) values (''agency.updated'', ''agencies'', ''x'')'),
  ('admin_events', 'update', 'update public.admin_events set after = ''{}'''),
  ('admin_events', 'delete', 'delete from public.admin_events'),
  ('incident_events', 'select', 'select 1 from public.incident_events where incident_id = {inc1} and kind = ''dispatched'''),
  ('incident_events', 'insert', 'insert into public.incident_events (incident_id, kind) values ({inc1}, ''escalated'')'),
  ('incident_events', 'update', 'update public.incident_events set data = ''{}'' where incident_id = {inc1}'),
  ('incident_events', 'delete', 'delete from public.incident_events where incident_id = {inc1}'),
  ('run_cards', 'select', 'select 1 from public.run_cards'),
  ('run_cards', 'insert', 'insert into public.run_cards (category, lead_kinds) values (''fire'', array[''fire'']::public.agency_kind[])'),
  ('run_cards', 'update', 'update public.run_cards set support_kinds = ''{}'' where category = ''fire'''),
  ('run_cards', 'delete', 'delete from public.run_cards where category = ''fire'''),
  ('telephony_events', 'select', 'select 1 from public.telephony_events'),
  ('telephony_events', 'insert', 'insert into public.telephony_events (event_id, event_type, external_call_id, occurred_at, payload, result) values (''x'', ''ringing'', ''x'', now(), ''{}'', ''{}'')'),
  ('telephony_events', 'update', 'update public.telephony_events set result = ''{}'' where event_id = ''matrix-1'''),
  ('telephony_events', 'delete', 'delete from public.telephony_events where event_id = ''matrix-1''');

-- The matrix itself. Columns: select, insert, update, delete. D = refused with 42501.
create temp table matrix (tab text, role text, s text, i text, u text, d text);
insert into matrix values
  ('profiles',        'anon',       'D', 'D', 'D', 'D'),
  ('profiles',        'operator',   '1', 'D', '0', '0'),
  ('profiles',        'supervisor', '7', 'D', '0', '0'),
  ('profiles',        'opd_own',    '1', 'D', '0', '0'),
  ('profiles',        'opd_other',  '1', 'D', '0', '0'),
  ('profiles',        'leadership', '1', 'D', '0', '0'),
  ('profiles',        'admin',      '7', '1', '1', '1'),
  ('agencies',        'anon',       'D', 'D', 'D', 'D'),
  ('agencies',        'operator',   '3', 'D', 'D', 'D'),
  ('agencies',        'supervisor', '3', 'D', 'D', 'D'),
  ('agencies',        'opd_own',    '3', 'D', 'D', 'D'),
  ('agencies',        'opd_other',  '3', 'D', 'D', 'D'),
  ('agencies',        'leadership', '3', 'D', 'D', 'D'),
  ('agencies',        'admin',      '3', 'D', 'D', 'D'),
  ('agency_posts',    'anon',       'D', 'D', 'D', 'D'),
  ('agency_posts',    'operator',   '1', 'D', 'D', 'D'),
  ('agency_posts',    'supervisor', '1', 'D', 'D', 'D'),
  ('agency_posts',    'opd_own',    '1', 'D', 'D', 'D'),
  ('agency_posts',    'opd_other',  '1', 'D', 'D', 'D'),
  ('agency_posts',    'leadership', '1', 'D', 'D', 'D'),
  ('agency_posts',    'admin',      '1', 'D', 'D', 'D'),
  ('sla_targets',     'anon',       'D', 'D', 'D', 'D'),
  ('sla_targets',     'operator',   '7', 'D', 'D', 'D'),
  ('sla_targets',     'supervisor', '7', 'D', 'D', 'D'),
  ('sla_targets',     'opd_own',    '7', 'D', 'D', 'D'),
  ('sla_targets',     'opd_other',  '7', 'D', 'D', 'D'),
  ('sla_targets',     'leadership', '7', 'D', 'D', 'D'),
  ('sla_targets',     'admin',      '7', 'D', 'D', 'D'),
  ('sla_target_history', 'anon',       'D', 'D', 'D', 'D'),
  ('sla_target_history', 'operator',   '8', 'D', 'D', 'D'),
  ('sla_target_history', 'supervisor', '8', 'D', 'D', 'D'),
  ('sla_target_history', 'opd_own',    '8', 'D', 'D', 'D'),
  ('sla_target_history', 'opd_other',  '8', 'D', 'D', 'D'),
  ('sla_target_history', 'leadership', '8', 'D', 'D', 'D'),
  ('sla_target_history', 'admin',      '8', 'D', 'D', 'D'),
  ('calls',           'anon',       'D', 'D', 'D', 'D'),
  ('calls',           'operator',   '1', 'D', 'D', 'D'),
  ('calls',           'supervisor', '1', 'D', 'D', 'D'),
  ('calls',           'opd_own',    '1', 'D', 'D', 'D'),
  ('calls',           'opd_other',  '0', 'D', 'D', 'D'),
  ('calls',           'leadership', '0', 'D', 'D', 'D'),
  ('calls',           'admin',      '0', 'D', 'D', 'D'),
  ('incidents',       'anon',       'D', 'D', 'D', 'D'),
  ('incidents',       'operator',   '1', 'D', 'D', 'D'),
  ('incidents',       'supervisor', '1', 'D', 'D', 'D'),
  ('incidents',       'opd_own',    '1', 'D', 'D', 'D'),
  ('incidents',       'opd_other',  '0', 'D', 'D', 'D'),
  ('incidents',       'leadership', '1', 'D', 'D', 'D'),
  ('incidents',       'admin',      '0', 'D', 'D', 'D'),
  ('assignments',     'anon',       'D', 'D', 'D', 'D'),
  ('assignments',     'operator',   '1', 'D', 'D', 'D'),
  ('assignments',     'supervisor', '1', 'D', 'D', 'D'),
  ('assignments',     'opd_own',    '1', 'D', 'D', 'D'),
  ('assignments',     'opd_other',  '0', 'D', 'D', 'D'),
  ('assignments',     'leadership', '1', 'D', 'D', 'D'),
  ('assignments',     'admin',      '0', 'D', 'D', 'D'),
  ('incident_events', 'anon',       'D', 'D', 'D', 'D'),
  ('incident_events', 'operator',   '1', 'D', 'D', 'D'),
  ('incident_events', 'supervisor', '1', 'D', 'D', 'D'),
  ('incident_events', 'opd_own',    '1', 'D', 'D', 'D'),
  ('incident_events', 'opd_other',  '0', 'D', 'D', 'D'),
  ('incident_events', 'leadership', '1', 'D', 'D', 'D'),
  ('incident_events', 'admin',      '0', 'D', 'D', 'D'),
  ('telephony_events', 'anon',       'D', 'D', 'D', 'D'),
  ('telephony_events', 'operator',   '0', 'D', 'D', 'D'),
  ('telephony_events', 'supervisor', '0', 'D', 'D', 'D'),
  ('telephony_events', 'opd_own',    '0', 'D', 'D', 'D'),
  ('telephony_events', 'opd_other',  '0', 'D', 'D', 'D'),
  ('telephony_events', 'leadership', '0', 'D', 'D', 'D'),
  ('telephony_events', 'admin',      '1', 'D', 'D', 'D'),
  ('run_cards', 'anon',       'D', 'D', 'D', 'D'),
  ('run_cards', 'operator',   '10', 'D', 'D', 'D'),
  ('run_cards', 'supervisor', '10', 'D', 'D', 'D'),
  ('run_cards', 'opd_own',    '0', 'D', 'D', 'D'),
  ('run_cards', 'opd_other',  '0', 'D', 'D', 'D'),
  ('run_cards', 'leadership', '0', 'D', 'D', 'D'),
  ('run_cards', 'admin',      '10', 'D', 'D', 'D'),
  ('admin_events', 'anon',       'D', 'D', 'D', 'D'),
  ('admin_events', 'operator',   '0', 'D', 'D', 'D'),
  ('admin_events', 'supervisor', '0', 'D', 'D', 'D'),
  ('admin_events', 'opd_own',    '0', 'D', 'D', 'D'),
  ('admin_events', 'opd_other',  '0', 'D', 'D', 'D'),
  ('admin_events', 'leadership', '0', 'D', 'D', 'D'),
  ('admin_events', 'admin',      '1', 'D', 'D', 'D');

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

select diag('rls matrix cells: ' || (select count(*) from cells));

-- The matrix must cover every table of the public schema, every role and every operation.
select set_eq(
  $$ select distinct tab from cells $$,
  $$ select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       -- covered by 10-rls-matrix-nuisance.test.sql, 56-sla-priority, 92-major-incidents, 93-shift-handover,
       -- 95-caller-data-protection, 96-letterhead, 97-dispatch-accuracy and 97-assignment-positions
       and c.relname not in ('nuisance_settings', 'blocked_numbers', 'callbacks', 'major_incidents',
                             'major_incident_minutes', 'shift_settings', 'shift_handovers', 'sla_priority_targets',
                             'caller_data_access', 'retention_settings', 'legal_holds', 'data_subject_requests',
                             'letterhead_settings', 'dispatch_feedback', 'assignment_positions') $$,
  'the matrix covers every public table'
);
select is((select count(*)::int from cells), 12 * 7 * 4, 'one cell per table × role × operation');
select ok(
  (select bool_and(c.relrowsecurity) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('public', 'private') and c.relkind = 'r'),
  'row-level security is enabled on every table'
);

-- Telling filtered from refused for the same user: an OPD of another agency is not refused, it
-- just gets no rows; leadership is not refused reading calls, it gets none.
select is(tests.probe(tests.id('opd_other'), 'select 1 from public.calls'), 'rows:0', 'OPD of another agency sees no call at all');
select is(tests.probe(tests.id('leadership'), 'select 1 from public.calls'), 'rows:0', 'leadership sees no call at all');

-- Every user reads their own profile; a user without profile, or an inactive one, gets nothing.
select is(tests.probe(tests.id('no_profile'), 'select 1 from public.agencies'), 'rows:0', 'a user without profile sees no agency');
update public.profiles set active = false where id = tests.id('spare');
select is(tests.probe(tests.id('spare'), 'select 1 from public.agencies'), 'rows:0', 'an inactive user sees no agency');
select is(tests.probe(tests.id('spare'), 'select 1 from public.profiles'), 'rows:1', 'an inactive user still reads their own profile');

-- Nobody changes their own role; an admin changes someone else's.
select is(
  tests.try_as(tests.id('admin'), format('update public.profiles set role = %L where id = %L', 'operator', tests.id('admin'))),
  'forbidden_role', 'an admin cannot change their own role'
);
select is(
  tests.probe(tests.id('admin'), format('update public.profiles set role = %L where id = %L', 'supervisor', tests.id('spare'))),
  'rows:1', 'an admin changes another user''s role'
);

select * from finish();
rollback;
