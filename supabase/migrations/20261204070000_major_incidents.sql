-- Major-incident mode (issue #18 §1). A supervisor declares a major incident on one open ticket with
-- an area (a GeoJSON Polygon) and a short script for the operators. New calls whose location lies
-- inside an active area are offered for linking to that ticket (the existing link_call_to_incident),
-- so a hundred calls about one explosion make one ticket with a hundred callers. The wall switches
-- to a major-incident layout while one is active.
--   * major_incidents: one row per declaration; declared, changed and ended only through the
--     functions below, each writing one incident_events row on the ticket (major_declared,
--     major_changed, major_ended) in the same transaction. Closing or cancelling the ticket ends it.
--   * major_incident_minutes: calls linked per minute, kept by a trigger on calls, so the wall and
--     leadership follow the rate live through postgres_changes (no polling, no caller data).
--   * stats_major_incidents(from, to): the monthly report's figures, one row per major incident.
-- Limits: title 3–120 characters, script 1–1000, end reason 1–500; area ≤ 16 KiB of JSON, one ring of
-- 4–257 positions inside the service area; at most 5 major incidents active at once.

alter type public.incident_event_kind add value if not exists 'major_declared';
alter type public.incident_event_kind add value if not exists 'major_changed';
alter type public.incident_event_kind add value if not exists 'major_ended';

create type public.major_incident_status as enum ('active', 'ended');
create type public.major_incident_template as enum ('chemical_explosion', 'tsunami_warning', 'flood', 'large_fire', 'other');

-- ---------------------------------------------------------------------------------------------
-- the area: a GeoJSON Polygon without holes
-- ---------------------------------------------------------------------------------------------
-- Immutable so the table's check constraint may call it. Holes are not accepted: an area with a
-- hole is not a situation a 112 center declares, and refusing it keeps both point tests simple.
create function private.valid_major_area(p_area jsonb) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_ring jsonb;
  v_n integer;
  v_pos jsonb;
begin
  if p_area is null or jsonb_typeof(p_area) <> 'object' or octet_length(p_area::text) > 16384 then
    return false;
  end if;
  if p_area ->> 'type' is distinct from 'Polygon' or jsonb_typeof(p_area -> 'coordinates') <> 'array'
     or jsonb_array_length(p_area -> 'coordinates') <> 1 then
    return false;
  end if;
  v_ring := p_area -> 'coordinates' -> 0;
  if jsonb_typeof(v_ring) <> 'array' then
    return false;
  end if;
  v_n := jsonb_array_length(v_ring);
  if v_n < 4 or v_n > 257 or v_ring -> 0 <> v_ring -> (v_n - 1) then
    return false;
  end if;
  for v_pos in select e from jsonb_array_elements(v_ring) e loop
    if jsonb_typeof(v_pos) <> 'array' or jsonb_array_length(v_pos) <> 2
       or jsonb_typeof(v_pos -> 0) <> 'number' or jsonb_typeof(v_pos -> 1) <> 'number'
       or not private.in_service_area((v_pos ->> 1)::double precision, (v_pos ->> 0)::double precision) then
      return false;
    end if;
  end loop;
  return true;
end;
$$;
comment on function private.valid_major_area(jsonb) is
  'A GeoJSON Polygon of one closed ring (4–257 [lng, lat] positions, no holes) inside the service area, at most 16 KiB.';
revoke all on function private.valid_major_area(jsonb) from public;

-- Even-odd ray casting over the ring, the same rule as lib/domain/area.ts, so the console's offer
-- and the database agree on every point (a point on an edge may fall either way in both).
create function private.point_in_area(p_area jsonb, p_lat double precision, p_lng double precision) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_ring jsonb := p_area -> 'coordinates' -> 0;
  v_n integer := jsonb_array_length(v_ring);
  v_inside boolean := false;
  v_xi double precision;
  v_yi double precision;
  v_xj double precision;
  v_yj double precision;
  j integer := v_n - 1;
begin
  for i in 0 .. v_n - 1 loop
    v_xi := (v_ring -> i ->> 0)::double precision;
    v_yi := (v_ring -> i ->> 1)::double precision;
    v_xj := (v_ring -> j ->> 0)::double precision;
    v_yj := (v_ring -> j ->> 1)::double precision;
    if ((v_yi > p_lat) <> (v_yj > p_lat))
       and p_lng < (v_xj - v_xi) * (p_lat - v_yi) / (v_yj - v_yi) + v_xi then
      v_inside := not v_inside;
    end if;
    j := i;
  end loop;
  return v_inside;
end;
$$;
comment on function private.point_in_area(jsonb, double precision, double precision) is
  'Whether (lat, lng) lies inside a valid major-incident area (even-odd rule).';
revoke all on function private.point_in_area(jsonb, double precision, double precision) from public;

-- ---------------------------------------------------------------------------------------------
-- tables
-- ---------------------------------------------------------------------------------------------
create table public.major_incidents (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references public.incidents (id) on delete restrict,
  title text not null check (length(btrim(title)) between 3 and 120),
  template public.major_incident_template not null,
  script text not null check (length(btrim(script)) between 1 and 1000),
  area jsonb not null check (private.valid_major_area(area)),
  status public.major_incident_status not null default 'active',
  declared_by uuid references public.profiles (id) on delete set null,
  declared_at timestamptz not null default now(),
  changed_at timestamptz,
  ended_by uuid references public.profiles (id) on delete set null,
  ended_at timestamptz,
  end_reason text check (end_reason is null or length(btrim(end_reason)) between 1 and 500),
  version integer not null default 1 check (version > 0),
  check ((status = 'ended') = (ended_at is not null))
);
comment on table public.major_incidents is
  'Declared major incidents (mode kejadian besar): one open ticket, its area and the operators'' script; written only by the major-incident functions.';
comment on column public.major_incidents.incident_id is 'The one ticket that calls inside the area are linked to.';
comment on column public.major_incidents.area is 'GeoJSON Polygon (one ring of [lng, lat], no holes) where new calls are offered for linking.';
comment on column public.major_incidents.script is 'What operators say and ask on a call about this incident (set at declaration, may be changed).';
create unique index major_incidents_one_active_per_incident on public.major_incidents (incident_id) where status = 'active';
create index major_incidents_declared_at_idx on public.major_incidents (declared_at);

create table public.major_incident_minutes (
  id bigint generated always as identity primary key,
  major_incident_id uuid not null references public.major_incidents (id) on delete cascade,
  minute timestamptz not null,
  calls integer not null default 0 check (calls >= 0),
  version integer not null default 1 check (version > 0),
  unique (major_incident_id, minute)
);
comment on table public.major_incident_minutes is
  'Calls linked to an active major incident per minute (database clock), maintained by a trigger on calls; no caller data.';

revoke all on table public.major_incidents, public.major_incident_minutes from public, anon, authenticated, service_role;
grant select on table public.major_incidents, public.major_incident_minutes to authenticated, service_role;
alter table public.major_incidents enable row level security;
alter table public.major_incident_minutes enable row level security;

-- Operators need the areas and scripts on the console; OPD liaisons get their incidents as before.
create policy "staff read major incidents" on public.major_incidents
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor', 'leadership', 'admin'));
create policy "supervisors, leadership and admins read linked calls per minute" on public.major_incident_minutes
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'leadership', 'admin'));

