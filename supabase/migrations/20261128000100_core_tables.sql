-- Core data model of the Cilegon 112 command center (DESIGN.md §4): enums, tables, constraints,
-- indexes and comments. Writes to calls, incidents, assignments and incident_events go only through
-- the workflow functions (000200); access rules are in 000300.

create schema if not exists private;
comment on schema private is
  'Internals not exposed through the API: helpers used by policies and workflow functions, counters.';
revoke all on schema private from public;

-- ---------------------------------------------------------------------------------------------
-- enums
-- ---------------------------------------------------------------------------------------------
create type public.app_role as enum ('operator', 'supervisor', 'opd', 'leadership', 'admin');

create type public.agency_kind as enum (
  'fire', 'medical', 'police', 'disaster', 'public_order', 'transport', 'utility', 'social', 'other'
);

create type public.post_kind as enum (
  'headquarters', 'fire_station', 'hospital', 'puskesmas', 'police_station', 'field_post', 'other'
);

-- The service standard's types: normal (a genuine emergency), ghost, prank, informasi.
create type public.call_type as enum ('emergency', 'ghost', 'prank', 'info');

create type public.call_source as enum ('manual', 'telephony');

create type public.incident_status as enum (
  'reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved', 'closed', 'cancelled'
);

create type public.incident_category as enum (
  'fire', 'medical', 'traffic_accident', 'crime', 'flood', 'disaster', 'industrial_accident',
  'rescue', 'public_order', 'other'
);

-- Declared from least to most urgent so that `order by priority desc` puts critical first.
create type public.incident_priority as enum ('low', 'medium', 'high', 'critical');

-- `withdrawn`: taken back by the supervisor (agency replaced, incident cancelled or force-closed).
create type public.assignment_status as enum (
  'assigned', 'acknowledged', 'en_route', 'on_scene', 'completed', 'declined', 'withdrawn'
);

create type public.incident_event_kind as enum (
  'call_started', 'call_answered', 'call_classified', 'call_ended',
  'incident_reported', 'call_linked',
  'dispatched', 'agency_added', 'agency_replaced', 'escalated', 'cancelled', 'closed',
  'acknowledged', 'en_route', 'on_scene', 'completed', 'declined'
);

create type public.sla_stage as enum (
  'answer', 'classify', 'close_call', 'call_total', 'dispatch', 'acknowledge', 'on_scene'
);

-- ---------------------------------------------------------------------------------------------
-- shared trigger: updated_at
-- ---------------------------------------------------------------------------------------------
create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- geography: the service area and the kecamatan, defined once for constraints, workflow, statistics
-- ---------------------------------------------------------------------------------------------
-- lib/domain/geo.ts (SERVICE_AREA) and lib/domain/city.ts (KECAMATAN) hold the same values for the
-- screens; tests/conformance/geography-sql.test.ts fails when the two sides drift apart.
--
-- Immutable, so check constraints may call them. The other side of that: replacing one later does
-- not re-check stored rows, so a migration that narrows either must also re-validate the
-- constraints that use it (drop and re-add them).

-- data/cilegon.json bounds (south -6.0686, north -5.8733, west 105.9014, east 106.0864) widened by
-- about 5 km, so a caller at the city's edge is still served.
create function private.in_service_area(p_lat double precision, p_lng double precision) returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(p_lat between -6.12 and -5.82 and p_lng between 105.85 and 106.14, false)
$$;
comment on function private.in_service_area(double precision, double precision) is
  'Whether a point lies in the box the service accepts: Kota Cilegon with about 5 km of margin, edges included. False when a coordinate is missing.';

-- A function rather than a domain or a reference table: the list changes only with a regional
-- regulation, through a migration, so it needs no RLS, no admin screen and nothing in the API
-- types (incidents.kecamatan stays text); and unlike a domain it carries the order the statistics
-- report in, and leaves report_incident to refuse an unknown name with its own workflow code.
create function private.kecamatan_names() returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan']
$$;
comment on function private.kecamatan_names() is
  'The 8 kecamatan of Kota Cilegon, north to south-west, spelled exactly as stored (comparisons are case-sensitive).';

