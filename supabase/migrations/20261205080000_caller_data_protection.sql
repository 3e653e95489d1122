-- Caller data protection under UU PDP 27/2022 (issue #22): who read a caller's number, name or
-- location (caller_data_access, append-only, written by the function that hands the data out),
-- how long it is kept (retention_settings, run_retention pseudonymises in place), which incidents
-- an investigation exempts (legal_holds), and what a caller asked and was answered
-- (data_subject_requests). Every write goes through a security-definer function that checks the
-- role with the same helpers as row-level security and writes its audit row in the same transaction.

-- ---------------------------------------------------------------------------------------------
-- the screens that may ask for caller data
-- ---------------------------------------------------------------------------------------------
create type public.caller_data_screen as enum (
  'operator_console',
  'dispatch_drawer',
  'opd_detail',
  'incident_report',
  'caller_history',
  'export_csv',
  'export_print',
  'access_log',
  'data_subject_request',
  'data_subject_export'
);
comment on type public.caller_data_screen is
  'Where caller data was shown or exported; a fixed list so the access log can be read per screen.';

-- ---------------------------------------------------------------------------------------------
-- the pseudonym key: made here, readable by no API role
-- ---------------------------------------------------------------------------------------------
create table private.pseudonym_key (
  id boolean primary key default true check (id),
  key bytea not null check (length(key) = 32),
  created_at timestamptz not null default now()
);
comment on table private.pseudonym_key is
  'The one secret key of phone pseudonyms (HMAC-SHA256). No API role may read it: with it a pseudonym could be tested against guessed numbers.';
alter table private.pseudonym_key enable row level security;
insert into private.pseudonym_key (key) values (extensions.gen_random_bytes(32));

-- The same number however it was written ("0812-3456 7890", "081234567890") gets one pseudonym,
-- so repeat-caller counts still hold after retention.
create function private.phone_pseudonym(p_phone text) returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when private.phone_key(p_phone) is null then null
    else 'h:' || encode(extensions.hmac(convert_to(private.phone_key(p_phone), 'UTF8'), k.key, 'sha256'), 'hex') end
  from private.pseudonym_key k
  where k.id
$$;
comment on function private.phone_pseudonym(text) is
  'Keyed hash (HMAC-SHA256 under private.pseudonym_key) of a number''s phone_key, as "h:<hex>"; null for no number.';
revoke all on function private.phone_pseudonym(text) from public;

alter table public.calls
  add column caller_phone_pseudonym text check (caller_phone_pseudonym is null or caller_phone_pseudonym ~ '^h:[0-9a-f]{64}$'),
  add column pseudonymised_at timestamptz;
comment on column public.calls.caller_phone_pseudonym is
  'After retention: the keyed hash of the caller''s number (private.phone_pseudonym), so repeat calls of one number can still be counted.';
comment on column public.calls.pseudonymised_at is
  'When run_retention removed the caller''s number and name and rounded the location; null while they are held.';

create index calls_phone_pseudonym_idx on public.calls (caller_phone_pseudonym) where caller_phone_pseudonym is not null;

-- ---------------------------------------------------------------------------------------------
-- caller_data_access: the access log
-- ---------------------------------------------------------------------------------------------
create table public.caller_data_access (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid references public.profiles (id) on delete restrict,
  actor_role public.app_role,
  at timestamptz not null default now(),
  call_id uuid references public.calls (id) on delete restrict,
  incident_id uuid references public.incidents (id) on delete restrict,
  phone_pseudonym text check (phone_pseudonym is null or phone_pseudonym ~ '^h:[0-9a-f]{64}$'),
  screen public.caller_data_screen not null,
  reason text check (reason is null or length(btrim(reason)) between 1 and 300),
  rows_shown integer check (rows_shown is null or rows_shown >= 0)
);
comment on table public.caller_data_access is
  'Append-only log of every read or export of a caller''s number, name or location by a person, written by read_caller_data and the admin functions; read only through caller_data_access_page, which logs that read too.';
comment on column public.caller_data_access.actor_id is 'The person who read; null for the service role.';
comment on column public.caller_data_access.phone_pseudonym is
  'Keyed hash of the number concerned, so a data-subject request finds the reads about it without the log keeping the number.';
comment on column public.caller_data_access.rows_shown is 'For reads of the log and data-subject searches: how many rows were shown.';

create index caller_data_access_at_idx on public.caller_data_access (at desc, id desc);
create index caller_data_access_call_idx on public.caller_data_access (call_id) where call_id is not null;
create index caller_data_access_pseudonym_idx on public.caller_data_access (phone_pseudonym) where phone_pseudonym is not null;

alter table public.caller_data_access enable row level security;
-- No policy for authenticated: even an admin reads the log through caller_data_access_page, so
-- that reading it is logged.

create trigger caller_data_access_append_only before update or delete on public.caller_data_access
  for each row execute function private.refuse_audit_change();
create trigger caller_data_access_no_truncate before truncate on public.caller_data_access
  for each statement execute function private.refuse_audit_change();

create function private.log_caller_data_access(
  p_screen public.caller_data_screen,
  p_call_id uuid,
  p_incident_id uuid,
  p_phone_pseudonym text,
  p_reason text,
  p_rows integer
) returns void
language sql
set search_path = ''
as $$
  insert into public.caller_data_access (actor_id, actor_role, at, call_id, incident_id, phone_pseudonym, screen, reason, rows_shown)
  values ((select p.id from public.profiles p where p.id = auth.uid()), private.my_role(), now(),
          p_call_id, p_incident_id, p_phone_pseudonym, p_screen, nullif(btrim(p_reason), ''), p_rows)
$$;
comment on function private.log_caller_data_access(public.caller_data_screen, uuid, uuid, text, text, integer) is
  'Appends one caller_data_access row in the caller''s transaction. Called only from security-definer functions.';
revoke all on function private.log_caller_data_access(public.caller_data_screen, uuid, uuid, text, text, integer) from public;

-- The rule of the calls policies in one place ("operators and supervisors read every call",
-- "agencies read the calls of incidents assigned to them"), built from the same helpers;
-- 95-caller-data-protection checks it agrees with the policies for every role.
create function private.may_read_call(p_incident_id uuid) returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(
    private.my_role() in ('operator', 'supervisor')
    or (private.my_role() = 'opd' and p_incident_id is not null and private.assigned_to_my_agency(p_incident_id)),
    false)
$$;
comment on function private.may_read_call(uuid) is
  'True when the signed-in user may read a call of that incident (null: no incident) under the calls policies.';
revoke all on function private.may_read_call(uuid) from public;

-- What a screen calls to show caller data: checks each call as RLS would, writes one access record
-- per call and returns the data, in one transaction. All or nothing: a call the user may not read
-- refuses the whole request (not_found, as if it did not exist).
create function public.read_caller_data(
  p_call_ids uuid[],
  p_screen public.caller_data_screen,
  p_reason text default null
) returns table (
  call_id uuid,
  incident_id uuid,
  caller_phone text,
  caller_name text,
  caller_lat double precision,
  caller_lng double precision,
  caller_accuracy_m integer,
  pseudonymised_at timestamptz
)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_call public.calls;
  v_ids uuid[];
begin
  perform private.require_role(array['operator', 'supervisor', 'opd']::public.app_role[]);
  if p_screen is null or p_screen in ('access_log', 'data_subject_request', 'data_subject_export') then
    perform private.fail('invalid_screen', 'Name the screen that shows the caller data.');
  end if;
  if p_reason is not null and length(btrim(p_reason)) > 300 then
    perform private.fail('invalid_reason', 'A reason has at most 300 characters.');
  end if;
  select array_agg(distinct x) into v_ids from unnest(p_call_ids) x where x is not null;
  if v_ids is null or cardinality(v_ids) > 500 then
    perform private.fail('invalid_calls', 'Ask for 1 to 500 calls at a time.');
  end if;
  for v_call in select c.* from public.calls c where c.id = any (v_ids) order by c.received_at, c.id loop
    if not private.may_read_call(v_call.incident_id) then
      perform private.fail('not_found', 'No such call.');
    end if;
    perform private.log_caller_data_access(p_screen, v_call.id, v_call.incident_id,
      coalesce(v_call.caller_phone_pseudonym, private.phone_pseudonym(v_call.caller_phone)), p_reason, null);
    call_id := v_call.id;
    incident_id := v_call.incident_id;
    caller_phone := v_call.caller_phone;
    caller_name := v_call.caller_name;
    caller_lat := v_call.caller_lat;
    caller_lng := v_call.caller_lng;
    caller_accuracy_m := v_call.caller_accuracy_m;
    pseudonymised_at := v_call.pseudonymised_at;
    return next;
  end loop;
  if (select count(*) from public.calls c where c.id = any (v_ids)) <> cardinality(v_ids) then
    perform private.fail('not_found', 'No such call.');
  end if;
end;
$$;
comment on function public.read_caller_data(uuid[], public.caller_data_screen, text) is
  'Caller number, name and location of the given calls (1–500) for a screen or export, under the calls policies; '
  'writes one caller_data_access row per call in the same transaction. Refusals: not_found, invalid_screen, invalid_reason, invalid_calls.';
revoke all on function public.read_caller_data(uuid[], public.caller_data_screen, text) from public, anon;
grant execute on function public.read_caller_data(uuid[], public.caller_data_screen, text) to authenticated;

-- The admin's view of the log, newest first, paged by (at, id) on the server; the read is logged.
create function public.caller_data_access_page(
  p_before_at timestamptz default null,
  p_before_id uuid default null,
  p_limit integer default 50,
  p_call_id uuid default null,
  p_actor_id uuid default null
) returns setof public.caller_data_access
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_rows integer;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if p_limit is null or p_limit not between 1 and 200 then
    perform private.fail('invalid_limit', 'Page size 1–200.');
  end if;
  if (p_before_at is null) <> (p_before_id is null) then
    perform private.fail('invalid_cursor', 'Give both the time and the id of the last row, or neither.');
  end if;
  return query
  select a.* from public.caller_data_access a
  where (p_before_at is null or (a.at, a.id) < (p_before_at, p_before_id))
    and (p_call_id is null or a.call_id = p_call_id)
    and (p_actor_id is null or a.actor_id = p_actor_id)
  order by a.at desc, a.id desc
  limit p_limit;
  get diagnostics v_rows = row_count;
  perform private.log_caller_data_access('access_log', p_call_id, null, null, null, v_rows);
end;
$$;
comment on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid) is
  'Admin: one page (1–200 rows, newest first, keyset cursor before (at, id)) of the caller-data access log, optionally for one call or one person; '
  'the read itself is logged (screen access_log).';