alter publication supabase_realtime add table public.major_incidents, public.major_incident_minutes;

-- ---------------------------------------------------------------------------------------------
-- linked calls per minute
-- ---------------------------------------------------------------------------------------------
create function private.count_major_incident_call() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.incident_id is not null and new.incident_id is distinct from old.incident_id then
    insert into public.major_incident_minutes as m (major_incident_id, minute, calls)
    select mi.id, date_trunc('minute', now()), 1
    from public.major_incidents mi
    where mi.incident_id = new.incident_id and mi.status = 'active'
    on conflict (major_incident_id, minute) do update set calls = m.calls + 1, version = m.version + 1;
  end if;
  return null;
end;
$$;
revoke all on function private.count_major_incident_call() from public;
create trigger calls_count_major_incident after update of incident_id on public.calls
  for each row execute function private.count_major_incident_call();

-- ---------------------------------------------------------------------------------------------
-- supervisor functions
-- ---------------------------------------------------------------------------------------------
create function private.lock_major_incident(p_id uuid, p_expected_version integer) returns public.major_incidents
language plpgsql
set search_path = ''
as $$
declare
  v_row public.major_incidents;
begin
  select * into v_row from public.major_incidents m where m.id = p_id for update;
  if not found then
    perform private.fail('major_incident_not_found', 'The major incident does not exist.');
  end if;
  if v_row.status <> 'active' then
    perform private.fail('invalid_state', 'The major incident has already ended.', v_row.status::text);
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this major incident meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  return v_row;
end;
$$;
revoke all on function private.lock_major_incident(uuid, integer) from public;