-- Check constraints run their functions with the rights of the writer: admins write agency_posts
-- through the API as authenticated.
revoke all on function private.in_service_area(double precision, double precision) from public;
revoke all on function private.kecamatan_names() from public;
grant execute on function private.in_service_area(double precision, double precision) to authenticated, service_role;
grant execute on function private.kecamatan_names() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- agencies and their posts
-- ---------------------------------------------------------------------------------------------
create table public.agencies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_]{2,20}$'),
  name text not null check (length(btrim(name)) between 1 and 160),
  kind public.agency_kind not null,
  phone text check (phone is null or phone ~ '^[0-9+() -]{2,40}$'),
  color text check (color is null or color ~ '^#[0-9a-fA-F]{6}$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.agencies is
  'OPD (Organisasi Perangkat Daerah): the agencies the supervisor dispatches to (fire brigade, PSC 119, police, BPBD, …).';
comment on column public.agencies.code is 'Short stable code (DPKP, PSC119, …) used by seeds, demo accounts and the UI.';
comment on column public.agencies.color is 'Map and chart colour, #rrggbb.';
comment on column public.agencies.active is 'Inactive agencies stay for history but cannot receive new assignments.';

create trigger agencies_touch before update on public.agencies
  for each row execute function private.touch_updated_at();

create table public.agency_posts (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references public.agencies (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 160),
  kind public.post_kind not null default 'other',
  lat double precision not null,
  lng double precision not null,
  address text check (address is null or length(address) <= 300),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agency_posts_in_service_area check (private.in_service_area(lat, lng))
);
comment on table public.agency_posts is
  'Stations, hospitals, puskesmas and headquarters of the agencies, shown on the map.';

create index agency_posts_agency_idx on public.agency_posts (agency_id);

create trigger agency_posts_touch before update on public.agency_posts
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- profiles
-- ---------------------------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null check (length(btrim(full_name)) between 1 and 120),
  role public.app_role not null,
  agency_id uuid references public.agencies (id) on delete restrict,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- An OPD liaison belongs to exactly one agency; nobody else acts for an agency.
  constraint profiles_agency_matches_role check ((role = 'opd') = (agency_id is not null))
);
comment on table public.profiles is
  'One row per auth user: the application role and, for OPD liaisons, the agency. Roles come only from here, never from user_metadata.';
comment on column public.profiles.active is
  'An inactive profile has no rights at all (every helper treats it as signed out). Deactivate rather than delete: the audit trail keeps referring to the user.';

create index profiles_agency_idx on public.profiles (agency_id) where agency_id is not null;

