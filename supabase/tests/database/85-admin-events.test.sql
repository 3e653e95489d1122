-- The admin audit trail: written only through private.log_admin_event (stamped with the database
-- clock and the acting admin), append-only for everyone, readable by admins only; require_admin
-- admits admins and the service role and refuses every other role.
begin;
\ir helpers/test-helpers.psql
select plan(16);

select tests.build_world();

-- The request's claims without switching role: what an admin function (security definer, run as
-- its owner) sees of its caller.
create function tests.claims_of(p_user uuid, p_role text) returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', json_build_object('sub', p_user, 'role', p_role)::text, true);
  perform set_config('request.jwt.claim.sub', coalesce(p_user::text, ''), true);
  perform set_config('request.jwt.claim.role', p_role, true);
end;
$$;

-- writing ------------------------------------------------------------------------------------------
select tests.claims_of(tests.id('admin'), 'authenticated');
select private.log_admin_event('agency.updated', 'agencies', tests.id('aga')::text,
  '{"name": "Lama"}', '{"name": "Baru"}');
select tests.as_owner();
select results_eq(
  $$ select kind, target_table, target_id, before ->> 'name', after ->> 'name', actor_id, at = now()
     from public.admin_events $$,
  $$ values ('agency.updated'::text, 'agencies'::text, tests.id('aga')::text, 'Lama'::text, 'Baru'::text,
            tests.id('admin'), true) $$,
  'an admin change is recorded with kind, target, before/after, the admin and the database clock'
);

select tests.claims_of(null, 'service_role');
select private.log_admin_event('account.created', 'profiles', tests.id('spare')::text, null, '{"role": "operator"}');
select tests.as_owner();
select is((select actor_id from public.admin_events where kind = 'account.created'), null,
  'a change by trusted server code (service role) has no actor');

select throws_ok(
  $$ insert into public.admin_events (kind, target_table, target_id) values ('Agency Updated', 'agencies', 'x') $$,
  '23514', null, 'a kind outside <subject>.<verb> is refused');
select throws_ok(
  $$ insert into public.admin_events (kind, target_table, target_id, after) values ('agency.updated', 'agencies', 'x', '[1]') $$,
  '23514', null, 'before/after must be JSON objects');

-- append-only --------------------------------------------------------------------------------------
select throws_ok($$update public.admin_events set after = '{}'$$, 'P0001', 'audit_immutable', 'the owner cannot update an admin event');
select throws_ok($$delete from public.admin_events$$, 'P0001', 'audit_immutable', 'the owner cannot delete an admin event');
select throws_ok($$truncate public.admin_events$$, 'P0001', 'audit_immutable', 'the owner cannot truncate the admin trail');
select tests.authenticate_as_service_role();
select throws_ok($$delete from public.admin_events$$, '42501', null, 'the service role has no delete privilege on the admin trail');
select tests.as_owner();
select is((select count(*) from pg_policies where schemaname = 'public' and tablename = 'admin_events' and cmd <> 'SELECT'), 0::bigint,
  'admin_events has no write policy at all');

-- API roles cannot call the writer -----------------------------------------------------------------
select is(
  tests.probe(tests.id('admin'), $q$select private.log_admin_event('agency.updated', 'agencies', 'x', null, null)$q$),
  'error:42501', 'an admin cannot write the trail directly through the private writer');

-- require_admin ------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), 'select private.require_admin()'), 'error:42501',
  'require_admin is not callable by API roles either (only from admin functions)');
select tests.claims_of(tests.id('admin'), 'authenticated');
select lives_ok('select private.require_admin()', 'require_admin admits an admin');
select tests.claims_of(tests.id('supervisor'), 'authenticated');
select throws_ok('select private.require_admin()', 'P0001', 'forbidden_role', 'require_admin refuses a supervisor');
select tests.claims_of(tests.id('leadership'), 'authenticated');
select throws_ok('select private.require_admin()', 'P0001', 'forbidden_role', 'require_admin refuses leadership');
select tests.claims_of(null, 'anon');
select throws_ok('select private.require_admin()', 'P0001', 'not_authenticated', 'require_admin refuses anon');
select tests.claims_of(null, 'service_role');
select lives_ok('select private.require_admin()', 'require_admin admits the service role');
select tests.as_owner();

select * from finish();
rollback;