revoke all on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid) from public, anon;
grant execute on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- retention_settings
-- ---------------------------------------------------------------------------------------------
create table public.retention_settings (
  id boolean primary key default true check (id),
  incident_days integer not null default 730 check (incident_days between 30 and 3650),
  nuisance_days integer not null default 90 check (nuisance_days between 7 and 3650),
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
comment on table public.retention_settings is
  'The one row of retention periods: caller number, name and exact location are kept incident_days for emergency calls and '
  'nuisance_days for ghost, prank and info calls, then run_retention pseudonymises them. Changed by admins through set_retention_settings.';
comment on column public.retention_settings.nuisance_days is
  'Never shorter than the nuisance window plus block (set_retention_settings checks), so a block can still be proposed and enforced.';
insert into public.retention_settings default values;

alter table public.retention_settings enable row level security;
create policy "admins read the retention periods" on public.retention_settings
  for select to authenticated
  using ((select private.my_role()) = 'admin');

create function public.set_retention_settings(
  p_incident_days integer,
  p_nuisance_days integer,
  p_expected_version integer default null
) returns public.retention_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.retention_settings;
  v_row public.retention_settings;
  v_need_hours integer;
begin
  perform private.require_admin();
  if p_incident_days is null or p_incident_days not between 30 and 3650
     or p_nuisance_days is null or p_nuisance_days not between 7 and 3650 then
    perform private.fail('invalid_settings', 'incidents 30–3650 days, ghost/prank/info calls 7–3650 days.');
  end if;
  select s.window_hours + s.block_hours into v_need_hours from public.nuisance_settings s where s.id;
  if p_nuisance_days * 24 < v_need_hours then
    perform private.fail('retention_too_short', 'Nuisance calls must be kept at least as long as the nuisance window plus a block.',
      'at least ' || ceil(v_need_hours / 24.0)::integer || ' days');
  end if;
  select * into v_before from public.retention_settings s where s.id for update;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed the retention periods meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  if (v_before.incident_days, v_before.nuisance_days) = (p_incident_days, p_nuisance_days) then
    return v_before;
  end if;
  update public.retention_settings s set
    incident_days = p_incident_days, nuisance_days = p_nuisance_days,
    updated_at = now(), updated_by = (select p.id from public.profiles p where p.id = auth.uid()),
    version = s.version + 1
  where s.id
  returning * into v_row;
  perform private.log_admin_event('retention_settings.changed', 'retention_settings', 'settings',
    jsonb_build_object('incident_days', v_before.incident_days, 'nuisance_days', v_before.nuisance_days, 'version', v_before.version),
    jsonb_build_object('incident_days', v_row.incident_days, 'nuisance_days', v_row.nuisance_days, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.set_retention_settings(integer, integer, integer) is
  'Admin: retention periods in days (stale_version when another admin saved first, retention_too_short below the nuisance window plus block). Audited in admin_events.';
revoke all on function public.set_retention_settings(integer, integer, integer) from public, anon;
grant execute on function public.set_retention_settings(integer, integer, integer) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- legal_holds
-- ---------------------------------------------------------------------------------------------
create table public.legal_holds (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references public.incidents (id) on delete restrict,
  reason text not null check (length(btrim(reason)) between 3 and 500),
  placed_by uuid references public.profiles (id) on delete set null,
  placed_at timestamptz not null default now(),
  expires_at timestamptz not null,
  lifted_by uuid references public.profiles (id) on delete set null,
  lifted_at timestamptz,
  lift_reason text check (lift_reason is null or length(btrim(lift_reason)) between 3 and 500),
  constraint legal_holds_expiry check (expires_at > placed_at and expires_at <= placed_at + interval '5 years'),
  constraint legal_holds_lifted check ((lifted_at is null) = (lift_reason is null))
);
comment on table public.legal_holds is
  'An investigation exempts an incident''s calls from retention until expires_at or until lifted. Placed and lifted by supervisors and admins, audited in admin_events.';

create index legal_holds_incident_idx on public.legal_holds (incident_id) where lifted_at is null;

alter table public.legal_holds enable row level security;
create policy "supervisors and admins read legal holds" on public.legal_holds
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'admin'));

create function private.incident_held(p_incident_id uuid) returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.legal_holds h
    where h.incident_id = p_incident_id and h.lifted_at is null and h.expires_at > now()
  )
