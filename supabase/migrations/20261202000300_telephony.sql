-- The telephony feed (issue #16 §1): the PBX reports each call's ringing, answer, line end and
-- abandonment; the call row carries the PBX's times, so the first stage of the service standard is
-- measured, not typed. Events are recorded once by their event id, in any order, by the service role
-- only (the webhook on the server verifies the PBX's signature before it calls this).

-- An operator's phone extension, which ties the PBX's "answered at extension X" to a person.
alter table public.profiles
  add column extension text check (extension is null or extension ~ '^[0-9]{2,8}$');
comment on column public.profiles.extension is
  'Phone extension of an operator''s desk (set by an admin); unique among active operators.';
create unique index profiles_active_operator_extension_key on public.profiles (extension)
  where extension is not null and active and role = 'operator';

-- What the PBX knows about the call beyond the workflow's stamps. The caller's location (AML) is
-- personal data like the number: it lives only in calls, under the same policies.
alter table public.calls
  add column trunk text check (trunk is null or length(btrim(trunk)) between 1 and 60),
  add column line_ended_at timestamptz,
  add column line_ended_by text check (line_ended_by is null or line_ended_by in ('caller', 'operator')),
  add column caller_lat double precision check (caller_lat is null or caller_lat between -90 and 90),
  add column caller_lng double precision check (caller_lng is null or caller_lng between -180 and 180),
  add column caller_accuracy_m integer check (caller_accuracy_m is null or caller_accuracy_m between 0 and 100000),
  add constraint calls_line_end_after_start check (line_ended_at is null or line_ended_at >= received_at),
  add constraint calls_line_end_has_side check ((line_ended_at is null) = (line_ended_by is null)),
  add constraint calls_location_pair check ((caller_lat is null) = (caller_lng is null));
comment on column public.calls.line_ended_at is
  'When the phone line closed (PBX). The record itself ends with ended_at, when the operator has finished it.';
comment on column public.calls.caller_lat is 'Caller location sent by the network (AML), if any.';

alter type public.incident_event_kind add value if not exists 'line_ended';

create type public.telephony_event_type as enum ('ringing', 'answered', 'ended', 'abandoned');

create table public.telephony_events (
  event_id text primary key check (length(event_id) between 1 and 120),
  event_type public.telephony_event_type not null,
  external_call_id text not null check (length(external_call_id) between 1 and 120),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  call_id uuid references public.calls (id) on delete set null,
  -- The event as received (after validation), to refuse a reused event id with another body.
  payload jsonb not null,
  -- The answer given the first time; a repeat gets exactly this again.
  result jsonb not null
);
comment on table public.telephony_events is
  'Every event the PBX sent, once per event id: the idempotency record and the audit of the feed.';
create index telephony_events_call_idx on public.telephony_events (external_call_id, occurred_at);

revoke all on table public.telephony_events from public, anon, authenticated, service_role;
-- Written only by record_telephony_event; read by admins and by trusted server code (support).
grant select on table public.telephony_events to authenticated, service_role;
alter table public.telephony_events enable row level security;
create policy "admins read the telephony feed" on public.telephony_events
  for select to authenticated
  using ((select private.my_role()) = 'admin');

-- Nobody changes their own role, agency, active flag or extension (the extension decides whose
-- console a call opens on), not even an admin.
create or replace function private.protect_own_profile() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.id is distinct from old.id then
    raise exception using errcode = 'P0001', message = 'forbidden_role', hint = 'A profile id never changes.';
  end if;
  if old.id = auth.uid()
     and (new.role, new.agency_id, new.active, new.extension)
         is distinct from (old.role, old.agency_id, old.active, old.extension) then
    raise exception using errcode = 'P0001', message = 'forbidden_role',
      hint = 'You cannot change your own role, agency, active flag or extension.';
  end if;
  return new;
end;
$$;

-- The audit row of a PBX event, stamped with the PBX's time rather than the database clock.
create function private.log_telephony_event(p_kind public.incident_event_kind, p_call public.calls,
                                            p_at timestamptz, p_data jsonb) returns void
language sql
set search_path = ''
as $$
  insert into public.incident_events (incident_id, call_id, kind, data, at)
  values (p_call.incident_id, p_call.id, p_kind, p_data || jsonb_build_object('source', 'telephony'), p_at)
$$;
revoke all on function private.log_telephony_event(public.incident_event_kind, public.calls, timestamptz, jsonb) from public;

-- The call of a PBX call id, created on the first event that names it (whatever its type), so that
-- events arriving out of order still make one call. The start is the earliest time any event says.
create function private.telephony_call(p_external_id text, p_at timestamptz, p_caller_phone text,
                                       p_trunk text, p_lat double precision, p_lng double precision,
                                       p_accuracy_m integer) returns public.calls
language plpgsql
set search_path = ''
as $$
declare
  v_call public.calls;
begin
  select * into v_call from public.calls c where c.external_id = p_external_id for update;
  if not found then
    insert into public.calls (source, external_id, received_at, caller_phone, trunk, caller_lat, caller_lng, caller_accuracy_m)
    values ('telephony', p_external_id, p_at, p_caller_phone, p_trunk, p_lat, p_lng, p_accuracy_m)
    returning * into v_call;
    perform private.log_telephony_event('call_started', v_call, p_at, '{}'::jsonb);
    return v_call;
  end if;
  update public.calls c set
    received_at = least(c.received_at, p_at),
    caller_phone = coalesce(c.caller_phone, p_caller_phone),
    trunk = coalesce(c.trunk, p_trunk),
    caller_lat = coalesce(c.caller_lat, p_lat),
    caller_lng = coalesce(c.caller_lng, p_lng),
    caller_accuracy_m = case when c.caller_lat is null then p_accuracy_m else c.caller_accuracy_m end,
    version = c.version + 1
  where c.id = v_call.id
    and (p_at < c.received_at
         or (c.caller_phone is null and p_caller_phone is not null)
         or (c.trunk is null and p_trunk is not null)
         or (c.caller_lat is null and p_lat is not null))
  returning * into v_call;
  if not found then
    select * into v_call from public.calls c where c.external_id = p_external_id;
  end if;
  return v_call;
end;
$$;
revoke all on function private.telephony_call(text, timestamptz, text, text, double precision, double precision, integer) from public;

create function public.record_telephony_event(
  p_event_id text,
  p_type public.telephony_event_type,
  p_call_id text,
  p_at timestamptz,
  p_caller_phone text default null,
  p_trunk text default null,
  p_extension text default null,
  p_ended_by text default null,
  p_lat double precision default null,
  p_lng double precision default null,
  p_accuracy_m integer default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payload jsonb;
  v_seen public.telephony_events;
  v_call public.calls;
  v_operator uuid;
  v_result jsonb;
begin
  if not private.is_service_role() then
    perform private.fail('forbidden_role', 'Only the telephony integration records PBX events.');
  end if;
  if p_event_id is null or p_type is null or p_call_id is null or p_at is null then
    perform private.fail('invalid_state', 'event_id, type, call_id and at are required.', 'event_fields');
  end if;
  -- PBX clocks drift a little; an event from the future, or a day late, is a broken feed.
  if p_at > now() + interval '60 seconds' or p_at < now() - interval '24 hours' then
    perform private.fail('invalid_state', 'The event time is too far from the database clock.', 'event_time');
  end if;
  if p_type = 'ended' and p_ended_by is null then
    perform private.fail('invalid_state', 'An ended event says who ended the line.', 'ended_by');
  end if;
  v_payload := jsonb_strip_nulls(jsonb_build_object(
    'type', p_type, 'call_id', p_call_id, 'at', p_at at time zone 'UTC', 'caller_phone', p_caller_phone, 'trunk', p_trunk,
    'extension', p_extension, 'ended_by', p_ended_by, 'lat', p_lat, 'lng', p_lng, 'accuracy_m', p_accuracy_m));

  -- One call's events one at a time, so two deliveries of one event, or its ringing and answer at
  -- once, cannot both create the call.
  perform pg_advisory_xact_lock(hashtextextended('telephony:' || p_call_id, 0));
  select * into v_seen from public.telephony_events e where e.event_id = p_event_id;
  if found then
    if v_seen.payload <> v_payload then
      perform private.fail('invalid_state', 'This event id was already used for another event.', 'event_id_reused');
    end if;
    return v_seen.result;
  end if;

  v_call := private.telephony_call(p_call_id, p_at, p_caller_phone, p_trunk, p_lat, p_lng, p_accuracy_m);

  if p_type = 'answered' then
    if v_call.ended_at is not null and v_call.answered_at is null then
      perform private.fail('invalid_state', 'The PBX already reported this call as abandoned.', 'abandoned');
    end if;
    if v_call.answered_at is null then
      select p.id into v_operator from public.profiles p
      where p.extension = p_extension and p.role = 'operator' and p.active;
      update public.calls c set
        answered_at = greatest(p_at, c.received_at),
        operator_id = coalesce(c.operator_id, v_operator),
        version = c.version + 1
      where c.id = v_call.id returning * into v_call;
      perform private.log_telephony_event('call_answered', v_call, v_call.answered_at,
        jsonb_build_object('extension', p_extension, 'operator_found', v_operator is not null));
    end if;
  elsif p_type = 'abandoned' then
    if v_call.answered_at is not null then
      perform private.fail('invalid_state', 'The PBX already reported this call as answered.', 'answered');
    end if;
    if v_call.ended_at is null then
      update public.calls c set
        ended_at = greatest(p_at, c.received_at),
        line_ended_at = greatest(p_at, c.received_at),
        line_ended_by = 'caller',
        version = c.version + 1
      where c.id = v_call.id returning * into v_call;
      perform private.log_telephony_event('call_ended', v_call, v_call.ended_at,
        jsonb_build_object('answered', false, 'abandoned', true));
    end if;
  elsif p_type = 'ended' then
    -- Only the line: the operator still finishes the record (classification, report) and ends it.
    if v_call.line_ended_at is null then
      update public.calls c set
        line_ended_at = greatest(p_at, c.received_at),
        line_ended_by = p_ended_by,
        version = c.version + 1
      where c.id = v_call.id returning * into v_call;
      perform private.log_telephony_event('line_ended', v_call, v_call.line_ended_at,
        jsonb_build_object('ended_by', p_ended_by));
    end if;
  end if;

  v_result := jsonb_build_object(
    'event_id', p_event_id,
    'call_id', v_call.id,
    'state', case
      when v_call.ended_at is not null and v_call.answered_at is null then 'abandoned'
      when v_call.line_ended_at is not null then 'line_ended'
      when v_call.answered_at is not null then 'answered'
      else 'ringing' end,
    'operator_id', v_call.operator_id);
  insert into public.telephony_events (event_id, event_type, external_call_id, occurred_at, call_id, payload, result)
  values (p_event_id, p_type, p_call_id, p_at, v_call.id, v_payload, v_result);
  return v_result;
end;
$$;
comment on function public.record_telephony_event(text, public.telephony_event_type, text, timestamptz, text, text, text, text,
  double precision, double precision, integer) is
  'Records one PBX event (service role only): idempotent on p_event_id, in any order per call; stamps the PBX''s times.';
revoke all on function public.record_telephony_event(text, public.telephony_event_type, text, timestamptz, text, text, text, text,
  double precision, double precision, integer) from public, anon, authenticated;
grant execute on function public.record_telephony_event(text, public.telephony_event_type, text, timestamptz, text, text, text, text,
  double precision, double precision, integer) to service_role;
