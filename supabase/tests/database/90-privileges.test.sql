-- Privileges are stated, never inherited: every API role holds exactly the privileges listed here on
-- every table of our schemas (a new table without its grants, or with too many, fails this file);
-- no function of ours is executable by PUBLIC or anon; the database a new project starts from grants
-- nothing by default, as hosted Supabase does since 2026-10-30.
begin;
\ir helpers/test-helpers.psql
select plan(6);

create temp table expected_grants (role text, tab text, privileges text);
insert into expected_grants values
  ('authenticated', 'public.admin_events',     'SELECT'),
  ('authenticated', 'public.blocked_numbers',  'SELECT'),
  ('authenticated', 'public.callbacks',        'SELECT'),
  ('authenticated', 'public.nuisance_settings','SELECT'),
  ('authenticated', 'public.agencies',         'SELECT'),
  ('authenticated', 'public.agency_posts',     'SELECT'),
  ('authenticated', 'public.assignments',      'SELECT'),
  ('authenticated', 'public.assignment_positions', 'SELECT'),
  ('authenticated', 'public.calls',            'SELECT'),
  ('authenticated', 'public.incident_events',  'SELECT'),
  ('authenticated', 'public.incidents',        'SELECT'),
  ('authenticated', 'public.profiles',         'DELETE,INSERT,SELECT,UPDATE'),
  ('authenticated', 'public.run_cards',        'SELECT'),
  ('authenticated', 'public.sla_priority_targets', 'SELECT'),
  ('authenticated', 'public.sla_target_history', 'SELECT'),
  ('authenticated', 'public.sla_targets',      'SELECT'),
  ('authenticated', 'public.telephony_events', 'SELECT'),
  ('authenticated', 'public.major_incidents',  'SELECT'),
  ('authenticated', 'public.major_incident_minutes', 'SELECT'),
  ('authenticated', 'public.shift_settings',   'SELECT'),
  ('authenticated', 'public.shift_handovers',  'SELECT'),
  ('authenticated', 'public.letterhead_settings', 'SELECT'),
  ('authenticated', 'public.retention_settings', 'SELECT'),
  ('authenticated', 'public.legal_holds',      'SELECT'),
  ('authenticated', 'public.data_subject_requests', 'SELECT'),
  ('authenticated', 'public.dispatch_feedback', 'SELECT'),
  ('service_role',  'public.admin_events',     'SELECT'),
  ('service_role',  'public.blocked_numbers',  'SELECT'),
  ('service_role',  'public.callbacks',        'SELECT'),
  ('service_role',  'public.nuisance_settings','SELECT'),
  ('service_role',  'public.agencies',         'DELETE,INSERT,SELECT,UPDATE'),
  ('service_role',  'public.agency_posts',     'DELETE,INSERT,SELECT,UPDATE'),
  ('service_role',  'public.assignments',      'SELECT'),
  ('service_role',  'public.assignment_positions', 'SELECT'),
  ('service_role',  'public.calls',            'SELECT'),
  ('service_role',  'public.incident_events',  'SELECT'),
  ('service_role',  'public.incidents',        'SELECT'),
  ('service_role',  'public.profiles',         'DELETE,INSERT,SELECT,UPDATE'),
  ('service_role',  'public.run_cards',        'SELECT'),
  ('service_role',  'public.sla_priority_targets', 'SELECT'),
  ('service_role',  'public.sla_target_history', 'SELECT'),
  ('service_role',  'public.sla_targets',      'DELETE,INSERT,SELECT,UPDATE'),
  ('service_role',  'public.telephony_events', 'SELECT'),
  ('service_role',  'public.major_incidents',  'SELECT'),
  ('service_role',  'public.major_incident_minutes', 'SELECT'),
  ('service_role',  'public.shift_settings',   'SELECT'),
  ('service_role',  'public.shift_handovers',  'SELECT'),
  ('service_role',  'public.letterhead_settings', 'SELECT'),
  ('service_role',  'public.caller_data_access', 'SELECT'),
  ('service_role',  'public.retention_settings', 'SELECT'),
  ('service_role',  'public.legal_holds',      'SELECT'),
  ('service_role',  'public.data_subject_requests', 'SELECT'),
  ('service_role',  'public.dispatch_feedback', 'SELECT');

-- Table privileges of the API roles (and PUBLIC) on every table of public and private, as granted.
select set_eq(
  $$ select r.rolname::text, format('%I.%I', n.nspname, c.relname),
            string_agg(a.privilege_type, ',' order by a.privilege_type)
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
       left join pg_roles r on r.oid = a.grantee
      where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm')
        and (a.grantee = 0 or r.rolname in ('anon', 'authenticated', 'service_role'))
      group by 1, 2 $$,
  $$ select role, tab, privileges from expected_grants $$,
  'each API role holds exactly the listed privileges on every table and view of public and private'
);

select is(
  (select count(*)::int from information_schema.role_column_grants
    where grantee in ('anon', 'PUBLIC') and table_schema in ('public', 'private')),
  0, 'anon and PUBLIC hold no column privilege either'
);

select is(
  (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'private') and c.relkind = 'S'
      and (has_sequence_privilege('anon', c.oid, 'usage') or has_sequence_privilege('authenticated', c.oid, 'usage'))),
  0, 'no sequence of ours is usable by anon or authenticated (identities are filled inside functions)'
);

select is(
  (select array_agg(p.oid::regprocedure::text order by 1) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private')
      and exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0)),
  null, 'no function of ours is executable by PUBLIC'
);

select is(
  (select array_agg(p.oid::regprocedure::text order by 1) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'execute')),
  null, 'no function of ours is executable by anon'
);

-- What a migration creates next gets no privilege unless it grants one.
select is(
  (select count(*)::int from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace
    cross join lateral aclexplode(d.defaclacl) a
    left join pg_roles r on r.oid = a.grantee
   where n.nspname = 'public' and (r.rolname in ('anon', 'authenticated', 'service_role') or (a.grantee = 0 and d.defaclobjtype <> 'f'))),
  0, 'no default privilege in public gives an API role anything on a new object'
);

select * from finish();
rollback;