$$;
revoke all on function private.incident_held(uuid) from public;

create function public.place_legal_hold(p_incident_id uuid, p_reason text, p_expires_at timestamptz)
returns public.legal_holds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.legal_holds;
begin
  if not private.is_service_role() then
    perform private.require_role(array['supervisor', 'admin']::public.app_role[]);
  end if;
  perform private.require_text(p_reason, 'reason_required', 'Say why the incident is held (3–500 characters).');
  if length(btrim(p_reason)) not between 3 and 500 then
    perform private.fail('reason_required', 'Say why the incident is held (3–500 characters).');
  end if;
  if p_expires_at is null or p_expires_at <= now() or p_expires_at > now() + interval '5 years' then
    perform private.fail('invalid_expiry', 'A hold ends within five years from now.');
  end if;
  if not exists (select 1 from public.incidents i where i.id = p_incident_id) then
    perform private.fail('not_found', 'No such incident.');
  end if;
  insert into public.legal_holds (incident_id, reason, placed_by, placed_at, expires_at)
  values (p_incident_id, btrim(p_reason), (select p.id from public.profiles p where p.id = auth.uid()), now(), p_expires_at)
  returning * into v_row;
  perform private.log_admin_event('legal_hold.placed', 'legal_holds', v_row.id::text, null,
    jsonb_build_object('incident_id', v_row.incident_id, 'reason', v_row.reason, 'expires_at', v_row.expires_at));
  return v_row;
