-- Workflow transitions of DESIGN.md §5 as functions called through RPC. Each one checks the caller's
-- role (and agency), the current state and, where two people could collide, the expected version;
-- stamps times with the database clock; derives the incident status from its assignments; bumps the
-- version; and writes exactly one incident_events row — all in the caller's transaction.
--
-- Error scheme (mirrored in lib/domain/workflow-errors.ts): every refusal is
--   raise exception using errcode = 'P0001', message = '<code>', detail = '<context>', hint = '<English text>'
-- where <code> is one of: not_authenticated, forbidden_role, wrong_agency, not_your_call,
-- call_not_found, incident_not_found, assignment_not_found, agency_not_found, agency_inactive,
-- invalid_state, stale_version, call_not_classified, call_not_emergency, call_not_reported,
-- call_already_linked, agency_already_assigned, agencies_required, open_assignments,
-- reason_required, report_required, summary_required, description_required,
-- location_out_of_area, invalid_kecamatan.
-- PostgREST returns it as {code: 'P0001', message: '<code>', details, hint}; the UI translates message.
-- A refusal raises, so the transaction is rolled back and nothing changes.

-- ---------------------------------------------------------------------------------------------
-- internals (not executable by API roles)
-- ---------------------------------------------------------------------------------------------
create function private.fail(p_code text, p_hint text, p_detail text default null) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_code, hint = p_hint, detail = coalesce(p_detail, '');
end;
$$;
comment on function private.fail(text, text, text) is 'Raises a workflow refusal with a stable code in message.';

-- Returns the caller's role when it is one of p_roles; refuses otherwise.
create function private.require_role(p_roles public.app_role[]) returns public.app_role
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role public.app_role := private.my_role();
begin
  if v_role is null then
    perform private.fail('not_authenticated', 'No active user profile for this session.');
  end if;
  if not v_role = any (p_roles) then
    perform private.fail('forbidden_role', 'This action is not allowed for your role.', v_role::text);
  end if;
  return v_role;
end;
$$;

create function private.is_service_role() returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(auth.role(), '') = 'service_role'
$$;
comment on function private.is_service_role() is 'True for the telephony integration, which calls with the service_role key.';

create function private.log_event(
  p_kind public.incident_event_kind,
  p_incident_id uuid,
  p_call_id uuid,
  p_assignment_id uuid,
  p_data jsonb
) returns void
language sql
set search_path = ''
as $$
  insert into public.incident_events (incident_id, call_id, assignment_id, actor_id, kind, data, at)
  values (
    p_incident_id, p_call_id, p_assignment_id,
    (select p.id from public.profiles p where p.id = auth.uid()),
    p_kind, coalesce(p_data, '{}'::jsonb), now()
  )
$$;

create function private.require_text(p_value text, p_code text, p_hint text) returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null or length(btrim(p_value)) = 0 then
    perform private.fail(p_code, p_hint);
  end if;
  return btrim(p_value);
end;
$$;

create function private.haversine_m(p_lat1 double precision, p_lng1 double precision,
                                    p_lat2 double precision, p_lng2 double precision)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  select 2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(p_lat2 - p_lat1) / 2), 2)
    + cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lng2 - p_lng1) / 2), 2)
  )))
$$;
comment on function private.haversine_m(double precision, double precision, double precision, double precision) is
  'Great-circle distance in metres (mean Earth radius); enough for a city without PostGIS.';

-- Issues the next ticket number of the WIB day of p_at. The upsert takes a row lock on the day's
-- counter, so concurrent reports wait for each other instead of reading the same max().
create function private.next_ticket_no(p_at timestamptz) returns text
language plpgsql
set search_path = ''
as $$
declare
  v_day date := (p_at at time zone 'Asia/Jakarta')::date;
  v_no integer;
begin
  insert into private.ticket_counters as c (day, last_no) values (v_day, 1)
  on conflict (day) do update set last_no = c.last_no + 1
  returning c.last_no into v_no;
  return '112-' || to_char(v_day, 'YYYYMMDD') || '-' || lpad(v_no::text, 4, '0');
end;
$$;

-- Recomputes status and stage stamps of an open incident from its active assignments and bumps its
-- version. Active = not declined and not withdrawn. A completed assignment counts as "on scene" only
-- if it was on scene (an agency may close its part remotely).
create function private.sync_incident(p_incident_id uuid) returns public.incidents
language plpgsql
set search_path = ''
as $$
declare
  v_active integer;
  v_completed integer;
  v_level integer;
  v_first_ack timestamptz;
  v_first_scene timestamptz;
  v_status public.incident_status;
  v_row public.incidents;
