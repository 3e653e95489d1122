-- The administrator's audit trail (issue #13): every change an admin makes to accounts, agencies,
-- posts, run cards, SLA targets or settings writes one row here, in the same transaction as the
-- change, with the row before and after. Like incident_events it is append-only for everyone,
-- the table owner and the service role included. Admin functions write it through
-- private.log_admin_event; no API role may insert directly.

create table public.admin_events (
  id bigint generated always as identity primary key,
  -- Null when trusted server code (the service role, e.g. `npm run admin:create`) made the change.
  actor_id uuid references public.profiles (id) on delete set null,
  -- '<subject>.<verb>', e.g. 'account.created', 'agency.deactivated', 'sla_target.changed'.
  kind text not null check (kind ~ '^[a-z][a-z_]{1,39}\.[a-z][a-z_]{1,39}$'),
  -- The table (or auth object) changed and the key of the changed row, as text.
  target_table text not null check (target_table ~ '^[a-z][a-z_.]{1,62}$'),
  target_id text not null check (length(target_id) between 1 and 120),
  before jsonb check (before is null or jsonb_typeof(before) = 'object'),
  after jsonb check (after is null or jsonb_typeof(after) = 'object'),
  at timestamptz not null default now()
);
comment on table public.admin_events is
  'Append-only audit of administrative changes (who, what, before/after), one row per change.';
comment on column public.admin_events.before is
  'The changed row before the change (null when created); never a password or a token.';
create index admin_events_at_idx on public.admin_events (at desc);
create index admin_events_actor_at_idx on public.admin_events (actor_id, at desc) where actor_id is not null;
create index admin_events_target_idx on public.admin_events (target_table, target_id, at desc);

revoke all on table public.admin_events from public, anon, authenticated, service_role;
grant select on table public.admin_events to authenticated, service_role;
alter table public.admin_events enable row level security;
create policy "admins read the admin trail" on public.admin_events
  for select to authenticated
  using ((select private.my_role()) = 'admin');

create trigger admin_events_append_only before update or delete on public.admin_events
  for each row execute function private.refuse_audit_change();
create trigger admin_events_no_truncate before truncate on public.admin_events
  for each statement execute function private.refuse_audit_change();

-- Writes one admin event stamped with the database clock and the acting admin (null for the
-- service role). Called only from security-definer admin functions.
create function private.log_admin_event(
  p_kind text,
  p_target_table text,
  p_target_id text,
  p_before jsonb,
  p_after jsonb
) returns void
language sql
set search_path = ''
as $$
  insert into public.admin_events (actor_id, kind, target_table, target_id, before, after, at)
  values (
    (select p.id from public.profiles p where p.id = auth.uid()),
    p_kind, p_target_table, p_target_id, p_before, p_after, now()
  )
$$;
comment on function private.log_admin_event(text, text, text, jsonb, jsonb) is
  'Appends one admin_events row in the caller''s transaction.';
revoke all on function private.log_admin_event(text, text, text, jsonb, jsonb) from public;

-- Refuses unless the caller is an active admin (by the database, never by the UI) or trusted
-- server code with the service role.
create function private.require_admin() returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if private.is_service_role() then
    return;
  end if;
  perform private.require_role(array['admin']::public.app_role[]);
end;
$$;
comment on function private.require_admin() is
  'Workflow-style refusal (not_authenticated / forbidden_role) unless the caller is an admin or the service role.';
revoke all on function private.require_admin() from public;

-- The append-only refusal names the trail it protects (it now guards two tables).
create or replace function private.refuse_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = 'audit_immutable',
    hint = format('%s is append-only.', tg_table_name);
end;
$$;