end;
$$;
comment on function public.place_legal_hold(uuid, text, timestamptz) is
  'Supervisor or admin: exempts an incident from retention until p_expires_at (at most five years). Refusals: reason_required, invalid_expiry, not_found. Audited.';
revoke all on function public.place_legal_hold(uuid, text, timestamptz) from public, anon;
grant execute on function public.place_legal_hold(uuid, text, timestamptz) to authenticated, service_role;

create function public.lift_legal_hold(p_hold_id uuid, p_reason text)
returns public.legal_holds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.legal_holds;
  v_row public.legal_holds;
begin
  if not private.is_service_role() then
    perform private.require_role(array['supervisor', 'admin']::public.app_role[]);
  end if;
  perform private.require_text(p_reason, 'reason_required', 'Say why the hold is lifted (3–500 characters).');
  if length(btrim(p_reason)) not between 3 and 500 then
    perform private.fail('reason_required', 'Say why the hold is lifted (3–500 characters).');
  end if;
  select * into v_before from public.legal_holds h where h.id = p_hold_id for update;
  if not found then
    perform private.fail('not_found', 'No such legal hold.');
  end if;
  if v_before.lifted_at is not null or v_before.expires_at <= now() then
    perform private.fail('hold_not_active', 'This hold was already lifted or has expired.');
  end if;
  update public.legal_holds h set
    lifted_at = now(), lifted_by = (select p.id from public.profiles p where p.id = auth.uid()), lift_reason = btrim(p_reason)
  where h.id = p_hold_id
  returning * into v_row;
  perform private.log_admin_event('legal_hold.lifted', 'legal_holds', v_row.id::text,
    jsonb_build_object('incident_id', v_before.incident_id, 'expires_at', v_before.expires_at),
    jsonb_build_object('lift_reason', v_row.lift_reason, 'lifted_at', v_row.lifted_at));
  return v_row;
