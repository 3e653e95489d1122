-- The administrator's configuration (issue #13): agencies (OPD), their posts on the map and the run
-- cards (rencana respons: per incident category, the lead and supporting agency kinds).
--
-- Every change goes through an admin function here: security definer, private.require_admin(),
-- validation with refusal codes in the workflow scheme (…_workflow.sql header), an expected
-- version so two admins never overwrite each other silently, and exactly one admin_events row with
-- the row before and after, in the same transaction. Direct table writes by API roles are revoked,
-- so no admin change can bypass the audit trail.
--
-- New refusal codes (mirrored in lib/domain/workflow-errors.ts): code_taken, invalid_code,
-- name_required, invalid_phone, invalid_color, post_not_found, lead_kinds_required, kinds_overlap.
-- Reused: agency_not_found, agency_inactive, location_out_of_area, stale_version, invalid_state.

-- ---------------------------------------------------------------------------------------------
-- versions on the reference tables
-- ---------------------------------------------------------------------------------------------
alter table public.agencies add column version integer not null default 1 check (version > 0);
comment on column public.agencies.version is 'Optimistic-concurrency counter: every admin change checks and bumps it.';
alter table public.agency_posts add column version integer not null default 1 check (version > 0);
comment on column public.agency_posts.version is 'Optimistic-concurrency counter: every admin change checks and bumps it.';

-- ---------------------------------------------------------------------------------------------
-- run cards
-- ---------------------------------------------------------------------------------------------
create table public.run_cards (
  category public.incident_category primary key,
  lead_kinds public.agency_kind[] not null check (cardinality(lead_kinds) between 1 and 9),
  support_kinds public.agency_kind[] not null default '{}' check (cardinality(support_kinds) <= 9),
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now(),
  constraint run_cards_kinds_disjoint check (not (lead_kinds && support_kinds)),
  constraint run_cards_no_null_kind check (array_position(lead_kinds, null) is null and array_position(support_kinds, null) is null)
);
comment on table public.run_cards is
  'Rencana respons: which agency kinds lead and which support for each incident category. Dispatch ranks the nearest posts by it; the supervisor still decides.';
comment on column public.run_cards.lead_kinds is 'Agency kinds normally dispatched first (their nearest post is recommended).';
comment on column public.run_cards.support_kinds is 'Agency kinds often added (an ambulance to a fire); never also a lead kind.';

create trigger run_cards_touch before update on public.run_cards
  for each row execute function private.touch_updated_at();

-- Reference data of the product, like sla_targets: Cilegon's defaults for every category.
insert into public.run_cards (category, lead_kinds, support_kinds) values
  ('fire', '{fire}', '{medical}'),
  ('medical', '{medical}', '{}'),
  ('traffic_accident', '{police,medical}', '{transport}'),
  ('crime', '{police}', '{}'),
  ('flood', '{disaster}', '{social}'),
  ('disaster', '{disaster}', '{social}'),
  -- The chemical and steel plants: fire brigade and ambulance first, BPBD for wider hazards.
  ('industrial_accident', '{fire,medical}', '{disaster}'),
  -- BPBD and Basarnas are both of kind disaster; the fire brigade also does rescue work.
  ('rescue', '{disaster}', '{fire}'),
  ('public_order', '{public_order}', '{police}'),
  ('other', '{public_order}', '{}');

-- ---------------------------------------------------------------------------------------------
-- privileges and row-level security
-- ---------------------------------------------------------------------------------------------
-- Admins now write agencies and posts only through the functions below (audited); the policies
-- that let them write the tables directly go.
revoke insert, update, delete on table public.agencies, public.agency_posts from authenticated;
drop policy "admins create agencies" on public.agencies;
drop policy "admins update agencies" on public.agencies;
drop policy "admins delete agencies" on public.agencies;
drop policy "admins create agency posts" on public.agency_posts;
drop policy "admins update agency posts" on public.agency_posts;
drop policy "admins delete agency posts" on public.agency_posts;

revoke all on table public.run_cards from public, anon, authenticated, service_role;
grant select on table public.run_cards to authenticated, service_role;
alter table public.run_cards enable row level security;
-- Operators see what dispatch will recommend; the OPD and leadership have no use for it.
create policy "operators, supervisors and admins read run cards" on public.run_cards
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor', 'admin'));

-- Dispatch, the wall and the admin screens follow these live.
alter publication supabase_realtime add table public.agencies, public.agency_posts, public.run_cards;