create trigger profiles_touch before update on public.profiles
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- incidents
-- ---------------------------------------------------------------------------------------------
create table public.incidents (
  id uuid primary key default gen_random_uuid(),
  ticket_no text not null unique check (ticket_no ~ '^112-[0-9]{8}-[0-9]{4,}$'),
  status public.incident_status not null default 'reported',
  category public.incident_category not null,
  priority public.incident_priority not null default 'medium',
  description text not null check (length(btrim(description)) between 1 and 2000),
  lat double precision not null,
  lng double precision not null,
  address text check (address is null or length(address) <= 300),
  kecamatan text,
  kelurahan text check (kelurahan is null or length(btrim(kelurahan)) between 1 and 80),
  reported_by uuid references public.profiles (id) on delete set null,
  reported_at timestamptz not null default now(),
  dispatched_at timestamptz,
  acknowledged_at timestamptz,
  on_scene_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason is null or length(btrim(cancel_reason)) between 1 and 1000),
  close_summary text check (close_summary is null or length(btrim(close_summary)) between 1 and 4000),
  closed_forced boolean not null default false,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint incidents_in_service_area check (private.in_service_area(lat, lng)),
  constraint incidents_kecamatan_known check (kecamatan = any (private.kecamatan_names())),
  constraint incidents_stage_order check (
    (dispatched_at is null or dispatched_at >= reported_at)
    and (acknowledged_at is null or (dispatched_at is not null and acknowledged_at >= dispatched_at))
    and (on_scene_at is null or (dispatched_at is not null and on_scene_at >= dispatched_at))
    and (on_scene_at is null or acknowledged_at is null or on_scene_at >= acknowledged_at)
    and (resolved_at is null or (dispatched_at is not null and resolved_at >= dispatched_at))
    and (closed_at is null or closed_at >= reported_at)
    and (cancelled_at is null or cancelled_at >= reported_at)
  ),
  constraint incidents_closed_has_summary check (
    (status = 'closed') = (closed_at is not null) and (status <> 'closed' or close_summary is not null)
  ),
  constraint incidents_cancelled_has_reason check (
    (status = 'cancelled') = (cancelled_at is not null) and (status <> 'cancelled' or cancel_reason is not null)
  ),
  constraint incidents_resolved_stamped check (status <> 'resolved' or resolved_at is not null)
);
comment on table public.incidents is
  'One emergency ticket (Laporan Kondisi Gawat Darurat). Holds no caller data: that stays in calls. Changed only by the workflow functions.';
comment on column public.incidents.ticket_no is 'Human ticket number 112-YYYYMMDD-NNNN, numbered per day in WIB (Asia/Jakarta).';
comment on column public.incidents.status is
  'Derived from the assignments by the workflow functions, except closed and cancelled which the supervisor sets.';
comment on column public.incidents.kecamatan is 'One of the kecamatan of Kota Cilegon (private.kecamatan_names()), or null when unknown.';
comment on column public.incidents.dispatched_at is 'First dispatch; stays when all agencies later decline and the incident is re-dispatched.';
comment on column public.incidents.acknowledged_at is 'First acknowledgement by any agency.';
comment on column public.incidents.on_scene_at is 'First agency on scene.';
comment on column public.incidents.resolved_at is 'When every active assignment had completed; cleared if an agency is added afterwards.';
comment on column public.incidents.closed_forced is
  'True when the supervisor closed with unfinished assignments, confirming it explicitly (force).';
comment on column public.incidents.version is 'Optimistic-concurrency counter: every transition checks and bumps it.';

create index incidents_open_idx on public.incidents (reported_at desc)
  where status not in ('closed', 'cancelled');
create index incidents_reported_at_idx on public.incidents (reported_at);
create index incidents_category_reported_idx on public.incidents (category, reported_at);
create index incidents_kecamatan_reported_idx on public.incidents (kecamatan, reported_at);
create index incidents_status_idx on public.incidents (status);

create trigger incidents_touch before update on public.incidents
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- calls
-- ---------------------------------------------------------------------------------------------
create table public.calls (
  id uuid primary key default gen_random_uuid(),
  idempotency_key uuid not null unique default gen_random_uuid(),
  source public.call_source not null default 'manual',
  external_id text unique check (external_id is null or length(btrim(external_id)) between 1 and 120),
  received_at timestamptz not null default now(),
  answered_at timestamptz,
  classified_at timestamptz,
  ended_at timestamptz,
  call_type public.call_type,
  operator_id uuid references public.profiles (id) on delete set null,
  caller_phone text check (caller_phone is null or caller_phone ~ '^\+?[0-9][0-9 ()-]{1,31}$'),
  caller_name text check (caller_name is null or length(btrim(caller_name)) between 1 and 120),
  incident_id uuid references public.incidents (id) on delete restrict,
  notes text check (notes is null or length(notes) <= 2000),
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint calls_stage_order check (
    (answered_at is null or answered_at >= received_at)
    and (classified_at is null or (answered_at is not null and classified_at >= answered_at))
    and (ended_at is null or ended_at >= coalesce(classified_at, answered_at, received_at))
  ),
  constraint calls_classified_has_type check ((classified_at is null) = (call_type is null)),
  constraint calls_incident_only_for_emergency check (incident_id is null or call_type = 'emergency')
);
comment on table public.calls is
  'One row per 112 call, with the caller''s contact. Readable by operators and supervisors, and by an OPD only for incidents assigned to its agency; never by leadership.';
