-- Who is calling: helpers used by row-level security policies and the workflow functions.
-- security definer with an empty search_path, so a policy on profiles or assignments can ask them
-- without recursing into its own policies, and nobody can shadow the objects they read.

create function private.my_role() returns public.app_role
language sql
stable
security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid()) and p.active
$$;
comment on function private.my_role() is
  'Role of the signed-in user from profiles (never from user_metadata); null when signed out or inactive.';

create function private.my_agency() returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.agency_id from public.profiles p where p.id = (select auth.uid()) and p.active
$$;
comment on function private.my_agency() is 'Agency of the signed-in OPD liaison; null for every other user.';

create function private.assigned_to_my_agency(p_incident_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.assignments a
    where a.incident_id = p_incident_id
      and a.agency_id = private.my_agency()
      and a.status <> 'withdrawn'
  )
$$;
comment on function private.assigned_to_my_agency(uuid) is
  'True when the incident is (or was, unless withdrawn) assigned to the caller''s agency: what an OPD may see.';

revoke all on function private.my_role() from public;
revoke all on function private.my_agency() from public;
revoke all on function private.assigned_to_my_agency(uuid) from public;
grant usage on schema private to authenticated, service_role;
grant execute on function private.my_role() to authenticated, service_role;
grant execute on function private.my_agency() to authenticated, service_role;
grant execute on function private.assigned_to_my_agency(uuid) to authenticated, service_role;