-- ---------------------------------------------------------------------------------------------
-- validation helpers (internal)
-- ---------------------------------------------------------------------------------------------
-- The agency fields as the table stores them, or a refusal naming the first bad one.
create function private.clean_agency(
  p_code text, p_name text, p_phone text, p_color text,
  out code text, out name text, out phone text, out color text
)
language plpgsql
set search_path = ''
as $$
begin
  code := upper(btrim(coalesce(p_code, '')));
  if code !~ '^[A-Z0-9_]{2,20}$' then
    perform private.fail('invalid_code', 'The code is 2–20 capital letters, digits or _.', 'code');
  end if;
  name := btrim(coalesce(p_name, ''));
  if length(name) not between 1 and 160 then
    perform private.fail('name_required', 'A name of 1–160 characters is required.', 'name');
  end if;
  phone := nullif(btrim(coalesce(p_phone, '')), '');
  if phone is not null and phone !~ '^[0-9+() -]{2,40}$' then
    perform private.fail('invalid_phone', 'The phone number may hold digits, spaces and + ( ) -.', 'phone');
  end if;
  color := lower(nullif(btrim(coalesce(p_color, '')), ''));
  if color is not null and color !~ '^#[0-9a-f]{6}$' then
    perform private.fail('invalid_color', 'The colour is #rrggbb.', 'color');
  end if;
end;
$$;

create function private.require_code_free(p_code text, p_except uuid) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if exists (select 1 from public.agencies a where a.code = p_code and a.id is distinct from p_except) then
    perform private.fail('code_taken', 'Another agency already has this code.', p_code);
  end if;
end;
$$;

create function private.lock_agency(p_agency_id uuid, p_expected_version integer) returns public.agencies
language plpgsql
set search_path = ''
as $$
declare
  v_row public.agencies;
begin
  select * into v_row from public.agencies a where a.id = p_agency_id for update;
  if not found then
    perform private.fail('agency_not_found', 'The agency does not exist.', coalesce(p_agency_id::text, ''));
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed this agency meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  return v_row;
end;
$$;

create function private.lock_post(p_post_id uuid, p_expected_version integer) returns public.agency_posts
language plpgsql
set search_path = ''
as $$
declare
  v_row public.agency_posts;
begin
  select * into v_row from public.agency_posts p where p.id = p_post_id for update;
  if not found then
    perform private.fail('post_not_found', 'The post does not exist.', coalesce(p_post_id::text, ''));
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed this post meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  return v_row;
end;
$$;

-- A post's name, address and place, or a refusal; the agency must exist and be active.
create function private.check_post(p_agency_id uuid, p_name text, p_address text, p_lat double precision,
                                   p_lng double precision, out name text, out address text)
language plpgsql
stable
set search_path = ''
as $$
begin
  perform private.require_agency(p_agency_id);
  name := btrim(coalesce(p_name, ''));
  if length(name) not between 1 and 160 then
    perform private.fail('name_required', 'A name of 1–160 characters is required.', 'name');
  end if;
  address := nullif(btrim(coalesce(p_address, '')), '');
  if address is not null and length(address) > 300 then
    perform private.fail('invalid_state', 'The address is at most 300 characters.', 'address');
  end if;
  if not private.in_service_area(p_lat, p_lng) then
    perform private.fail('location_out_of_area', 'The post must lie inside the service area of Kota Cilegon.',
      coalesce(p_lat::text, '?') || ',' || coalesce(p_lng::text, '?'));
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- agencies
-- ---------------------------------------------------------------------------------------------
create function public.admin_create_agency(p_code text, p_name text, p_kind public.agency_kind,
                                           p_phone text default null, p_color text default null)
returns public.agencies
language plpgsql
security definer
set search_path = ''
as $$
declare
  v record;
  v_row public.agencies;