end;
$$;
comment on function public.lift_legal_hold(uuid, text) is
  'Supervisor or admin: ends an active legal hold early with a reason. Refusals: reason_required, not_found, hold_not_active. Audited.';
revoke all on function public.lift_legal_hold(uuid, text) from public, anon;
grant execute on function public.lift_legal_hold(uuid, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- run_retention: the job
-- ---------------------------------------------------------------------------------------------
-- Pseudonymises in place: number → keyed hash, name removed, location rounded to 0.01° (about
-- 1.1 km, the size of a Cilegon kelurahan: the database holds no kelurahan centres yet), accuracy
-- removed. Statistics read stage times, types and operators, which it does not touch. Skips calls
-- of open or held incidents and of numbers with an active block; a second run changes nothing.
create function public.run_retention() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_settings public.retention_settings;
  v_due uuid[];
  v_count integer;
  v_held integer;
begin
  -- pg_cron runs the job in a session of the database owner without any API request (no claims);
  -- API sessions log in as authenticator, which is no member of postgres.
  if not (private.is_service_role()
          or (coalesce(auth.role(), '') = '' and pg_has_role(session_user, 'postgres', 'member'))) then
    perform private.require_role(array['admin']::public.app_role[]);
  end if;
  -- Two runs at once (timer and an admin) must not both audit the same rows.
  perform pg_advisory_xact_lock(hashtextextended('run_retention', 0));
  select * into v_settings from public.retention_settings s where s.id;

  select coalesce(array_agg(c.id), '{}') into v_due from public.calls c
  left join public.incidents i on i.id = c.incident_id
  where c.pseudonymised_at is null
    and (c.caller_phone is not null or c.caller_name is not null or c.caller_lat is not null)
    and c.received_at < now() - make_interval(days => case when c.call_type in ('ghost', 'prank', 'info')
                                                       then v_settings.nuisance_days else v_settings.incident_days end)
    and (i.id is null or i.status in ('closed', 'cancelled'))
    and (c.incident_id is null or not private.incident_held(c.incident_id))
    and (private.active_block(private.phone_key(c.caller_phone))).id is null;

  select count(*) into v_held from public.calls c
  where c.pseudonymised_at is null and c.caller_phone is not null and c.incident_id is not null
    and private.incident_held(c.incident_id)
    and c.received_at < now() - make_interval(days => v_settings.incident_days);

  update public.calls c set
    caller_phone_pseudonym = private.phone_pseudonym(c.caller_phone),
    caller_phone = null,
    caller_name = null,
    caller_lat = round(c.caller_lat::numeric, 2)::double precision,
    caller_lng = round(c.caller_lng::numeric, 2)::double precision,
    caller_accuracy_m = null,
    pseudonymised_at = now(),
    version = c.version + 1
  where c.id = any (v_due);
  get diagnostics v_count = row_count;

  if v_count > 0 then
    perform private.log_admin_event('retention.run', 'calls', 'retention', null,
      jsonb_build_object('pseudonymised', v_count, 'held_skipped', v_held,
                         'incident_days', v_settings.incident_days, 'nuisance_days', v_settings.nuisance_days));
  end if;
  return jsonb_build_object('pseudonymised', v_count, 'held_skipped', v_held);
end;
$$;
comment on function public.run_retention() is
  'The retention job (hourly timer of the embedded stack, pg_cron on hosted Supabase; an admin may run it): pseudonymises the caller data of calls past '
  'their period, skipping open and held incidents and actively blocked numbers. Idempotent; one admin_events row per run that changed rows.';
revoke all on function public.run_retention() from public, anon;
grant execute on function public.run_retention() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- data-subject requests
-- ---------------------------------------------------------------------------------------------
create type public.data_subject_request_kind as enum ('access', 'correction', 'erasure', 'objection');

create table public.data_subject_requests (
  id uuid primary key default gen_random_uuid(),
  phone_pseudonym text not null check (phone_pseudonym ~ '^h:[0-9a-f]{64}$'),
  kind public.data_subject_request_kind not null,
  requester text not null check (length(btrim(requester)) between 2 and 200),
  details text check (details is null or length(details) <= 2000),
  received_at timestamptz not null default now(),
  recorded_by uuid references public.profiles (id) on delete set null,
  answer text check (answer is null or length(btrim(answer)) between 3 and 4000),
  answered_at timestamptz,
  answered_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1 check (version > 0),
  constraint data_subject_requests_answered check ((answer is null) = (answered_at is null))
);
comment on table public.data_subject_requests is
  'Requests under UU PDP about a number (kept as its pseudonym) and their answers; recorded and answered by admins, audited in admin_events.';
comment on column public.data_subject_requests.requester is 'Who asked, as the request names them (name and contact).';

alter table public.data_subject_requests enable row level security;
create policy "admins read data-subject requests" on public.data_subject_requests
  for select to authenticated
  using ((select private.my_role()) = 'admin');

create function public.record_data_subject_request(
  p_phone text,
  p_kind public.data_subject_request_kind,
  p_requester text,
  p_details text default null
) returns public.data_subject_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.data_subject_requests;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if private.phone_key(p_phone) is null or length(private.phone_key(p_phone)) not between 3 and 33 then
    perform private.fail('invalid_phone', 'Give the number the request is about.');
  end if;
  if p_kind is null or p_requester is null or length(btrim(p_requester)) not between 2 and 200 then
    perform private.fail('invalid_request', 'Kind and requester (2–200 characters) are required.');
  end if;
  if p_details is not null and length(p_details) > 2000 then
    perform private.fail('invalid_request', 'Details have at most 2000 characters.');
  end if;
  insert into public.data_subject_requests (phone_pseudonym, kind, requester, details, received_at, recorded_by)
  values (private.phone_pseudonym(p_phone), p_kind, btrim(p_requester), nullif(btrim(p_details), ''), now(),
          (select p.id from public.profiles p where p.id = auth.uid()))
  returning * into v_row;
  perform private.log_admin_event('data_subject_request.recorded', 'data_subject_requests', v_row.id::text, null,
    jsonb_build_object('kind', v_row.kind, 'requester', v_row.requester));
  return v_row;
end;
$$;
comment on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text) is
  'Admin: records a request under UU PDP about a number. Refusals: invalid_phone, invalid_request. Audited.';