create function private.check_major_fields(p_title text, p_script text, p_area jsonb) returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_title is null or length(btrim(p_title)) not between 3 and 120 then
    perform private.fail('title_invalid', 'A title of 3–120 characters is required.');
  end if;
  if p_script is null or length(btrim(p_script)) not between 1 and 1000 then
    perform private.fail('script_invalid', 'A script of 1–1000 characters is required.');
  end if;
  if not private.valid_major_area(p_area) then
    perform private.fail('area_invalid', 'The area must be one closed GeoJSON polygon ring (4–257 points, at most 16 KiB) inside the service area.');
  end if;
end;
$$;
revoke all on function private.check_major_fields(text, text, jsonb) from public;

create function public.declare_major_incident(
  p_incident_id uuid,
  p_title text,
  p_template public.major_incident_template,
  p_script text,
  p_area jsonb
) returns public.major_incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_status public.incident_status;
  v_row public.major_incidents;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  perform private.check_major_fields(p_title, p_script, p_area);
  if p_template is null then
    perform private.fail('template_invalid', 'Choose a template.');
  end if;
  select i.status into v_status from public.incidents i where i.id = p_incident_id for update;
  if not found then
    perform private.fail('incident_not_found', 'The incident does not exist.');
  end if;
  if v_status in ('closed', 'cancelled') then
    perform private.fail('invalid_state', 'The incident is no longer open.', v_status::text);
  end if;
  if exists (select 1 from public.major_incidents m where m.incident_id = p_incident_id and m.status = 'active') then
    perform private.fail('major_already_declared', 'This incident is already a declared major incident.');
  end if;
  -- Serialises declarations so two supervisors cannot both pass the limit check.
  perform pg_advisory_xact_lock(hashtext('public.major_incidents'));
  if (select count(*) from public.major_incidents m where m.status = 'active') >= 5 then
    perform private.fail('too_many_major_incidents', 'At most 5 major incidents may be active at once.');
  end if;
  insert into public.major_incidents (incident_id, title, template, script, area, declared_by)
  values (p_incident_id, btrim(p_title), p_template, btrim(p_script), p_area,
          (select p.id from public.profiles p where p.id = auth.uid()))
  returning * into v_row;
  perform private.log_event('major_declared', p_incident_id, null, null,
    jsonb_build_object('major_incident_id', v_row.id, 'title', v_row.title, 'template', v_row.template));
  return v_row;
end;
$$;
comment on function public.declare_major_incident(uuid, text, public.major_incident_template, text, jsonb) is
  'Supervisor: declares an open incident a major incident with an area and the operators'' script (major_declared event).';

create function public.change_major_incident(
  p_id uuid,
  p_title text,
  p_script text,
  p_area jsonb,
  p_expected_version integer
) returns public.major_incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.major_incidents;
  v_row public.major_incidents;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  perform private.check_major_fields(p_title, p_script, p_area);
  v_before := private.lock_major_incident(p_id, p_expected_version);
  update public.major_incidents m set
    title = btrim(p_title), script = btrim(p_script), area = p_area, changed_at = now(), version = m.version + 1
  where m.id = p_id
  returning * into v_row;
  perform private.log_event('major_changed', v_row.incident_id, null, null,
    jsonb_build_object('major_incident_id', v_row.id,
      'before', jsonb_build_object('title', v_before.title, 'script', v_before.script, 'area', v_before.area),
      'after', jsonb_build_object('title', v_row.title, 'script', v_row.script, 'area', v_row.area)));
  return v_row;
end;
$$;
comment on function public.change_major_incident(uuid, text, text, jsonb, integer) is
  'Supervisor: changes the title, script or area of an active major incident, version-checked (major_changed event with before/after).';

create function public.end_major_incident(p_id uuid, p_reason text, p_expected_version integer) returns public.major_incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.major_incidents;
  v_reason text;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_reason := private.require_text(p_reason, 'reason_required', 'Say why the major incident ends.');
  if length(v_reason) > 500 then
    perform private.fail('reason_required', 'The reason may be at most 500 characters.');
  end if;
  perform private.lock_major_incident(p_id, p_expected_version);
  update public.major_incidents m set
    status = 'ended', ended_at = now(), end_reason = v_reason, version = m.version + 1,
    ended_by = (select p.id from public.profiles p where p.id = auth.uid())
  where m.id = p_id
  returning * into v_row;
  perform private.log_event('major_ended', v_row.incident_id, null, null,
    jsonb_build_object('major_incident_id', v_row.id, 'reason', v_reason));
  return v_row;