begin
  select
    count(*),
    count(*) filter (where a.status = 'completed'),
    coalesce(max(case
      when a.status = 'on_scene' or (a.status = 'completed' and a.on_scene_at is not null) then 3
      when a.status in ('acknowledged', 'en_route', 'completed') then 2
      else 1 end), 0),
    min(a.acknowledged_at),
    min(a.on_scene_at)
  into v_active, v_completed, v_level, v_first_ack, v_first_scene
  from public.assignments a
  where a.incident_id = p_incident_id and a.status not in ('declined', 'withdrawn');

  v_status := case
    when v_active = 0 then 'reported'
    when v_completed = v_active then 'resolved'
    when v_level = 3 then 'on_scene'
    when v_level = 2 then 'acknowledged'
    else 'dispatched' end::public.incident_status;

  update public.incidents i set
    status = v_status,
    dispatched_at = case when v_active > 0 then coalesce(i.dispatched_at, now()) else i.dispatched_at end,
    acknowledged_at = coalesce(i.acknowledged_at, v_first_ack),
    on_scene_at = coalesce(i.on_scene_at, v_first_scene),
    resolved_at = case when v_status = 'resolved' then coalesce(i.resolved_at, now()) end,
    version = i.version + 1
  where i.id = p_incident_id
  returning i.* into v_row;
  return v_row;
end;
$$;

-- Locks an incident for a supervisor transition and checks it exists and has the expected version.
create function private.lock_incident(p_incident_id uuid, p_expected_version integer) returns public.incidents
language plpgsql
set search_path = ''
as $$
declare
  v_row public.incidents;
begin
  select * into v_row from public.incidents where id = p_incident_id for update;
  if not found then
    perform private.fail('incident_not_found', 'The incident does not exist.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this incident meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  return v_row;
end;
$$;

create function private.lock_call(p_call_id uuid) returns public.calls
language plpgsql
set search_path = ''
as $$
declare
  v_row public.calls;
begin
  select * into v_row from public.calls where id = p_call_id for update;
  if not found then
    perform private.fail('call_not_found', 'The call does not exist.');
  end if;
  return v_row;
end;
$$;

create function private.check_call_version(p_call public.calls, p_expected_version integer) returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_expected_version is null or p_call.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this call meanwhile; reload and try again.',
      'current version ' || p_call.version);
  end if;
end;
$$;

-- An operator works on their own calls; a supervisor may take over any call.
create function private.check_call_owner(p_call public.calls, p_role public.app_role) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_role = 'operator' and p_call.operator_id is distinct from auth.uid() then
    perform private.fail('not_your_call', 'This call is handled by another operator.');
  end if;
end;
$$;

create function private.require_agency(p_agency_id uuid) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_active boolean;
begin
  select a.active into v_active from public.agencies a where a.id = p_agency_id;
  if not found then
    perform private.fail('agency_not_found', 'The agency does not exist.', p_agency_id::text);
  end if;
  if not v_active then
    perform private.fail('agency_inactive', 'The agency is inactive.', p_agency_id::text);
  end if;
end;
$$;

-- Withdraws every unfinished assignment of an incident (cancel, forced close); returns how many.
create function private.withdraw_open_assignments(p_incident_id uuid, p_reason text) returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.assignments a set
    status = 'withdrawn', withdrawn_at = now(), withdraw_reason = p_reason, version = a.version + 1
  where a.incident_id = p_incident_id and a.status in ('assigned', 'acknowledged', 'en_route', 'on_scene');
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- operator: calls
-- ---------------------------------------------------------------------------------------------
create function public.start_call(
  p_idempotency_key uuid,
  p_caller_phone text default null,
  p_caller_name text default null,
  p_source public.call_source default 'manual',
  p_external_id text default null
) returns public.calls
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role;
  v_row public.calls;
