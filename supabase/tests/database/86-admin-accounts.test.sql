-- The admin's account functions: only an admin (or the service role) may call them, for every
-- other role they refuse; each change is validated, version-checked and writes one admin event with
-- before/after; deactivation removes every right at the next request; the account list and the
-- audit trail viewer are admin-only reads with validated filters and keyset paging.
begin;
\ir helpers/test-helpers.psql
select plan(56);

select tests.build_world();

-- A fresh auth user without a profile, as the server creates it before the profile step.
insert into auth.users (id, email, aud, role, last_sign_in_at)
values ('00000000-0000-4000-8000-0000000000a1', 'liaison.new@test.local', 'authenticated', 'authenticated', now());
insert into tests.world values ('fresh', '00000000-0000-4000-8000-0000000000a1');

create function tests.pv(p_name text) returns integer
language sql stable security definer set search_path = ''
as $$ select p.version from public.profiles p where p.id = tests.id(p_name) $$;
grant execute on function tests.pv(text) to authenticated, anon, service_role;
-- Admins read no incidents; the tests ask for the ticket number as the owner.
create function tests.ticket(p_name text) returns text
language sql stable security definer set search_path = ''
as $$ select i.ticket_no from public.incidents i where i.id = tests.id(p_name) $$;
create function tests.ticket_event_count() returns bigint
language sql stable security definer set search_path = ''
as $$ select count(*) from public.incident_events e where e.incident_id = tests.id('inc1') or e.call_id = tests.id('call1') $$;
grant execute on function tests.ticket(text), tests.ticket_event_count() to authenticated;

-- who may call ---------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.admin_create_profile({fresh}, 'X', 'operator')$$)),
  'forbidden_role', 'an operator cannot create a profile');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.admin_update_profile({spare}, 1, 'X', 'operator')$$)),
  'forbidden_role', 'a supervisor cannot change an account');
select is(tests.try_as(tests.id('opd_own'), tests.fill($$select public.admin_set_profile_active({spare}, false, 1)$$)),
  'forbidden_role', 'an OPD liaison cannot deactivate an account');
select is(tests.try_as(tests.id('leadership'), tests.fill($$select public.admin_record_password_reset({spare})$$)),
  'forbidden_role', 'leadership cannot record a password reset');
select is(tests.try_as(null, tests.fill($$select public.admin_create_profile({fresh}, 'X', 'operator')$$)),
  'error:42501', 'anon may not even execute the admin functions');
select is(tests.try_as(tests.id('operator'), $$select * from public.admin_accounts()$$),
  'forbidden_role', 'an operator cannot list accounts');
select is(tests.try_as(tests.id('supervisor'), $$select * from public.admin_audit_trail(now() - interval '1 day', now() + interval '1 minute')$$),
  'forbidden_role', 'a supervisor cannot read the audit trail viewer');
select is(tests.try_as(tests.id('leadership'), $$select * from public.admin_audit_trail(now() - interval '1 day', now() + interval '1 minute')$$),
  'forbidden_role', 'leadership cannot read the audit trail viewer');
select is(tests.try_as(tests.id('opd_own'), $$select * from public.admin_accounts()$$),
  'forbidden_role', 'an OPD liaison cannot list accounts');
select is(tests.try_as(null, $$select * from public.admin_accounts()$$),
  'error:42501', 'anon cannot list accounts');

-- create -----------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, 'Liaison', 'opd')$$)),
  'agency_required', 'an OPD liaison without an agency is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, 'Op', 'operator', {aga})$$)),
  'agency_not_allowed', 'an agency for any other role is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, '   ', 'operator')$$)),
  'full_name_required', 'a blank name is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, 'Op', 'supervisor', null, '301')$$)),
  'extension_operator_only', 'an extension is for operators only');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, 'Op', 'operator', null, '3a')$$)),
  'invalid_extension', 'an extension is digits only');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_profile('00000000-0000-4000-8000-00000000ffff', 'Op', 'operator')$$),
  'account_not_found', 'a profile needs an auth user');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({spare}, 'Op', 'operator')$$)),
  'profile_exists', 'an account with a profile gets no second one');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_profile({fresh}, 'Op', 'opd', {agc})$$)),
  'ok', 'a valid OPD liaison profile is accepted (probe)');
select is((select count(*) from public.admin_events), 0::bigint, 'refused and probed calls left no audit event');

