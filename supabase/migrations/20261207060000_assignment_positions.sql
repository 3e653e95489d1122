-- Liaison location (issue #18 §3): while its assignment is en route or on scene, the liaison's phone
-- reports where the unit is, and dispatch and the wall draw it moving with a straight-line ETA.
-- Positions are a person's location data, so they are written only through
-- report_assignment_position (the call is the consent: the phone sends only after the browser's own
-- permission prompt), read only by supervisors, leadership (the wall) and the unit's own agency, and
-- removed by run_retention once the incident has been closed for the incident period.
--
-- New refusal codes (mirrored in lib/domain/workflow-errors.ts): invalid_accuracy,
-- position_in_future, position_too_old, position_out_of_order, position_rate_limited.
-- Reused: assignment_not_found, wrong_agency, invalid_state, location_out_of_area.

create table public.assignment_positions (
  id uuid primary key default gen_random_uuid(),
  assignment_id uuid not null references public.assignments (id) on delete cascade,
  seq integer not null check (seq > 0),
  lat double precision not null,
  lng double precision not null,
  accuracy_m double precision not null check (accuracy_m > 0 and accuracy_m <= 500),
  recorded_at timestamptz not null,
  received_at timestamptz not null default now(),
  constraint assignment_positions_in_area check (private.in_service_area(lat, lng)),
  constraint assignment_positions_seq_once unique (assignment_id, seq)
);
comment on table public.assignment_positions is
  'Where an agency''s unit was during its assignment, as the liaison''s phone reported it. Written only by '
  'report_assignment_position; deleted by run_retention after the incident period.';
comment on column public.assignment_positions.seq is
  'The phone''s own counter per assignment: a position resent from its offline queue is stored once.';
comment on column public.assignment_positions.recorded_at is
  'When the phone took the fix (its clock, bounded by the database clock on arrival).';
comment on column public.assignment_positions.received_at is 'When the database stored it (database clock).';
comment on column public.assignment_positions.accuracy_m is 'Radius of the fix in metres as the browser reported it.';

create index assignment_positions_assignment_recorded on public.assignment_positions (assignment_id, recorded_at);

alter table public.assignment_positions enable row level security;
grant select on public.assignment_positions to authenticated, service_role;

create policy "supervisors and leadership read every position" on public.assignment_positions
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'leadership'));

-- The liaison's phone reads back its own agency's positions (the last seq it stored after a reload);
-- other agencies, operators and admins see none.
create policy "agencies read the positions of their own units" on public.assignment_positions
  for select to authenticated
  using (
    (select private.my_role()) = 'opd'
    and exists (select 1 from public.assignments a
                where a.id = assignment_id and a.agency_id = (select private.my_agency()))
  );

alter publication supabase_realtime add table public.assignment_positions;

