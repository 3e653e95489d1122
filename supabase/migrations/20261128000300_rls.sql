-- Row-level security and table privileges (DESIGN.md §2).
-- Two layers, so that a client can tell "not allowed at all" from "no rows for you":
--   * privileges: anon has none; signed-in users may only select the workflow tables (calls,
--     incidents, assignments, incident_events) — every write goes through the workflow functions —
--     and may write the admin tables, where policies let only admins do it. A refused privilege is
--     SQLSTATE 42501.
--   * policies: which rows each role sees or changes; rows outside them are filtered out (0 rows).
-- Caller phone and name live only in calls, which leadership cannot select at all.

-- ---------------------------------------------------------------------------------------------
-- privileges
-- ---------------------------------------------------------------------------------------------
revoke all on table public.profiles, public.agencies, public.agency_posts, public.calls, public.incidents,
  public.assignments, public.incident_events, public.sla_targets
  from anon, authenticated;

grant select on table public.profiles, public.agencies, public.agency_posts, public.calls, public.incidents,
  public.assignments, public.incident_events, public.sla_targets
  to authenticated;

-- truncate is left out on purpose: it is not subject to row-level security.
grant insert, update, delete on table public.profiles, public.agencies, public.agency_posts, public.sla_targets
  to authenticated;

revoke all on table private.ticket_counters from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- row-level security on every table
-- ---------------------------------------------------------------------------------------------
alter table public.profiles enable row level security;
alter table public.agencies enable row level security;
alter table public.agency_posts enable row level security;
alter table public.calls enable row level security;
alter table public.incidents enable row level security;
alter table public.assignments enable row level security;
alter table public.incident_events enable row level security;
alter table public.sla_targets enable row level security;
alter table private.ticket_counters enable row level security;

-- profiles ------------------------------------------------------------------------------------
create policy "users read their own profile" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()));

create policy "supervisors and admins read every profile" on public.profiles
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'admin'));

create policy "admins create profiles" on public.profiles
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');

create policy "admins update profiles" on public.profiles
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins delete other users' profiles" on public.profiles
  for delete to authenticated
  using ((select private.my_role()) = 'admin' and id <> (select auth.uid()));

-- Nobody changes their own role, agency or active flag, not even an admin (another admin must).
create function private.protect_own_profile() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.id is distinct from old.id then
    raise exception using errcode = 'P0001', message = 'forbidden_role', hint = 'A profile id never changes.';
  end if;
  if old.id = auth.uid()
     and (new.role, new.agency_id, new.active) is distinct from (old.role, old.agency_id, old.active) then
    raise exception using errcode = 'P0001', message = 'forbidden_role',
      hint = 'You cannot change your own role, agency or active flag.';
  end if;
  return new;
end;
$$;
revoke all on function private.protect_own_profile() from public;

create trigger profiles_protect_own before update on public.profiles
  for each row execute function private.protect_own_profile();

-- agencies, posts, SLA targets: reference data every signed-in user reads, admins maintain ------
create policy "signed-in users read agencies" on public.agencies
  for select to authenticated
  using ((select private.my_role()) is not null);

create policy "admins create agencies" on public.agencies
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');

create policy "admins update agencies" on public.agencies
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins delete agencies" on public.agencies
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

create policy "signed-in users read agency posts" on public.agency_posts
  for select to authenticated
  using ((select private.my_role()) is not null);

create policy "admins create agency posts" on public.agency_posts
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');

create policy "admins update agency posts" on public.agency_posts
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins delete agency posts" on public.agency_posts
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

create policy "signed-in users read SLA targets" on public.sla_targets
  for select to authenticated
  using ((select private.my_role()) is not null);

create policy "admins create SLA targets" on public.sla_targets
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');

create policy "admins update SLA targets" on public.sla_targets
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins delete SLA targets" on public.sla_targets
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

-- incidents -----------------------------------------------------------------------------------
create policy "supervisors and leadership read every incident" on public.incidents
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'leadership'));

-- Operators see open incidents to link repeat callers, and the ones they reported.
create policy "operators read open incidents and their own reports" on public.incidents
  for select to authenticated
  using (
    (select private.my_role()) = 'operator'
    and (status not in ('closed', 'cancelled') or reported_by = (select auth.uid()))
  );

create policy "agencies read incidents assigned to them" on public.incidents
  for select to authenticated
  using ((select private.my_role()) = 'opd' and private.assigned_to_my_agency(id));

-- calls ---------------------------------------------------------------------------------------
create policy "operators and supervisors read every call" on public.calls
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor'));

create policy "agencies read the calls of incidents assigned to them" on public.calls
  for select to authenticated
  using (
    (select private.my_role()) = 'opd'
    and incident_id is not null
    and private.assigned_to_my_agency(incident_id)
  );

-- assignments ---------------------------------------------------------------------------------
create policy "supervisors and leadership read every assignment" on public.assignments
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'leadership'));

-- The subquery runs under the incidents policies: operators see who handles the incidents they see.
create policy "operators read assignments of incidents they see" on public.assignments
  for select to authenticated
  using (
    (select private.my_role()) = 'operator'
    and incident_id in (select i.id from public.incidents i)
  );

-- An agency sees every agency on its incidents (to coordinate) and its own withdrawn assignments.
create policy "agencies read assignments of their incidents" on public.assignments
  for select to authenticated
  using (
    (select private.my_role()) = 'opd'
    and (agency_id = (select private.my_agency()) or private.assigned_to_my_agency(incident_id))
  );

-- incident_events: select only; append-only enforced below ------------------------------------
create policy "supervisors read every event" on public.incident_events
  for select to authenticated
  using ((select private.my_role()) = 'supervisor');

create policy "leadership reads incident events" on public.incident_events
  for select to authenticated
  using ((select private.my_role()) = 'leadership' and incident_id is not null);

create policy "operators read call events and events of incidents they see" on public.incident_events
  for select to authenticated
  using (
    (select private.my_role()) = 'operator'
    and (call_id is not null or incident_id in (select i.id from public.incidents i))
  );

create policy "agencies read events of incidents assigned to them" on public.incident_events
  for select to authenticated
  using (
    (select private.my_role()) = 'opd'
    and incident_id is not null
    and private.assigned_to_my_agency(incident_id)
  );

-- The audit trail refuses update, delete and truncate even for the table owner and the service role.
create function private.refuse_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = 'audit_immutable',
    hint = 'incident_events is append-only.';
end;
$$;
revoke all on function private.refuse_audit_change() from public;

create trigger incident_events_append_only before update or delete on public.incident_events
  for each row execute function private.refuse_audit_change();

create trigger incident_events_no_truncate before truncate on public.incident_events
  for each statement execute function private.refuse_audit_change();