select tests.run_as(tests.id('admin'), $$select * from public.admin_create_profile({fresh}, '  Liaison AGA  ', 'opd', {aga})$$);
select results_eq(
  $$ select full_name, role::text, agency_id, active, version from public.profiles where id = tests.id('fresh') $$,
  $$ values ('Liaison AGA'::text, 'opd'::text, tests.id('aga'), true, 1) $$,
  'the admin creates an OPD liaison for an agency (name trimmed)');
select results_eq(
  $$ select kind, target_table, target_id, actor_id, before is null, after ->> 'role', after ->> 'agency_id'
       from public.admin_events $$,
  $$ values ('account.created'::text, 'profiles'::text, tests.id('fresh')::text, tests.id('admin'), true, 'opd'::text, tests.id('aga')::text) $$,
  'the creation is audited with the admin and the row after');

-- the new liaison sees only their agency's assignments
select is(tests.probe(tests.id('fresh'), $$select * from public.assignments$$), 'rows:1',
  'the new liaison sees the assignment of their agency');
select is(tests.probe(tests.id('fresh'), tests.fill($$select * from public.assignments where agency_id <> {aga}$$)), 'rows:0',
  'and no other agency''s');

-- update -----------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({spare}, 7, 'Spare', 'operator')$$)),
  'stale_version', 'a change against an old version is refused as a conflict');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({spare}, null, 'Spare', 'operator')$$)),
  'stale_version', 'a change without a version is refused');
select tests.run_as(tests.id('admin'), $$select * from public.admin_update_profile({operator}, 1, 'Operator Satu', 'operator', null, '301')$$);
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({spare}, 1, 'Spare', 'operator', null, '301')$$)),
  'extension_taken', 'an extension is unique among active operators');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({spare}, 1, 'Spare', 'opd', null)$$)),
  'agency_required', 'turning an account into an OPD liaison needs an agency');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({admin}, 1, 'Admin', 'supervisor')$$)),
  'own_account', 'an admin cannot change their own role');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({admin}, 1, 'Admin Baru', 'admin')$$)),
  'ok', 'an admin may rename themselves');

select tests.run_as(tests.id('admin'), $$select * from public.admin_update_profile({spare}, 1, 'Spare', 'opd', {agb})$$);
select results_eq(
  $$ select role::text, agency_id, version from public.profiles where id = tests.id('spare') $$,
  $$ values ('opd'::text, tests.id('agb'), 2) $$,
  'a role and agency change is saved and bumps the version');
select results_eq(
  $$ select before ->> 'role', after ->> 'role', after ->> 'agency_id', (before ->> 'version')::int, (after ->> 'version')::int
       from public.admin_events where kind = 'account.changed' and target_id = tests.id('spare')::text $$,
  $$ values ('operator'::text, 'opd'::text, tests.id('agb')::text, 1, 2) $$,
  'the change is audited with before and after');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_profile({spare}, 1, 'Spare', 'operator')$$)),
  'stale_version', 'the second admin, still holding version 1, gets a conflict');

-- deactivation -----------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_set_profile_active({admin}, false, tests.pv('admin'))$$)),
  'own_account', 'an admin cannot deactivate themselves');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_set_profile_active({fresh}, true, 1)$$)),
  'invalid_state', 'activating an active account is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_set_profile_active({fresh}, false, 9)$$)),
  'stale_version', 'deactivation checks the version');
select tests.run_as(tests.id('admin'), $$select * from public.admin_set_profile_active({fresh}, false, 1)$$);
select results_eq(
  $$ select active, version from public.profiles where id = tests.id('fresh') $$,
  $$ values (false, 2) $$, 'the liaison is deactivated');
select is(tests.probe(tests.id('fresh'), $$select * from public.assignments$$), 'rows:0',
  'the deactivated liaison''s next request sees nothing');
select is(tests.try_as(tests.id('fresh'), tests.fill($$select public.acknowledge_assignment({asg1}, tests.av('asg1'))$$)),
  'not_authenticated', 'and cannot act on the assignment');
select is(tests.probe(tests.id('fresh'), tests.fill($$select * from public.profiles where id = {fresh} and not active$$)), 'rows:1',
  'but still reads their own (inactive) profile row, which is how open screens notice');