-- ---------------------------------------------------------------------------------------------
-- report_assignment_position: the phone's only way in
-- ---------------------------------------------------------------------------------------------
-- Bounds: the service area of Kota Cilegon (about 5 km of margin); accuracy 500 m at most (a fix
-- worse than that would draw the unit in the wrong kelurahan); recorded at most 30 s ahead of the
-- database clock (phone clocks drift) and at most 10 minutes ago (the offline queue's window), and
-- not before the unit set off. Rate: each position at least 5 s after the assignment's previous one
-- by recorded_at, so even a phone with an invented clock stores at most one per 5 s on average; the
-- offline queue, which sends old fixes quickly one after another, still gets through.
-- Idempotent: a seq already stored answers its stored row and changes nothing, whatever the state.
create function public.report_assignment_position(
  p_assignment_id uuid,
  p_seq integer,
  p_lat double precision,
  p_lng double precision,
  p_accuracy_m double precision,
  p_recorded_at timestamptz
) returns public.assignment_positions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_asg public.assignments;
  v_inc_status public.incident_status;
  v_row public.assignment_positions;
  v_last public.assignment_positions;
begin
  perform private.require_role(array['opd']::public.app_role[]);
  select * into v_asg from public.assignments a where a.id = p_assignment_id;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  if v_asg.agency_id is distinct from private.my_agency() then
    perform private.fail('wrong_agency', 'This assignment belongs to another agency.');
  end if;
  -- One report of an assignment at a time, so the order and rate checks see the previous one.
  perform pg_advisory_xact_lock(hashtextextended('assignment_position:' || p_assignment_id::text, 0));
  if p_seq is null or p_seq < 1 then
    perform private.fail('position_out_of_order', 'The position needs a sequence number from 1.');
  end if;
  select * into v_row from public.assignment_positions p where p.assignment_id = p_assignment_id and p.seq = p_seq;
  if found then
    return v_row;
  end if;

  select i.status into v_inc_status from public.incidents i where i.id = v_asg.incident_id;
  if v_asg.status not in ('en_route', 'on_scene') or v_inc_status in ('closed', 'cancelled') then
    perform private.fail('invalid_state', 'A location is shared only while the unit is en route or on scene.',
      v_asg.status::text);
  end if;
  if not private.in_service_area(p_lat, p_lng) then
    perform private.fail('location_out_of_area', 'The location is outside Kota Cilegon.');
  end if;
  if p_accuracy_m is null or not (p_accuracy_m > 0 and p_accuracy_m <= 500) then
    perform private.fail('invalid_accuracy', 'The fix must be accurate to 500 m or better.');
  end if;
  if p_recorded_at is null or p_recorded_at > now() + interval '30 seconds' then
    perform private.fail('position_in_future', 'The fix is dated in the future; check the phone''s clock.');
  end if;
  if p_recorded_at < now() - interval '10 minutes'
     or p_recorded_at < coalesce(v_asg.en_route_at, v_asg.on_scene_at) - interval '30 seconds' then
    perform private.fail('position_too_old', 'The fix is older than 10 minutes or from before the unit set off.');
  end if;
  select * into v_last from public.assignment_positions p
  where p.assignment_id = p_assignment_id order by p.seq desc limit 1;
  if found and p_seq < v_last.seq then
    perform private.fail('position_out_of_order', 'A later position of this assignment is already stored.',
      'last seq ' || v_last.seq);
  end if;
  if found and p_recorded_at < v_last.recorded_at + interval '5 seconds' then
    perform private.fail('position_rate_limited', 'One position per 5 seconds at most.');
  end if;

  insert into public.assignment_positions (assignment_id, seq, lat, lng, accuracy_m, recorded_at, received_at)
  values (p_assignment_id, p_seq, p_lat, p_lng, p_accuracy_m, p_recorded_at, now())
  returning * into v_row;
  return v_row;
end;
$$;
comment on function public.report_assignment_position(uuid, integer, double precision, double precision, double precision, timestamptz) is
  'The liaison''s phone reports where its unit is, while the assignment is en route or on scene. Idempotent per (assignment, seq). '
  'Refusals: assignment_not_found, wrong_agency, invalid_state, location_out_of_area, invalid_accuracy, position_in_future, '
  'position_too_old, position_out_of_order, position_rate_limited.';
revoke all on function public.report_assignment_position(uuid, integer, double precision, double precision, double precision, timestamptz) from public, anon;
grant execute on function public.report_assignment_position(uuid, integer, double precision, double precision, double precision, timestamptz) to authenticated;

-- The newest position of every assignment still en route or on scene, for the first draw of the
-- dispatch map and the wall; live changes come through realtime. Security invoker: RLS decides.
create function public.latest_assignment_positions()
returns setof public.assignment_positions
language sql
stable
security invoker
set search_path = ''
as $$
  select distinct on (p.assignment_id) p.*
  from public.assignment_positions p
  join public.assignments a on a.id = p.assignment_id
  where a.status in ('en_route', 'on_scene')
  order by p.assignment_id, p.seq desc
$$;
comment on function public.latest_assignment_positions() is
  'Latest reported position per active (en route, on scene) assignment, as far as the caller may read positions.';
revoke all on function public.latest_assignment_positions() from public, anon;
grant execute on function public.latest_assignment_positions() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- run_retention, redefined: its body as 20261205080000_caller_data_protection left it, plus the
-- positions of assignments whose incident was closed or cancelled longer than the incident period
-- ago (held incidents excepted), deleted and counted in its result and audit row.
-- ---------------------------------------------------------------------------------------------
create or replace function public.run_retention() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_settings public.retention_settings;
  v_due uuid[];
  v_count integer;
  v_held integer;
  v_positions integer;
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

  -- A unit's track says where a person was: it goes once the incident period has passed since the
  -- incident ended, unless the incident is held.
  delete from public.assignment_positions p
  using public.assignments a, public.incidents i
  where a.id = p.assignment_id and i.id = a.incident_id
    and i.status in ('closed', 'cancelled')
    and coalesce(i.closed_at, i.cancelled_at) < now() - make_interval(days => v_settings.incident_days)
    and not private.incident_held(i.id);
  get diagnostics v_positions = row_count;

  if v_count > 0 or v_positions > 0 then
    perform private.log_admin_event('retention.run', 'calls', 'retention', null,
      jsonb_build_object('pseudonymised', v_count, 'held_skipped', v_held, 'positions_deleted', v_positions,
                         'incident_days', v_settings.incident_days, 'nuisance_days', v_settings.nuisance_days));
  end if;
  return jsonb_build_object('pseudonymised', v_count, 'held_skipped', v_held, 'positions_deleted', v_positions);
end;
$$;
comment on function public.run_retention() is
  'The retention job (hourly timer of the embedded stack, pg_cron on hosted Supabase; an admin may run it): pseudonymises the caller data of calls past '
  'their period, skipping open and held incidents and actively blocked numbers, and deletes the unit positions of incidents ended longer than the incident period ago '
  '(held ones excepted). Idempotent; one admin_events row per run that changed rows.';
revoke all on function public.run_retention() from public, anon;
grant execute on function public.run_retention() to authenticated, service_role;