revoke all on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text) from public, anon;
grant execute on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text) to authenticated;

create function public.answer_data_subject_request(p_request_id uuid, p_answer text, p_expected_version integer)
returns public.data_subject_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.data_subject_requests;
  v_row public.data_subject_requests;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if p_answer is null or length(btrim(p_answer)) not between 3 and 4000 then
    perform private.fail('invalid_answer', 'The answer has 3–4000 characters.');
  end if;
  select * into v_before from public.data_subject_requests r where r.id = p_request_id for update;
  if not found then
    perform private.fail('not_found', 'No such request.');
  end if;
  if v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed this request meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  update public.data_subject_requests r set
    answer = btrim(p_answer), answered_at = now(),
    answered_by = (select p.id from public.profiles p where p.id = auth.uid()), version = r.version + 1
  where r.id = p_request_id
  returning * into v_row;
  perform private.log_admin_event('data_subject_request.answered', 'data_subject_requests', v_row.id::text,
    jsonb_build_object('answer', v_before.answer, 'version', v_before.version),
    jsonb_build_object('answer', v_row.answer, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.answer_data_subject_request(uuid, text, integer) is
  'Admin: records (or corrects) the answer to a data-subject request. Refusals: invalid_answer, not_found, stale_version. Audited.';
revoke all on function public.answer_data_subject_request(uuid, text, integer) from public, anon;
grant execute on function public.answer_data_subject_request(uuid, text, integer) to authenticated;

-- Everything held about a number, as one JSON document (the export is this document, or its CSV
-- form): its calls (raw and pseudonymised), their incidents, blocks, call-backs, the access records
-- about it and the requests about it. Logged as one read (screen data_subject_request or _export).
create function public.data_subject_search(p_phone text, p_export boolean default false, p_reason text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key text := private.phone_key(p_phone);
  v_pseudonym text := private.phone_pseudonym(p_phone);
  v_ids uuid[];
  v_result jsonb;
  v_calls integer;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if v_key is null or length(v_key) not between 3 and 33 then
    perform private.fail('invalid_phone', 'Give the number the request is about.');
  end if;
  if p_reason is not null and length(btrim(p_reason)) > 300 then
    perform private.fail('invalid_reason', 'A reason has at most 300 characters.');
  end if;
  select coalesce(array_agg(c.id), '{}') into v_ids from public.calls c
  where private.phone_key(c.caller_phone) = v_key or c.caller_phone_pseudonym = v_pseudonym;
  v_calls := cardinality(v_ids);

  select jsonb_build_object(
    'phone', v_key,
    'generated_at', now(),
    'calls', coalesce((select jsonb_agg(jsonb_build_object(
        'id', c.id, 'received_at', c.received_at, 'answered_at', c.answered_at, 'ended_at', c.ended_at,
        'call_type', c.call_type, 'caller_phone', c.caller_phone, 'caller_name', c.caller_name,
        'caller_lat', c.caller_lat, 'caller_lng', c.caller_lng, 'caller_accuracy_m', c.caller_accuracy_m,
        'incident_id', c.incident_id, 'notes', c.notes, 'pseudonymised_at', c.pseudonymised_at) order by c.received_at, c.id)
      from public.calls c where c.id = any (v_ids)), '[]'::jsonb),
    'incidents', coalesce((select jsonb_agg(jsonb_build_object(
        'id', i.id, 'ticket_no', i.ticket_no, 'status', i.status, 'category', i.category, 'reported_at', i.reported_at,
        'address', i.address, 'kecamatan', i.kecamatan, 'kelurahan', i.kelurahan, 'lat', i.lat, 'lng', i.lng,
        'description', i.description) order by i.reported_at, i.id)
      from public.incidents i
      where i.id in (select c.incident_id from public.calls c where c.id = any (v_ids))), '[]'::jsonb),
    'blocks', coalesce((select jsonb_agg(jsonb_build_object(
        'id', b.id, 'status', b.status, 'proposed_at', b.proposed_at, 'decided_at', b.decided_at,
        'decision_reason', b.decision_reason, 'expires_at', b.expires_at, 'lifted_at', b.lifted_at) order by b.proposed_at, b.id)
      from public.blocked_numbers b where b.phone = v_key), '[]'::jsonb),
    'callbacks', coalesce((select jsonb_agg(jsonb_build_object(
        'id', cb.id, 'call_id', cb.call_id, 'reason', cb.reason, 'status', cb.status, 'attempts', cb.attempts,
        'call_received_at', cb.call_received_at) order by cb.call_received_at, cb.id)
      from public.callbacks cb where cb.call_id = any (v_ids)), '[]'::jsonb),
    'access', coalesce((select jsonb_agg(jsonb_build_object(
        'id', a.id, 'at', a.at, 'actor_id', a.actor_id, 'actor_role', a.actor_role, 'call_id', a.call_id,
        'incident_id', a.incident_id, 'screen', a.screen, 'reason', a.reason) order by a.at, a.id)
      from public.caller_data_access a
      where a.phone_pseudonym = v_pseudonym or a.call_id = any (v_ids)), '[]'::jsonb),
    'requests', coalesce((select jsonb_agg(jsonb_build_object(
        'id', r.id, 'kind', r.kind, 'requester', r.requester, 'details', r.details, 'received_at', r.received_at,
        'answer', r.answer, 'answered_at', r.answered_at) order by r.received_at, r.id)
      from public.data_subject_requests r where r.phone_pseudonym = v_pseudonym), '[]'::jsonb)
  ) into v_result;

  perform private.log_caller_data_access(
    case when p_export then 'data_subject_export' else 'data_subject_request' end::public.caller_data_screen,
    null, null, v_pseudonym, p_reason, v_calls);
  return v_result;
end;
$$;
comment on function public.data_subject_search(text, boolean, text) is
  'Admin: everything held about a number (calls, incidents, blocks, call-backs, access records, requests) as JSON for a data-subject request; '
  'logged in caller_data_access (data_subject_export when p_export). Refusals: invalid_phone, invalid_reason.';
revoke all on function public.data_subject_search(text, boolean, text) from public, anon;
grant execute on function public.data_subject_search(text, boolean, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- grants (no default privileges: see 20261203000100_explicit_grants.sql)
-- ---------------------------------------------------------------------------------------------
grant select on public.caller_data_access to service_role;
grant select on public.retention_settings to authenticated, service_role;
grant select on public.legal_holds to authenticated, service_role;
grant select on public.data_subject_requests to authenticated, service_role;