comment on column public.calls.idempotency_key is
  'Chosen by the client when it starts the call, so that a double submit returns the same call instead of a second one.';
comment on column public.calls.external_id is 'Call id of the telephony system, when the call came from it.';
comment on column public.calls.call_type is 'Null until the operator classifies the call.';
comment on column public.calls.incident_id is 'The incident this call reported or was linked to (repeat callers).';
comment on column public.calls.version is 'Optimistic-concurrency counter, bumped by every workflow function that changes the call.';

create index calls_received_at_idx on public.calls (received_at);
create index calls_open_idx on public.calls (received_at desc) where ended_at is null;
create index calls_operator_received_idx on public.calls (operator_id, received_at);
create index calls_incident_idx on public.calls (incident_id) where incident_id is not null;
create index calls_type_received_idx on public.calls (call_type, received_at);

create trigger calls_touch before update on public.calls
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- assignments
-- ---------------------------------------------------------------------------------------------
create table public.assignments (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references public.incidents (id) on delete cascade,
  agency_id uuid not null references public.agencies (id) on delete restrict,
  status public.assignment_status not null default 'assigned',
  assigned_by uuid references public.profiles (id) on delete set null,
  assigned_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  en_route_at timestamptz,
  on_scene_at timestamptz,
  completed_at timestamptz,
  declined_at timestamptz,
  withdrawn_at timestamptz,
  report text check (report is null or length(btrim(report)) between 1 and 4000),
  decline_reason text check (decline_reason is null or length(btrim(decline_reason)) between 1 and 1000),
  withdraw_reason text check (withdraw_reason is null or length(btrim(withdraw_reason)) between 1 and 1000),
  escalation_count integer not null default 0 check (escalation_count >= 0),
  last_escalated_at timestamptz,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint assignments_stage_order check (
    (acknowledged_at is null or acknowledged_at >= assigned_at)
    and (en_route_at is null or (acknowledged_at is not null and en_route_at >= acknowledged_at))
    and (on_scene_at is null or (acknowledged_at is not null and on_scene_at >= coalesce(en_route_at, acknowledged_at)))
    and (completed_at is null or (acknowledged_at is not null and completed_at >= coalesce(on_scene_at, en_route_at, acknowledged_at)))
    and (declined_at is null or declined_at >= assigned_at)
    and (withdrawn_at is null or withdrawn_at >= assigned_at)
    and (last_escalated_at is null or last_escalated_at >= assigned_at)
  ),
  constraint assignments_completed_has_report check (
    (status = 'completed') = (completed_at is not null) and (status <> 'completed' or report is not null)
  ),
  constraint assignments_declined_has_reason check (
    (status = 'declined') = (declined_at is not null) and (status <> 'declined' or decline_reason is not null)
  ),
  constraint assignments_withdrawn_stamped check ((status = 'withdrawn') = (withdrawn_at is not null))
);
comment on table public.assignments is
  'An incident forwarded to one agency (OPD) and that agency''s handling of it. Changed only by the workflow functions.';
comment on column public.assignments.status is
  'declined and withdrawn are inactive: they do not count when the incident status is derived.';
comment on column public.assignments.report is 'Field report of the agency, required to complete.';
comment on column public.assignments.escalation_count is
  'How many times the supervisor followed up (phone, radio) on this assignment while it was unacknowledged.';
comment on column public.assignments.version is 'Optimistic-concurrency counter: every transition checks and bumps it.';

-- One active assignment per agency and incident; a declined or withdrawn one may be followed by a new one.
create unique index assignments_one_active_per_agency on public.assignments (incident_id, agency_id)
  where status not in ('declined', 'withdrawn');