begin
  if not private.is_service_role() then
    v_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  end if;
  if p_idempotency_key is null then
    perform private.fail('invalid_state', 'An idempotency key is required.', 'idempotency_key');
  end if;
  -- A double submit (same key, or the same telephony call) returns the call already created.
  select * into v_row from public.calls c
  where c.idempotency_key = p_idempotency_key or (p_external_id is not null and c.external_id = p_external_id);
  if found then
    return v_row;
  end if;
  insert into public.calls (idempotency_key, source, external_id, caller_phone, caller_name, received_at, operator_id)
  values (p_idempotency_key, coalesce(p_source, 'manual'), nullif(btrim(p_external_id), ''),
          nullif(btrim(p_caller_phone), ''), nullif(btrim(p_caller_name), ''), now(),
          case when v_role is not null then auth.uid() end)
  on conflict (idempotency_key) do nothing
  returning * into v_row;
  if v_row.id is null then
    -- Lost a race with an identical submit: return the winner's row.
    select * into v_row from public.calls c where c.idempotency_key = p_idempotency_key;
    return v_row;
  end if;
  perform private.log_event('call_started', null, v_row.id, null, jsonb_build_object('source', v_row.source));
  return v_row;
end;
$$;
comment on function public.start_call(uuid, text, text, public.call_source, text) is
  'Records a ringing 112 call (operator, supervisor, or the telephony integration with the service role). Idempotent on p_idempotency_key and p_external_id.';

create function public.answer_call(p_call_id uuid, p_expected_version integer) returns public.calls
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  v_call public.calls := private.lock_call(p_call_id);
begin
  if v_role = 'operator' and v_call.operator_id is not null and v_call.operator_id <> auth.uid() then
    perform private.fail('not_your_call', 'This call is handled by another operator.');
  end if;
  perform private.check_call_version(v_call, p_expected_version);
  if v_call.answered_at is not null or v_call.ended_at is not null then
    perform private.fail('invalid_state', 'The call was already answered or has ended.',
      case when v_call.ended_at is not null then 'ended' else 'answered' end);
  end if;
  update public.calls c set answered_at = now(), operator_id = auth.uid(), version = c.version + 1
  where c.id = p_call_id returning * into v_call;
  perform private.log_event('call_answered', null, v_call.id, null, '{}'::jsonb);
  return v_call;
end;
$$;
comment on function public.answer_call(uuid, integer) is 'The operator picks up the call; it becomes theirs.';

create function public.classify_call(
  p_call_id uuid,
  p_call_type public.call_type,
  p_expected_version integer,
  p_caller_phone text default null,
  p_caller_name text default null,
  p_notes text default null
) returns public.calls
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  v_call public.calls := private.lock_call(p_call_id);
  v_previous public.call_type := v_call.call_type;
begin
  perform private.check_call_owner(v_call, v_role);
  perform private.check_call_version(v_call, p_expected_version);
  if v_call.answered_at is null or v_call.ended_at is not null or v_call.incident_id is not null then
    perform private.fail('invalid_state', 'Only an answered, ongoing call without an incident can be classified.',
      case when v_call.answered_at is null then 'not_answered'
           when v_call.ended_at is not null then 'ended' else 'has_incident' end);
  end if;
  if p_call_type is null then
    perform private.fail('invalid_state', 'A call type is required.', 'call_type');
  end if;
  update public.calls c set
    call_type = p_call_type,
    classified_at = coalesce(c.classified_at, now()),
    caller_phone = coalesce(nullif(btrim(p_caller_phone), ''), c.caller_phone),
    caller_name = coalesce(nullif(btrim(p_caller_name), ''), c.caller_name),
    notes = coalesce(p_notes, c.notes),
    version = c.version + 1
  where c.id = p_call_id returning * into v_call;
  perform private.log_event('call_classified', null, v_call.id, null,
    jsonb_build_object('call_type', p_call_type, 'previous', v_previous));
  return v_call;
end;
$$;
comment on function public.classify_call(uuid, public.call_type, integer, text, text, text) is
  'Sets the call type (emergency, ghost, prank, info) and the caller''s data; may be corrected until the call ends or reports an incident.';

create function public.end_call(p_call_id uuid, p_expected_version integer, p_notes text default null)
returns public.calls
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role;
  v_call public.calls := private.lock_call(p_call_id);
begin
  -- The telephony system may end a call nobody answered (caller hung up while it rang).
  if not (private.is_service_role() and v_call.answered_at is null) then
    v_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
    perform private.check_call_owner(v_call, v_role);
  end if;
  perform private.check_call_version(v_call, p_expected_version);
  if v_call.ended_at is not null then
    perform private.fail('invalid_state', 'The call has already ended.', 'ended');
  end if;
  if v_call.answered_at is not null and v_call.classified_at is null then
    perform private.fail('call_not_classified', 'Classify the call before ending it.');
  end if;
  if v_call.call_type = 'emergency' and v_call.incident_id is null then
    perform private.fail('call_not_reported', 'An emergency call must report or join an incident before it ends.');
  end if;
  update public.calls c set ended_at = now(), notes = coalesce(p_notes, c.notes), version = c.version + 1
  where c.id = p_call_id returning * into v_call;
  perform private.log_event('call_ended', v_call.incident_id, v_call.id, null,
    jsonb_build_object('call_type', v_call.call_type, 'answered', v_call.answered_at is not null));
  return v_call;
