-- Privileges stated, never inherited (issue #14). Hosted Supabase projects no longer grant new
-- objects to the API roles (new projects from 2026-05-30, all from 2026-10-30), and a database that
-- was created earlier still carries the old defaults (ALL to anon, authenticated and service_role).
-- Either way, after this migration each API role holds exactly what it needs on every table of our
-- schemas; every later migration grants its own objects the same way.
--
--   anon           nothing: every screen signs in first.
--   authenticated  select on every public table (row-level security decides which rows); insert,
--                  update and delete only on the reference tables whose policies allow admins to
--                  write them. Workflow tables and audit trails change only through functions.
--   service_role   trusted server code (the telephony webhook, `npm run admin:create`, test
--                  helpers): reads everything, administers the reference tables, and like everyone
--                  else writes workflow tables and audit trails only through the workflow functions.
-- Truncate, references and trigger are granted to nobody: truncate is not subject to RLS.

revoke all on table
  public.profiles, public.agencies, public.agency_posts, public.sla_targets,
  public.calls, public.incidents, public.assignments,
  public.incident_events, public.telephony_events, public.admin_events
  from public, anon, authenticated, service_role;

grant select on table
  public.profiles, public.agencies, public.agency_posts, public.sla_targets,
  public.calls, public.incidents, public.assignments,
  public.incident_events, public.telephony_events, public.admin_events
  to authenticated, service_role;

grant insert, update, delete on table
  public.profiles, public.agencies, public.agency_posts, public.sla_targets
  to authenticated, service_role;

-- A trigger function needs no EXECUTE grant to fire; nobody may call it directly.
revoke all on function private.touch_updated_at() from public;