create index assignments_incident_idx on public.assignments (incident_id);
create index assignments_agency_status_idx on public.assignments (agency_id, status);
create index assignments_assigned_at_idx on public.assignments (assigned_at);

create trigger assignments_touch before update on public.assignments
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- incident_events: the audit trail
-- ---------------------------------------------------------------------------------------------
create table public.incident_events (
  id bigint generated always as identity primary key,
  incident_id uuid references public.incidents (id) on delete restrict,
  call_id uuid references public.calls (id) on delete restrict,
  assignment_id uuid references public.assignments (id) on delete restrict,
  actor_id uuid references public.profiles (id) on delete restrict,
  kind public.incident_event_kind not null,
  data jsonb not null default '{}'::jsonb check (jsonb_typeof(data) = 'object'),
  at timestamptz not null default now(),
  constraint incident_events_has_subject check (incident_id is not null or call_id is not null)
);
comment on table public.incident_events is
  'Append-only audit trail: exactly one row per workflow transition, written by the workflow functions. Nobody may update or delete it. Holds no caller data.';
comment on column public.incident_events.actor_id is 'Who made the transition; null when the telephony system (service role) did.';
comment on column public.incident_events.data is 'Details of the transition (agencies, reasons, versions); never the caller''s phone or name.';
comment on column public.incident_events.at is 'Database clock at the transition, equal to the stage timestamp it stamped.';

create index incident_events_incident_idx on public.incident_events (incident_id, at) where incident_id is not null;
create index incident_events_call_idx on public.incident_events (call_id) where call_id is not null;
create index incident_events_kind_at_idx on public.incident_events (kind, at);

-- ---------------------------------------------------------------------------------------------
-- sla_targets
-- ---------------------------------------------------------------------------------------------
create table public.sla_targets (
  stage public.sla_stage primary key,
  target_seconds integer not null check (target_seconds between 1 and 86400),
  description text check (description is null or length(description) <= 300),
  updated_at timestamptz not null default now()
);
comment on table public.sla_targets is
  'Target duration per stage. answer, classify, close_call and call_total come from the service standard (SK 814/371/PTIK/2022); the others are configurable defaults.';
comment on column public.sla_targets.stage is
  'answer: calls.received_at→answered_at; classify: answered_at→classified_at; close_call: classified_at→ended_at; '
  'call_total: received_at→ended_at; dispatch: incidents.reported_at→dispatched_at; acknowledge: dispatched_at→acknowledged_at; '
  'on_scene: dispatched_at→on_scene_at.';

create trigger sla_targets_touch before update on public.sla_targets
  for each row execute function private.touch_updated_at();

-- The standard's values are part of the product, not demo data, so they live here rather than in the seed.
insert into public.sla_targets (stage, target_seconds, description) values
  ('answer', 60, 'Panggilan masuk dijawab (standar layanan: 30 detik–1 menit)'),
  ('classify', 60, 'Klasifikasi dan pelaporan (standar layanan: 30 detik–1 menit)'),
  ('close_call', 30, 'Penyelesaian panggilan (standar layanan: 30 detik)'),
  ('call_total', 180, 'Waktu layanan satu panggilan (standar layanan: 3 menit)'),
  ('dispatch', 120, 'Laporan diteruskan ke OPD (default, dapat diubah)'),
  ('acknowledge', 180, 'OPD menerima laporan (default, dapat diubah)'),
  ('on_scene', 900, 'OPD tiba di lokasi sejak diteruskan (default, dapat diubah; standar damkar 15 menit)');

-- ---------------------------------------------------------------------------------------------
-- ticket counters (private)
-- ---------------------------------------------------------------------------------------------
create table private.ticket_counters (
  day date primary key,
  last_no integer not null check (last_no > 0)
);
comment on table private.ticket_counters is
  'Last ticket number issued per WIB day; incremented with an upsert so concurrent reports never share a number.';