select is((select count(*) from public.admin_events where kind = 'account.deactivated' and target_id = tests.id('fresh')::text
            and (before ->> 'active')::boolean and not (after ->> 'active')::boolean), 1::bigint,
  'deactivation is audited with before/after');

-- reactivating an operator whose extension another active operator took meanwhile
select tests.run_as(tests.id('admin'), $$select * from public.admin_set_profile_active({operator}, false, 2)$$);
select tests.run_as(tests.id('admin'), $$select * from public.admin_update_profile({supervisor}, 1, 'Sup', 'operator', null, '301')$$);
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_set_profile_active({operator}, true, 3)$$)),
  'extension_taken', 'reactivation is refused while another active operator has the extension');

-- the service role (npm run admin:create)
select tests.run_as(null, $$select * from public.admin_update_profile({leadership}, 1, 'Pimpinan', 'admin')$$);
select is((select actor_id from public.admin_events where kind = 'account.changed' and target_id = tests.id('leadership')::text),
  null, 'a change by the service role is audited without an actor');

-- password reset record
select tests.run_as(tests.id('admin'), $$select public.admin_record_password_reset({spare}) as done$$);
select is((select count(*) from public.admin_events where kind = 'account.password_reset' and before is null and after is null),
  1::bigint, 'a password reset is recorded without any password');

-- account list -----------------------------------------------------------------------------------------
select is((select count(*)::int from tests.world w where w.name = 'admin'), 1, 'fixture sanity');
select tests.authenticate_as(tests.id('admin'));
select results_eq(
  $$ select email, role::text, agency_name, active from public.admin_accounts('liaison.new') $$,
  $$ values ('liaison.new@test.local'::text, 'opd'::text, 'Test agency AGA'::text, false) $$,
  'the admin finds an account by email, with agency and active flag');
select is((select count(*) from public.admin_accounts('no-profile')), 1::bigint, 'an auth user without a profile is listed');
select is((select count(*) from public.admin_accounts('%')), 0::bigint, 'a % in the search is text, not a wildcard');
select is((select email from public.admin_accounts(p_user_id => tests.id('spare'))), 'spare@test.local', 'one account by id');
select tests.as_owner();
select is(tests.try_as(tests.id('admin'), $$select * from public.admin_accounts(null, 0)$$), 'invalid_filter',
  'a page size of 0 is refused');

-- audit trail viewer ------------------------------------------------------------------------------------
select tests.authenticate_as(tests.id('admin'));
select ok((select count(*) from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute')
            where source = 'workflow') >= 5
          and (select count(*) from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute')
            where source = 'admin') >= 5,
  'the viewer shows workflow and admin events together');
select results_eq(
  $$ select count(*), count(*) filter (where ticket_no = tests.ticket('inc1'))
       from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute', lower(tests.ticket('inc1'))) $$,
  $$ select n, n from tests.ticket_event_count() n $$,
  'a ticket filter (any case) keeps exactly that ticket''s events, its call''s included');
select is(
  (select count(*) from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute', null, null, 'account.changed')),
  (select count(*) from public.admin_events where kind = 'account.changed'), 'a kind filter keeps that kind');
-- keyset paging: two pages of 3 are the first 6 rows, without overlap
select results_eq(
  $$ with p1 as (select * from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute', p_limit => 3)),
          last as (select at, event_key from p1 order by at, event_key limit 1),
          p2 as (select * from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute',
                   p_after_at => (select at from last), p_after_key => (select event_key from last), p_limit => 3))
     select event_key from p1 union all select event_key from p2 $$,
  $$ select event_key from public.admin_audit_trail(now() - interval '1 hour', now() + interval '1 minute', p_limit => 6) $$,
  'the second page continues exactly where the first ended');
select tests.as_owner();
select is(tests.try_as(tests.id('admin'), $$select * from public.admin_audit_trail(now(), now() - interval '1 day')$$),
  'invalid_range', 'a range that ends before it starts is refused');
select is(tests.try_as(tests.id('admin'), $$select * from public.admin_audit_trail(now() - interval '2 years', now())$$),
  'invalid_range', 'a range longer than 400 days is refused');
select is(tests.try_as(tests.id('admin'), $$select * from public.admin_audit_trail(now() - interval '1 day', now(), 'x'' or 1=1')$$),
  'invalid_filter', 'a malformed ticket number is refused');

select * from finish();
rollback;