end;
$$;
comment on function public.end_call(uuid, integer, text) is
  'Ends the call. Answered calls must be classified; emergency calls must have an incident.';

create function public.report_incident(
  p_call_id uuid,
  p_category public.incident_category,
  p_description text,
  p_lat double precision,
  p_lng double precision,
  p_priority public.incident_priority default 'medium',
  p_address text default null,
  p_kecamatan text default null,
  p_kelurahan text default null
) returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  v_call public.calls := private.lock_call(p_call_id);
  v_description text;
  v_row public.incidents;
begin
  perform private.check_call_owner(v_call, v_role);
  -- The call row lock serialises double submits: the second one finds the incident and returns it.
  if v_call.incident_id is not null then
    select * into v_row from public.incidents where id = v_call.incident_id;
    return v_row;
  end if;
  if v_call.call_type is distinct from 'emergency' then
    perform private.fail('call_not_emergency', 'Only a call classified as emergency can report an incident.',
      coalesce(v_call.call_type::text, 'unclassified'));
  end if;
  if v_call.ended_at is not null then
    perform private.fail('invalid_state', 'The call has already ended.', 'ended');
  end if;
  if p_category is null then
    perform private.fail('invalid_state', 'A category is required.', 'category');
  end if;
  v_description := private.require_text(p_description, 'description_required', 'Describe the emergency.');
  if not private.in_service_area(p_lat, p_lng) then
    perform private.fail('location_out_of_area', 'The location is outside Kota Cilegon.');
  end if;
  if p_kecamatan is not null and p_kecamatan <> all (private.kecamatan_names()) then
    perform private.fail('invalid_kecamatan', 'Unknown kecamatan.', p_kecamatan);
  end if;
  insert into public.incidents (ticket_no, category, priority, description, lat, lng, address, kecamatan, kelurahan,
                                reported_by, reported_at)
  values (private.next_ticket_no(now()), p_category, coalesce(p_priority, 'medium'), v_description, p_lat, p_lng,
          nullif(btrim(p_address), ''), p_kecamatan, nullif(btrim(p_kelurahan), ''), auth.uid(), now())
  returning * into v_row;
  update public.calls c set incident_id = v_row.id, version = c.version + 1 where c.id = p_call_id;
  perform private.log_event('incident_reported', v_row.id, p_call_id, null,
    jsonb_build_object('ticket_no', v_row.ticket_no, 'category', v_row.category, 'priority', v_row.priority));
  return v_row;
end;
$$;
comment on function public.report_incident(uuid, public.incident_category, text, double precision, double precision,
  public.incident_priority, text, text, text) is
  'Creates the incident of an emergency call. Idempotent: a call that already has an incident returns it.';

create function public.link_call_to_incident(p_call_id uuid, p_incident_id uuid) returns public.calls
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  v_call public.calls := private.lock_call(p_call_id);
  v_status public.incident_status;
begin
  perform private.check_call_owner(v_call, v_role);
  if v_call.incident_id = p_incident_id then
    return v_call;
  end if;
  if v_call.incident_id is not null then
    perform private.fail('call_already_linked', 'This call already belongs to another incident.', v_call.incident_id::text);
  end if;
  if v_call.call_type is distinct from 'emergency' then
    perform private.fail('call_not_emergency', 'Only a call classified as emergency can join an incident.',
      coalesce(v_call.call_type::text, 'unclassified'));
  end if;
  if v_call.ended_at is not null then
    perform private.fail('invalid_state', 'The call has already ended.', 'ended');
  end if;
  select i.status into v_status from public.incidents i where i.id = p_incident_id;
  if not found then
    perform private.fail('incident_not_found', 'The incident does not exist.');
  end if;
  if v_status in ('closed', 'cancelled') then
    perform private.fail('invalid_state', 'The incident is no longer open.', v_status::text);
  end if;
  update public.calls c set incident_id = p_incident_id, version = c.version + 1
  where c.id = p_call_id returning * into v_call;
  perform private.log_event('call_linked', p_incident_id, p_call_id, null, '{}'::jsonb);
  return v_call;