end;
$$;
comment on function public.end_major_incident(uuid, text, integer) is
  'Supervisor: ends an active major incident with a reason, version-checked (major_ended event). The wall returns to its usual layout.';

-- A closed or cancelled ticket takes no more calls, so its major incident ends with it.
create function private.end_major_with_incident() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if new.status in ('closed', 'cancelled') and old.status not in ('closed', 'cancelled') then
    for v_id in
      update public.major_incidents m set status = 'ended', ended_at = now(), version = m.version + 1,
        end_reason = 'incident_' || new.status::text,
        ended_by = (select p.id from public.profiles p where p.id = auth.uid())
      where m.incident_id = new.id and m.status = 'active'
      returning m.id
    loop
      perform private.log_event('major_ended', new.id, null, null,
        jsonb_build_object('major_incident_id', v_id, 'reason', 'incident_' || new.status::text));
    end loop;
  end if;
  return null;
end;
$$;
revoke all on function private.end_major_with_incident() from public;
create trigger incidents_end_major after update of status on public.incidents
  for each row execute function private.end_major_with_incident();

-- The console answers this in the browser from the live rows (lib/domain/area.ts); the function is
-- the same question for the simulator and other API clients.
create function public.major_incidents_at(p_lat double precision, p_lng double precision)
returns setof public.major_incidents
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_role(array['operator', 'supervisor']::public.app_role[]);
  return query
    select m.* from public.major_incidents m
    where m.status = 'active' and private.point_in_area(m.area, p_lat, p_lng)
    order by m.declared_at desc;
end;
$$;
comment on function public.major_incidents_at(double precision, double precision) is
  'Operator/supervisor: the active major incidents whose area contains the point, newest first.';

-- ---------------------------------------------------------------------------------------------
-- monthly report
-- ---------------------------------------------------------------------------------------------
-- One row per major incident declared in [p_from, p_to): counted once, with every call of its
-- ticket (the callers), the agencies sent and the victims reported. No caller data.
create function public.stats_major_incidents(p_from timestamptz, p_to timestamptz)
returns table (
  id uuid,
  ticket_no text,
  title text,
  template public.major_incident_template,
  declared_at timestamptz,
  ended_at timestamptz,
  calls bigint,
  peak_calls_per_minute integer,
  agencies bigint,
  dead bigint,
  seriously_injured bigint,
  lightly_injured bigint,
  evacuated bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
    select m.id, i.ticket_no, m.title, m.template, m.declared_at, m.ended_at,
           (select count(*) from public.calls c where c.incident_id = m.incident_id),
           coalesce((select max(mm.calls) from public.major_incident_minutes mm where mm.major_incident_id = m.id), 0),
           (select count(distinct a.agency_id) from public.assignments a
              where a.incident_id = m.incident_id and a.status not in ('declined', 'withdrawn')),
           coalesce(s.dead, 0), coalesce(s.seriously_injured, 0), coalesce(s.lightly_injured, 0), coalesce(s.evacuated, 0)
    from public.major_incidents m
    join public.incidents i on i.id = m.incident_id
    cross join lateral (
      select sum(a.dead_count) as dead, sum(a.seriously_injured_count) as seriously_injured,
             sum(a.lightly_injured_count) as lightly_injured, sum(a.evacuated_count) as evacuated
      from public.assignments a where a.incident_id = m.incident_id
    ) s
    where m.declared_at >= p_from and m.declared_at < p_to
    order by m.declared_at;
end;
$$;
comment on function public.stats_major_incidents(timestamptz, timestamptz) is
  'Monthly report: each major incident declared in the range once, with its calls, peak calls per minute, agencies and victims.';

revoke all on function public.declare_major_incident(uuid, text, public.major_incident_template, text, jsonb) from public, anon;
revoke all on function public.change_major_incident(uuid, text, text, jsonb, integer) from public, anon;
revoke all on function public.end_major_incident(uuid, text, integer) from public, anon;
revoke all on function public.major_incidents_at(double precision, double precision) from public, anon;
revoke all on function public.stats_major_incidents(timestamptz, timestamptz) from public, anon;
grant execute on function public.declare_major_incident(uuid, text, public.major_incident_template, text, jsonb) to authenticated;
grant execute on function public.change_major_incident(uuid, text, text, jsonb, integer) to authenticated;
grant execute on function public.end_major_incident(uuid, text, integer) to authenticated;
grant execute on function public.major_incidents_at(double precision, double precision) to authenticated;
grant execute on function public.stats_major_incidents(timestamptz, timestamptz) to authenticated, service_role;