begin
  perform private.require_admin();
  select * into v from private.clean_agency(p_code, p_name, p_phone, p_color);
  if p_kind is null then
    perform private.fail('invalid_state', 'Choose the kind of agency.', 'kind');
  end if;
  perform private.require_code_free(v.code, null);
  insert into public.agencies (code, name, kind, phone, color)
  values (v.code, v.name, p_kind, v.phone, v.color)
  returning * into v_row;
  perform private.log_admin_event('agency.created', 'agencies', v_row.id::text, null, to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_create_agency(text, text, public.agency_kind, text, text) is
  'Admin: adds an agency (OPD); refuses a code another agency has (code_taken).';

create function public.admin_update_agency(p_agency_id uuid, p_code text, p_name text, p_kind public.agency_kind,
                                           p_phone text, p_color text, p_expected_version integer)
returns public.agencies
language plpgsql
security definer
set search_path = ''
as $$
declare
  v record;
  v_old public.agencies;
  v_row public.agencies;
begin
  perform private.require_admin();
  v_old := private.lock_agency(p_agency_id, p_expected_version);
  select * into v from private.clean_agency(p_code, p_name, p_phone, p_color);
  if p_kind is null then
    perform private.fail('invalid_state', 'Choose the kind of agency.', 'kind');
  end if;
  perform private.require_code_free(v.code, p_agency_id);
  update public.agencies a set code = v.code, name = v.name, kind = p_kind, phone = v.phone, color = v.color,
    version = a.version + 1
  where a.id = p_agency_id returning * into v_row;
  perform private.log_admin_event('agency.updated', 'agencies', v_row.id::text, to_jsonb(v_old), to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_update_agency(uuid, text, text, public.agency_kind, text, text, integer) is
  'Admin: edits an agency''s code, name, kind, phone and colour; p_expected_version is the agency''s.';

-- Deactivated agencies stay for history (assignments, accounts) but dispatch refuses them
-- (private.require_agency: agency_inactive) and the screens stop offering them and their posts.
create function public.admin_set_agency_active(p_agency_id uuid, p_active boolean, p_expected_version integer)
returns public.agencies
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.agencies;
  v_row public.agencies;
begin
  perform private.require_admin();
  v_old := private.lock_agency(p_agency_id, p_expected_version);
  if p_active is null or v_old.active = p_active then
    perform private.fail('invalid_state', 'The agency already has this state.', v_old.active::text);
  end if;
  update public.agencies a set active = p_active, version = a.version + 1
  where a.id = p_agency_id returning * into v_row;
  perform private.log_admin_event(case when p_active then 'agency.reactivated' else 'agency.deactivated' end,
    'agencies', v_row.id::text, to_jsonb(v_old), to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_set_agency_active(uuid, boolean, integer) is
  'Admin: deactivates (kept for history, no new assignments) or reactivates an agency.';

-- ---------------------------------------------------------------------------------------------
-- posts
-- ---------------------------------------------------------------------------------------------
create function public.admin_create_post(p_agency_id uuid, p_name text, p_kind public.post_kind,
                                         p_lat double precision, p_lng double precision, p_address text default null)
returns public.agency_posts
language plpgsql
security definer
set search_path = ''
as $$
declare
  v record;
  v_row public.agency_posts;
begin
  perform private.require_admin();
  select * into v from private.check_post(p_agency_id, p_name, p_address, p_lat, p_lng);
  insert into public.agency_posts (agency_id, name, kind, lat, lng, address)
  values (p_agency_id, v.name, coalesce(p_kind, 'other'), p_lat, p_lng, v.address)
  returning * into v_row;
  perform private.log_admin_event('post.created', 'agency_posts', v_row.id::text, null, to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_create_post(uuid, text, public.post_kind, double precision, double precision, text) is
  'Admin: adds a station, hospital, puskesmas or HQ of an active agency inside the service area.';

create function public.admin_update_post(p_post_id uuid, p_agency_id uuid, p_name text, p_kind public.post_kind,
                                         p_address text, p_expected_version integer)
returns public.agency_posts
language plpgsql
security definer
set search_path = ''
as $$
declare
  v record;
  v_old public.agency_posts;
  v_row public.agency_posts;
begin
  perform private.require_admin();
  v_old := private.lock_post(p_post_id, p_expected_version);
  select * into v from private.check_post(p_agency_id, p_name, p_address, v_old.lat, v_old.lng);
  update public.agency_posts p set agency_id = p_agency_id, name = v.name, kind = coalesce(p_kind, p.kind),
    address = v.address, version = p.version + 1
  where p.id = p_post_id returning * into v_row;
  perform private.log_admin_event('post.updated', 'agency_posts', v_row.id::text, to_jsonb(v_old), to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_update_post(uuid, uuid, text, public.post_kind, text, integer) is
  'Admin: edits a post''s agency, name, kind and address (its place changes with admin_move_post).';

-- A move of its own (not part of the edit), so the trail reads "moved" and the map's undo is one step.
create function public.admin_move_post(p_post_id uuid, p_lat double precision, p_lng double precision,
                                       p_expected_version integer)
returns public.agency_posts
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.agency_posts;
  v_row public.agency_posts;
begin
  perform private.require_admin();
  v_old := private.lock_post(p_post_id, p_expected_version);
  if not private.in_service_area(p_lat, p_lng) then
    perform private.fail('location_out_of_area', 'The post must lie inside the service area of Kota Cilegon.',
      coalesce(p_lat::text, '?') || ',' || coalesce(p_lng::text, '?'));
  end if;
  update public.agency_posts p set lat = p_lat, lng = p_lng, version = p.version + 1
  where p.id = p_post_id returning * into v_row;
  perform private.log_admin_event('post.moved', 'agency_posts', v_row.id::text,
    jsonb_build_object('lat', v_old.lat, 'lng', v_old.lng, 'version', v_old.version),
    jsonb_build_object('lat', v_row.lat, 'lng', v_row.lng, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.admin_move_post(uuid, double precision, double precision, integer) is
  'Admin: moves a post on the map (inside the service area).';

create function public.admin_set_post_active(p_post_id uuid, p_active boolean, p_expected_version integer)
returns public.agency_posts
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.agency_posts;
  v_row public.agency_posts;
begin
  perform private.require_admin();
  v_old := private.lock_post(p_post_id, p_expected_version);
  if p_active is null or v_old.active = p_active then
    perform private.fail('invalid_state', 'The post already has this state.', v_old.active::text);
  end if;
  if p_active then
    perform private.require_agency(v_old.agency_id);
  end if;
  update public.agency_posts p set active = p_active, version = p.version + 1
  where p.id = p_post_id returning * into v_row;
  perform private.log_admin_event(case when p_active then 'post.reactivated' else 'post.deactivated' end,
    'agency_posts', v_row.id::text, to_jsonb(v_old), to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_set_post_active(uuid, boolean, integer) is
  'Admin: takes a post off the map and the dispatch lists (kept for history), or back.';

-- ---------------------------------------------------------------------------------------------
-- run cards
-- ---------------------------------------------------------------------------------------------
create function public.admin_set_run_card(p_category public.incident_category, p_lead_kinds public.agency_kind[],
                                          p_support_kinds public.agency_kind[], p_expected_version integer)
returns public.run_cards
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.run_cards;
  v_row public.run_cards;
  v_lead public.agency_kind[];
  v_support public.agency_kind[];
begin
  perform private.require_admin();
  select * into v_old from public.run_cards r where r.category = p_category for update;
  if not found then
    perform private.fail('invalid_state', 'Unknown incident category.', coalesce(p_category::text, ''));
  end if;
  if p_expected_version is null or v_old.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed this run card meanwhile; reload and try again.',
      'current version ' || v_old.version);
  end if;
  -- Each kind once, in enum order, so equal cards compare equal.
  select coalesce(array_agg(distinct k order by k), '{}') into v_lead from unnest(p_lead_kinds) k where k is not null;
  select coalesce(array_agg(distinct k order by k), '{}') into v_support from unnest(p_support_kinds) k where k is not null;
  if cardinality(v_lead) = 0 then
    perform private.fail('lead_kinds_required', 'Choose at least one lead agency kind.');
  end if;
  if v_lead && v_support then
    perform private.fail('kinds_overlap', 'A kind cannot both lead and support.');
  end if;
  update public.run_cards r set lead_kinds = v_lead, support_kinds = v_support, version = r.version + 1
  where r.category = p_category returning * into v_row;
  perform private.log_admin_event('run_card.changed', 'run_cards', v_row.category::text, to_jsonb(v_old), to_jsonb(v_row));
  return v_row;
end;
$$;
comment on function public.admin_set_run_card(public.incident_category, public.agency_kind[], public.agency_kind[], integer) is
  'Admin: sets the lead and supporting agency kinds of an incident category.';

-- ---------------------------------------------------------------------------------------------
-- privileges of the functions
-- ---------------------------------------------------------------------------------------------
revoke all on function private.clean_agency(text, text, text, text) from public;
revoke all on function private.require_code_free(text, uuid) from public;
revoke all on function private.lock_agency(uuid, integer) from public;
revoke all on function private.lock_post(uuid, integer) from public;
revoke all on function private.check_post(uuid, text, text, double precision, double precision) from public;

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.admin_create_agency(text, text, public.agency_kind, text, text)',
    'public.admin_update_agency(uuid, text, text, public.agency_kind, text, text, integer)',
    'public.admin_set_agency_active(uuid, boolean, integer)',
    'public.admin_create_post(uuid, text, public.post_kind, double precision, double precision, text)',
    'public.admin_update_post(uuid, uuid, text, public.post_kind, text, integer)',
    'public.admin_move_post(uuid, double precision, double precision, integer)',
    'public.admin_set_post_active(uuid, boolean, integer)',
    'public.admin_set_run_card(public.incident_category, public.agency_kind[], public.agency_kind[], integer)'
  ] loop
    execute format('revoke all on function %s from public, anon', v_fn);
    execute format('grant execute on function %s to authenticated, service_role', v_fn);
  end loop;
end;
$$;