end;
$$;
comment on function public.link_call_to_incident(uuid, uuid) is
  'Attaches a repeat caller''s emergency call to an open incident instead of creating a second ticket.';

create function public.nearby_open_incidents(
  p_lat double precision,
  p_lng double precision,
  p_category public.incident_category default null,
  p_radius_m double precision default 500,
  p_since interval default interval '1 hour'
) returns table (
  id uuid,
  ticket_no text,
  category public.incident_category,
  status public.incident_status,
  priority public.incident_priority,
  description text,
  address text,
  kecamatan text,
  reported_at timestamptz,
  distance_m double precision
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  -- A latitude degree is about 111.3 km everywhere; longitude degrees shrink with cos(latitude).
  v_dlat double precision := p_radius_m / 111320.0;
  v_dlng double precision := p_radius_m / (111320.0 * cos(radians(p_lat)));
begin
  perform private.require_role(array['operator', 'supervisor']::public.app_role[]);
  return query
    select i.id, i.ticket_no, i.category, i.status, i.priority, i.description, i.address, i.kecamatan,
           i.reported_at, d.m
    from public.incidents i
    cross join lateral (select private.haversine_m(p_lat, p_lng, i.lat, i.lng) as m) d
    where i.status not in ('closed', 'cancelled')
      and i.reported_at >= now() - p_since
      and (p_category is null or i.category = p_category)
      and i.lat between p_lat - v_dlat and p_lat + v_dlat
      and i.lng between p_lng - v_dlng and p_lng + v_dlng
      and d.m <= p_radius_m
    order by d.m, i.reported_at desc;
end;
$$;
comment on function public.nearby_open_incidents(double precision, double precision, public.incident_category,
  double precision, interval) is
  'Duplicate check for the operator: open incidents (of the category, if given) within the radius reported in the recent window, nearest first.';

-- ---------------------------------------------------------------------------------------------
-- supervisor: incidents
-- ---------------------------------------------------------------------------------------------
create function public.dispatch_incident(p_incident_id uuid, p_agency_ids uuid[], p_expected_version integer)
returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inc public.incidents;
  v_agency uuid;
  v_agencies uuid[];
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_inc := private.lock_incident(p_incident_id, p_expected_version);
  if v_inc.status <> 'reported' then
    perform private.fail('invalid_state', 'Only a reported incident can be dispatched; add an agency instead.',
      v_inc.status::text);
  end if;
  select array_agg(distinct x) into v_agencies from unnest(p_agency_ids) x where x is not null;
  if v_agencies is null then
    perform private.fail('agencies_required', 'Choose at least one agency.');
  end if;
  foreach v_agency in array v_agencies loop
    perform private.require_agency(v_agency);
    insert into public.assignments (incident_id, agency_id, assigned_by, assigned_at)
    values (p_incident_id, v_agency, auth.uid(), now());
  end loop;
  v_inc := private.sync_incident(p_incident_id);
  perform private.log_event('dispatched', p_incident_id, null, null,
    jsonb_build_object('agency_ids', to_jsonb(v_agencies), 'version', v_inc.version));
  return v_inc;
end;
$$;
comment on function public.dispatch_incident(uuid, uuid[], integer) is
  'Forwards a reported incident to one or more agencies (OPD).';

create function public.add_agency(p_incident_id uuid, p_agency_id uuid, p_expected_version integer)
returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inc public.incidents;
  v_assignment uuid;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_inc := private.lock_incident(p_incident_id, p_expected_version);
  if v_inc.status not in ('dispatched', 'acknowledged', 'on_scene', 'resolved') then
    perform private.fail('invalid_state', 'Agencies can be added to a dispatched, open incident.', v_inc.status::text);
  end if;
  perform private.require_agency(p_agency_id);
  if exists (select 1 from public.assignments a where a.incident_id = p_incident_id and a.agency_id = p_agency_id
             and a.status not in ('declined', 'withdrawn')) then
    perform private.fail('agency_already_assigned', 'This agency is already handling the incident.');
  end if;
  insert into public.assignments (incident_id, agency_id, assigned_by, assigned_at)
  values (p_incident_id, p_agency_id, auth.uid(), now())
  returning id into v_assignment;
  v_inc := private.sync_incident(p_incident_id);
  perform private.log_event('agency_added', p_incident_id, null, v_assignment,
    jsonb_build_object('agency_id', p_agency_id, 'version', v_inc.version));
  return v_inc;
end;
$$;
comment on function public.add_agency(uuid, uuid, integer) is 'Adds one more agency to a dispatched incident.';

create function public.replace_agency(p_assignment_id uuid, p_agency_id uuid, p_reason text, p_expected_version integer)
returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_incident_id uuid;
  v_inc public.incidents;
  v_old public.assignments;
  v_new uuid;
  v_reason text;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  select a.incident_id into v_incident_id from public.assignments a where a.id = p_assignment_id;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  v_inc := private.lock_incident(v_incident_id, p_expected_version);
  select * into v_old from public.assignments a where a.id = p_assignment_id for update;
  if v_inc.status in ('closed', 'cancelled') or v_old.status not in ('assigned', 'acknowledged', 'en_route', 'on_scene') then
    perform private.fail('invalid_state', 'Only an unfinished assignment of an open incident can be replaced.',
      v_old.status::text);
  end if;
  v_reason := private.require_text(p_reason, 'reason_required', 'Give the reason for the replacement.');
  perform private.require_agency(p_agency_id);
  if exists (select 1 from public.assignments a where a.incident_id = v_incident_id and a.agency_id = p_agency_id
             and a.status not in ('declined', 'withdrawn')) then
    perform private.fail('agency_already_assigned', 'This agency is already handling the incident.');
  end if;
  update public.assignments a set status = 'withdrawn', withdrawn_at = now(), withdraw_reason = v_reason,
    version = a.version + 1
  where a.id = p_assignment_id;
  insert into public.assignments (incident_id, agency_id, assigned_by, assigned_at)
  values (v_incident_id, p_agency_id, auth.uid(), now())
  returning id into v_new;
  v_inc := private.sync_incident(v_incident_id);
  perform private.log_event('agency_replaced', v_incident_id, null, v_new,
    jsonb_build_object('from_agency_id', v_old.agency_id, 'to_agency_id', p_agency_id,
                       'replaced_assignment_id', p_assignment_id, 'reason', v_reason, 'version', v_inc.version));
  return v_inc;
end;
$$;
comment on function public.replace_agency(uuid, uuid, text, integer) is
  'Withdraws an unfinished assignment and gives the incident to another agency; p_expected_version is the incident''s.';

create function public.cancel_incident(p_incident_id uuid, p_reason text, p_expected_version integer)
returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inc public.incidents;
  v_reason text;
  v_withdrawn integer;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_inc := private.lock_incident(p_incident_id, p_expected_version);
  if v_inc.status in ('closed', 'cancelled') then
    perform private.fail('invalid_state', 'The incident is no longer open.', v_inc.status::text);
  end if;
  v_reason := private.require_text(p_reason, 'reason_required', 'Give the reason for the cancellation.');
  v_withdrawn := private.withdraw_open_assignments(p_incident_id, v_reason);
  update public.incidents i set status = 'cancelled', cancelled_at = now(), cancel_reason = v_reason,
    version = i.version + 1
  where i.id = p_incident_id returning * into v_inc;
  perform private.log_event('cancelled', p_incident_id, null, null,
    jsonb_build_object('reason', v_reason, 'withdrawn_assignments', v_withdrawn, 'version', v_inc.version));
  return v_inc;
end;
$$;
comment on function public.cancel_incident(uuid, text, integer) is
  'Cancels an open incident with a reason; unfinished assignments are withdrawn.';

create function public.close_incident(p_incident_id uuid, p_summary text, p_expected_version integer,
                                      p_force boolean default false)
returns public.incidents
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inc public.incidents;
  v_summary text;
  v_withdrawn integer := 0;
  v_forced boolean := false;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_inc := private.lock_incident(p_incident_id, p_expected_version);
  if v_inc.status in ('reported', 'closed', 'cancelled') then
    perform private.fail('invalid_state', 'Only a dispatched incident can be closed; cancel it instead.',
      v_inc.status::text);
  end if;
  if v_inc.status <> 'resolved' and not coalesce(p_force, false) then
    perform private.fail('open_assignments', 'Some agencies have not finished; confirm to close anyway.',
      v_inc.status::text);
  end if;
  v_summary := private.require_text(p_summary, 'summary_required', 'Write the closing summary.');
  if v_inc.status <> 'resolved' then
    v_forced := true;
    v_withdrawn := private.withdraw_open_assignments(p_incident_id, 'closed by supervisor: ' || v_summary);
  end if;
  update public.incidents i set status = 'closed', closed_at = now(), close_summary = v_summary,
    closed_forced = v_forced, version = i.version + 1
  where i.id = p_incident_id returning * into v_inc;
  perform private.log_event('closed', p_incident_id, null, null,
    jsonb_build_object('forced', v_forced, 'withdrawn_assignments', v_withdrawn, 'version', v_inc.version));
  return v_inc;
end;
$$;
comment on function public.close_incident(uuid, text, integer, boolean) is
  'Closes the ticket with a summary. Unless every active assignment is completed, p_force must confirm it; that is recorded.';

create function public.escalate_assignment(p_assignment_id uuid, p_note text default null)
returns public.assignments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.assignments;
  v_status public.incident_status;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  select * into v_row from public.assignments a where a.id = p_assignment_id for update;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  select i.status into v_status from public.incidents i where i.id = v_row.incident_id;
  if v_row.status <> 'assigned' or v_status in ('closed', 'cancelled') then
    perform private.fail('invalid_state', 'Only an unacknowledged assignment can be escalated.', v_row.status::text);
  end if;
  update public.assignments a set escalation_count = a.escalation_count + 1, last_escalated_at = now(),
    version = a.version + 1
  where a.id = p_assignment_id returning * into v_row;
  perform private.log_event('escalated', v_row.incident_id, null, v_row.id,
    jsonb_build_object('agency_id', v_row.agency_id, 'count', v_row.escalation_count,
                       'note', nullif(btrim(p_note), '')));
  return v_row;
end;
$$;
comment on function public.escalate_assignment(uuid, text) is
  'Records that the supervisor followed up (phone, radio) on an assignment the agency has not acknowledged.';

-- ---------------------------------------------------------------------------------------------
-- OPD: assignments
-- ---------------------------------------------------------------------------------------------
create function private.opd_transition(p_assignment_id uuid, p_expected_version integer,
                                       p_to public.assignment_status, p_text text)
returns public.assignments
language plpgsql
set search_path = ''
as $$
declare
  v_incident_id uuid;
  v_inc_status public.incident_status;
  v_row public.assignments;
  v_from public.assignment_status;
  v_allowed public.assignment_status[];
  v_text text;
  v_inc public.incidents;
begin
  perform private.require_role(array['opd']::public.app_role[]);
  select a.incident_id into v_incident_id from public.assignments a where a.id = p_assignment_id;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  -- Incident first, then assignment: the same lock order as the supervisor's functions.
  select i.status into v_inc_status from public.incidents i where i.id = v_incident_id for update;
  select * into v_row from public.assignments a where a.id = p_assignment_id for update;
  if v_row.agency_id is distinct from private.my_agency() then
    perform private.fail('wrong_agency', 'This assignment belongs to another agency.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'This assignment changed meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  v_from := v_row.status;
  v_allowed := case p_to
    when 'acknowledged' then array['assigned']
    when 'en_route' then array['acknowledged']
    when 'on_scene' then array['acknowledged', 'en_route']
    when 'completed' then array['acknowledged', 'en_route', 'on_scene']
    when 'declined' then array['assigned', 'acknowledged']
  end::public.assignment_status[];
  if v_inc_status in ('closed', 'cancelled') or not v_from = any (v_allowed) then
    perform private.fail('invalid_state', 'This step is not possible from the assignment''s current state.',
      v_from::text);
  end if;
  if p_to = 'completed' then
    v_text := private.require_text(p_text, 'report_required', 'Write the field report.');
  elsif p_to = 'declined' then
    v_text := private.require_text(p_text, 'reason_required', 'Give the reason for declining.');
  end if;
  update public.assignments a set
    status = p_to,
    acknowledged_at = case when p_to = 'acknowledged' then now() else a.acknowledged_at end,
    en_route_at = case when p_to = 'en_route' then now() else a.en_route_at end,
    on_scene_at = case when p_to = 'on_scene' then now() else a.on_scene_at end,
    completed_at = case when p_to = 'completed' then now() else a.completed_at end,
    declined_at = case when p_to = 'declined' then now() else a.declined_at end,
    report = case when p_to = 'completed' then v_text else a.report end,
    decline_reason = case when p_to = 'declined' then v_text else a.decline_reason end,
    version = a.version + 1
  where a.id = p_assignment_id returning * into v_row;
  v_inc := private.sync_incident(v_incident_id);
  perform private.log_event(p_to::text::public.incident_event_kind, v_incident_id, null, p_assignment_id,
    jsonb_build_object('from', v_from, 'agency_id', v_row.agency_id, 'incident_status', v_inc.status,
                       'incident_version', v_inc.version)
    || case when p_to = 'declined' then jsonb_build_object('reason', v_text) else '{}'::jsonb end);
  return v_row;
end;
$$;

create function public.acknowledge_assignment(p_assignment_id uuid, p_expected_version integer)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  select private.opd_transition(p_assignment_id, p_expected_version, 'acknowledged', null)
$$;
comment on function public.acknowledge_assignment(uuid, integer) is 'The OPD confirms it received the assignment.';

create function public.mark_en_route(p_assignment_id uuid, p_expected_version integer)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  select private.opd_transition(p_assignment_id, p_expected_version, 'en_route', null)
$$;
comment on function public.mark_en_route(uuid, integer) is 'The OPD unit is on its way.';

create function public.mark_on_scene(p_assignment_id uuid, p_expected_version integer)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  select private.opd_transition(p_assignment_id, p_expected_version, 'on_scene', null)
$$;
comment on function public.mark_on_scene(uuid, integer) is 'The OPD unit arrived at the scene.';

create function public.complete_assignment(p_assignment_id uuid, p_report text, p_expected_version integer)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  select private.opd_transition(p_assignment_id, p_expected_version, 'completed', p_report)
$$;
comment on function public.complete_assignment(uuid, text, integer) is
  'The OPD finished its part and reports the handling back (field report required).';

create function public.decline_assignment(p_assignment_id uuid, p_reason text, p_expected_version integer)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  select private.opd_transition(p_assignment_id, p_expected_version, 'declined', p_reason)
$$;
comment on function public.decline_assignment(uuid, text, integer) is
  'The OPD declines the assignment with a reason, before it is on its way.';

-- ---------------------------------------------------------------------------------------------
-- privileges: internals for nobody, transitions for signed-in users (the role check is inside)
-- ---------------------------------------------------------------------------------------------
revoke all on function private.fail(text, text, text) from public;
revoke all on function private.require_role(public.app_role[]) from public;
revoke all on function private.is_service_role() from public;
revoke all on function private.log_event(public.incident_event_kind, uuid, uuid, uuid, jsonb) from public;
revoke all on function private.require_text(text, text, text) from public;
revoke all on function private.haversine_m(double precision, double precision, double precision, double precision) from public;
revoke all on function private.next_ticket_no(timestamptz) from public;
revoke all on function private.sync_incident(uuid) from public;
revoke all on function private.lock_incident(uuid, integer) from public;
revoke all on function private.lock_call(uuid) from public;
revoke all on function private.check_call_version(public.calls, integer) from public;
revoke all on function private.check_call_owner(public.calls, public.app_role) from public;
revoke all on function private.require_agency(uuid) from public;
revoke all on function private.withdraw_open_assignments(uuid, text) from public;
revoke all on function private.opd_transition(uuid, integer, public.assignment_status, text) from public;

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.start_call(uuid, text, text, public.call_source, text)',
    'public.answer_call(uuid, integer)',
    'public.classify_call(uuid, public.call_type, integer, text, text, text)',
    'public.end_call(uuid, integer, text)',
    'public.report_incident(uuid, public.incident_category, text, double precision, double precision, public.incident_priority, text, text, text)',
    'public.link_call_to_incident(uuid, uuid)',
    'public.nearby_open_incidents(double precision, double precision, public.incident_category, double precision, interval)',
    'public.dispatch_incident(uuid, uuid[], integer)',
    'public.add_agency(uuid, uuid, integer)',
    'public.replace_agency(uuid, uuid, text, integer)',
    'public.cancel_incident(uuid, text, integer)',
    'public.close_incident(uuid, text, integer, boolean)',
    'public.escalate_assignment(uuid, text)',
    'public.acknowledge_assignment(uuid, integer)',
    'public.mark_en_route(uuid, integer)',
    'public.mark_on_scene(uuid, integer)',
    'public.complete_assignment(uuid, text, integer)',
    'public.decline_assignment(uuid, text, integer)'
  ] loop
    execute format('revoke all on function %s from public, anon', v_fn);
    execute format('grant execute on function %s to authenticated, service_role', v_fn);
  end loop;
end;
$$;
