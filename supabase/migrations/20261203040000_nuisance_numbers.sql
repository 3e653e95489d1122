-- Nuisance-number tools (issue #16 §5): a number with repeated ghost/prank calls is proposed for a
-- temporary block, which a supervisor approves or rejects with a reason; a blocked number's calls
-- are still recorded, flagged, never dropped (a real emergency from it must still get through), and
-- the PBX is told so it may play a message. Ghost and abandoned calls with a number form a call-back
-- list whose outcomes operators record. Proposals and call-backs are made by triggers on calls, so
-- classify_call and end_call stay as they are.

alter type public.incident_event_kind add value if not exists 'number_block_proposed';
alter type public.incident_event_kind add value if not exists 'number_block_decided';
alter type public.incident_event_kind add value if not exists 'number_block_lifted';
alter type public.incident_event_kind add value if not exists 'callback_recorded';

-- ---------------------------------------------------------------------------------------------
-- the number as blocks compare it
-- ---------------------------------------------------------------------------------------------
-- calls.caller_phone keeps the separators the operator typed or the PBX sent ("0812-3456 7890");
-- a block must catch the same number however it was written, so it compares digits (and a leading
-- +) only. "+62812…" and "0812…" stay different numbers: rewriting country codes is the PBX's job.
create function private.phone_key(p_phone text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select nullif(regexp_replace(coalesce(p_phone, ''), '[^0-9+]', '', 'g'), '')
$$;
comment on function private.phone_key(text) is
  'A caller number reduced to digits and a leading +, the form blocked_numbers.phone stores and compares.';
revoke all on function private.phone_key(text) from public;
grant execute on function private.phone_key(text) to authenticated, service_role;

create index calls_phone_key_received_idx on public.calls (private.phone_key(caller_phone), received_at)
  where caller_phone is not null;

-- ---------------------------------------------------------------------------------------------
-- settings
-- ---------------------------------------------------------------------------------------------
create table public.nuisance_settings (
  id boolean primary key default true check (id),
  threshold integer not null default 3 check (threshold between 2 and 50),
  window_hours integer not null default 24 check (window_hours between 1 and 720),
  block_hours integer not null default 24 check (block_hours between 1 and 720),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
comment on table public.nuisance_settings is
  'The one row of nuisance-number rules: threshold ghost/prank calls within window_hours propose a block of block_hours. Changed by admins through set_nuisance_settings.';
comment on column public.nuisance_settings.id is 'Always true: the table has exactly one row.';

-- Product defaults (issue #16: 3 in 24 h, block 24 h), not demo data.
insert into public.nuisance_settings default values;

-- ---------------------------------------------------------------------------------------------
-- blocked_numbers
-- ---------------------------------------------------------------------------------------------
create type public.number_block_status as enum ('proposed', 'approved', 'rejected', 'lifted', 'expired');

create table public.blocked_numbers (
  id uuid primary key default gen_random_uuid(),
  phone text not null check (phone ~ '^\+?[0-9]{2,32}$'),
  status public.number_block_status not null default 'proposed',
  prank_calls integer not null check (prank_calls >= 0),
  ghost_calls integer not null check (ghost_calls >= 0),
  threshold integer not null check (threshold > 0),
  window_hours integer not null check (window_hours > 0),
  first_call_at timestamptz not null,
  last_call_at timestamptz not null,
  -- The call that reached the threshold: the subject of this block's audit events.
  trigger_call_id uuid not null references public.calls (id) on delete restrict,
  proposed_at timestamptz not null default now(),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_reason text check (decision_reason is null or length(btrim(decision_reason)) between 1 and 500),
  expires_at timestamptz,
  lifted_by uuid references public.profiles (id) on delete set null,
  lifted_at timestamptz,
  lift_reason text check (lift_reason is null or length(btrim(lift_reason)) between 1 and 500),
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint blocked_numbers_counts check (prank_calls + ghost_calls > 0 and last_call_at >= first_call_at),
  constraint blocked_numbers_decided check (
    (status = 'proposed') = (decided_at is null)
    and (decided_at is null or (decision_reason is not null and decided_at >= proposed_at))
  ),
  constraint blocked_numbers_expiry check ((status in ('approved', 'lifted', 'expired')) = (expires_at is not null)),
  constraint blocked_numbers_lifted check (
    (status = 'lifted') = (lifted_at is not null) and (lifted_at is null or lift_reason is not null)
  )
);
comment on table public.blocked_numbers is
  'Proposed and decided temporary blocks of nuisance numbers, history kept (one proposed or approved row per number). '
  'A blocked number''s calls are still recorded and flagged (calls.blocked_number_id), never dropped.';
comment on column public.blocked_numbers.phone is 'The number as private.phone_key() writes it: digits and a leading +.';
comment on column public.blocked_numbers.status is
  'proposed (awaiting a supervisor), approved (blocked until expires_at), rejected, lifted (ended early), expired. '
  'An approved block whose expires_at has passed is no longer in force even before it is marked expired.';
comment on column public.blocked_numbers.prank_calls is 'Prank calls of the number in the window when proposed, kept current while the proposal waits.';
comment on column public.blocked_numbers.expires_at is 'End of the block: decided_at + nuisance_settings.block_hours at the decision; moved up when lifted.';

create unique index blocked_numbers_one_open_per_phone on public.blocked_numbers (phone)
  where status in ('proposed', 'approved');
create index blocked_numbers_status_idx on public.blocked_numbers (status, proposed_at desc);

create trigger blocked_numbers_touch before update on public.blocked_numbers
  for each row execute function private.touch_updated_at();

alter table public.calls
  add column blocked_number_id uuid references public.blocked_numbers (id) on delete restrict;
comment on column public.calls.blocked_number_id is
  'The block in force for the caller''s number when the call came in: the call is recorded and shown flagged, never dropped.';
create index calls_blocked_number_idx on public.calls (blocked_number_id) where blocked_number_id is not null;

-- ---------------------------------------------------------------------------------------------
-- callbacks
-- ---------------------------------------------------------------------------------------------
create type public.callback_reason as enum ('ghost', 'abandoned');
create type public.callback_outcome as enum ('reached_ok', 'reached_emergency', 'no_answer', 'busy', 'wrong_number');
create type public.callback_status as enum ('open', 'done');

create table public.callbacks (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null unique references public.calls (id) on delete restrict,
  reason public.callback_reason not null,
  -- The number stays in calls alone (caller data lives there only); the list embeds it from there.
  call_received_at timestamptz not null,
  status public.callback_status not null default 'open',
  attempts integer not null default 0 check (attempts >= 0),
  last_outcome public.callback_outcome,
  last_note text check (last_note is null or length(btrim(last_note)) between 1 and 500),
  last_attempt_by uuid references public.profiles (id) on delete set null,
  last_attempt_at timestamptz,
  -- reached_emergency: the call record the operator started for the emergency.
  new_call_id uuid references public.calls (id) on delete restrict,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint callbacks_attempt check ((attempts = 0) = (last_attempt_at is null) and (attempts = 0) = (last_outcome is null)),
  constraint callbacks_done_conclusive check (
    (status = 'done') = (last_outcome is not null and last_outcome not in ('no_answer', 'busy'))
  ),
  constraint callbacks_new_call check ((new_call_id is not null) = (last_outcome is not distinct from 'reached_emergency'))
);
comment on table public.callbacks is
  'Call-back list: one row per ghost or abandoned call that has a number. Operators record each attempt (record_callback); '
  'no_answer and busy keep it open for another try.';
comment on column public.callbacks.call_received_at is 'When the original call came in (copied from calls.received_at).';

create index callbacks_open_idx on public.callbacks (call_received_at desc) where status = 'open';

create trigger callbacks_touch before update on public.callbacks
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- privileges and row-level security
-- ---------------------------------------------------------------------------------------------
-- Every write goes through the functions below; numbers are caller data, so opd and leadership
-- read none of it (like calls).
revoke all on table public.nuisance_settings, public.blocked_numbers, public.callbacks
  from public, anon, authenticated, service_role;
grant select on table public.nuisance_settings, public.blocked_numbers, public.callbacks to authenticated, service_role;

alter table public.nuisance_settings enable row level security;
alter table public.blocked_numbers enable row level security;
alter table public.callbacks enable row level security;

create policy "supervisors and admins read the nuisance settings" on public.nuisance_settings
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'admin'));

-- Operators see blocks to flag the number on the line; supervisors and admins decide them.
create policy "operators, supervisors and admins read number blocks" on public.blocked_numbers
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor', 'admin'));

create policy "operators and supervisors read the call-back list" on public.callbacks
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor'));

alter publication supabase_realtime add table public.blocked_numbers, public.callbacks;

-- ---------------------------------------------------------------------------------------------
-- proposals (trigger on calls)
-- ---------------------------------------------------------------------------------------------
-- The block in force for a number now, if any.
create function private.active_block(p_phone_key text) returns public.blocked_numbers
language sql
stable
set search_path = ''
as $$
  select b.* from public.blocked_numbers b
  where b.phone = p_phone_key and b.status = 'approved' and b.expires_at > now()
$$;
revoke all on function private.active_block(text) from public;

-- Marks approved blocks of the number that have run out; the unique index then admits a new proposal.
create function private.expire_blocks(p_phone_key text) returns void
language sql
set search_path = ''
as $$
  update public.blocked_numbers b set status = 'expired', version = b.version + 1
  where b.phone = p_phone_key and b.status = 'approved' and b.expires_at <= now()
$$;
revoke all on function private.expire_blocks(text) from public;

create function private.propose_number_block() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key text := private.phone_key(new.caller_phone);
  v_settings public.nuisance_settings;
  v_prank integer;
  v_ghost integer;
  v_first timestamptz;
  v_last timestamptz;
  v_open public.blocked_numbers;
  v_id uuid;
begin
  if v_key is null then
    return null;
  end if;
  -- Two calls of one number classified at once must not both propose.
  perform pg_advisory_xact_lock(hashtextextended('nuisance:' || v_key, 0));
  select * into v_settings from public.nuisance_settings;
  select count(*) filter (where c.call_type = 'prank'), count(*) filter (where c.call_type = 'ghost'),
         min(c.received_at), max(c.received_at)
  into v_prank, v_ghost, v_first, v_last
  from public.calls c
  where private.phone_key(c.caller_phone) = v_key
    and c.caller_phone is not null
    and c.call_type in ('ghost', 'prank')
    and c.received_at >= now() - make_interval(hours => v_settings.window_hours);

  perform private.expire_blocks(v_key);
  select * into v_open from public.blocked_numbers b where b.phone = v_key and b.status in ('proposed', 'approved');
  if found then
    -- A waiting proposal shows the supervisor the latest counts; a block in force stays as decided.
    if v_open.status = 'proposed' and v_prank + v_ghost > 0 then
      update public.blocked_numbers b set
        prank_calls = v_prank, ghost_calls = v_ghost,
        first_call_at = least(b.first_call_at, v_first), last_call_at = greatest(b.last_call_at, v_last),
        version = b.version + 1
      where b.id = v_open.id;
    end if;
    return null;
  end if;
  if v_prank + v_ghost < v_settings.threshold then
    return null;
  end if;
  insert into public.blocked_numbers (phone, prank_calls, ghost_calls, threshold, window_hours, first_call_at, last_call_at, trigger_call_id)
  values (v_key, v_prank, v_ghost, v_settings.threshold, v_settings.window_hours, v_first, v_last, new.id)
  returning id into v_id;
  perform private.log_event('number_block_proposed', null, new.id, null, jsonb_build_object(
    'blocked_number_id', v_id, 'prank_calls', v_prank, 'ghost_calls', v_ghost,
    'threshold', v_settings.threshold, 'window_hours', v_settings.window_hours));
  return null;
end;
$$;
revoke all on function private.propose_number_block() from public;

-- On classification only (not on insert): imported history does not propose blocks.
create trigger calls_propose_number_block after update of call_type, caller_phone on public.calls
  for each row
  when (new.call_type in ('ghost', 'prank') and new.caller_phone is not null
        and (old.call_type is distinct from new.call_type or old.caller_phone is distinct from new.caller_phone))
  execute function private.propose_number_block();

-- A new call, or a number learnt later, from a blocked number carries the block.
create function private.flag_blocked_call() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.blocked_number_id is null and new.caller_phone is not null and new.ended_at is null then
    new.blocked_number_id := (private.active_block(private.phone_key(new.caller_phone))).id;
  end if;
  return new;
end;
$$;
revoke all on function private.flag_blocked_call() from public;

create trigger calls_flag_blocked_insert before insert on public.calls
  for each row when (new.caller_phone is not null)
  execute function private.flag_blocked_call();
create trigger calls_flag_blocked_update before update of caller_phone on public.calls
  for each row when (new.caller_phone is distinct from old.caller_phone)
  execute function private.flag_blocked_call();

-- ---------------------------------------------------------------------------------------------
-- call-backs (trigger on calls)
-- ---------------------------------------------------------------------------------------------
create function private.add_callback() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.callbacks (call_id, reason, call_received_at)
  values (new.id, case when new.answered_at is null then 'abandoned' else 'ghost' end::public.callback_reason, new.received_at)
  on conflict (call_id) do nothing;
  return null;
end;
$$;
revoke all on function private.add_callback() from public;

-- When the call ends its type is final (classify_call refuses an ended call): a ghost call, or one
-- nobody answered (the PBX's abandoned), with a number to ring.
create trigger calls_add_callback after update of ended_at on public.calls
  for each row
  when (old.ended_at is null and new.ended_at is not null and new.caller_phone is not null
        and (new.call_type = 'ghost' or new.answered_at is null))
  execute function private.add_callback();

-- ---------------------------------------------------------------------------------------------
-- workflow functions
-- ---------------------------------------------------------------------------------------------
create function public.decide_number_block(p_block_id uuid, p_approve boolean, p_reason text, p_expected_version integer)
returns public.blocked_numbers
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['supervisor', 'admin']::public.app_role[]);
  v_reason text := private.require_text(p_reason, 'reason_required', 'A reason for the decision is required.');
  v_row public.blocked_numbers;
  v_hours integer;
begin
  if p_approve is null then
    perform private.fail('invalid_state', 'Say whether the block is approved.', 'approve');
  end if;
  if length(v_reason) > 500 then
    perform private.fail('reason_too_long', 'The reason is at most 500 characters.');
  end if;
  select * into v_row from public.blocked_numbers b where b.id = p_block_id for update;
  if not found then
    perform private.fail('block_not_found', 'The number block does not exist.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this block meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  if v_row.status <> 'proposed' then
    perform private.fail('invalid_state', 'Only a proposed block can be decided.', v_row.status::text);
  end if;
  select s.block_hours into v_hours from public.nuisance_settings s;
  update public.blocked_numbers b set
    status = case when p_approve then 'approved' else 'rejected' end::public.number_block_status,
    decided_by = auth.uid(),
    decided_at = now(),
    decision_reason = v_reason,
    expires_at = case when p_approve then now() + make_interval(hours => v_hours) end,
    version = b.version + 1
  where b.id = p_block_id
  returning * into v_row;
  perform private.log_event('number_block_decided', null, v_row.trigger_call_id, null, jsonb_build_object(
    'blocked_number_id', v_row.id, 'approved', p_approve, 'reason', v_reason, 'expires_at', v_row.expires_at,
    'version', v_row.version, 'role', v_role));
  return v_row;
end;
$$;
comment on function public.decide_number_block(uuid, boolean, text, integer) is
  'A supervisor (or admin) approves or rejects a proposed block with a reason; an approved block lasts nuisance_settings.block_hours.';

create function public.lift_number_block(p_block_id uuid, p_reason text, p_expected_version integer)
returns public.blocked_numbers
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['supervisor', 'admin']::public.app_role[]);
  v_reason text := private.require_text(p_reason, 'reason_required', 'A reason for lifting the block is required.');
  v_row public.blocked_numbers;
begin
  if length(v_reason) > 500 then
    perform private.fail('reason_too_long', 'The reason is at most 500 characters.');
  end if;
  select * into v_row from public.blocked_numbers b where b.id = p_block_id for update;
  if not found then
    perform private.fail('block_not_found', 'The number block does not exist.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this block meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  if v_row.status <> 'approved' or v_row.expires_at <= now() then
    perform private.fail('invalid_state', 'Only a block in force can be lifted.', v_row.status::text);
  end if;
  update public.blocked_numbers b set
    status = 'lifted', lifted_by = auth.uid(), lifted_at = now(), lift_reason = v_reason,
    expires_at = now(), version = b.version + 1
  where b.id = p_block_id
  returning * into v_row;
  perform private.log_event('number_block_lifted', null, v_row.trigger_call_id, null, jsonb_build_object(
    'blocked_number_id', v_row.id, 'reason', v_reason, 'version', v_row.version, 'role', v_role));
  return v_row;
end;
$$;
comment on function public.lift_number_block(uuid, text, integer) is
  'A supervisor (or admin) ends a block in force early, with a reason.';

create function public.record_callback(
  p_callback_id uuid,
  p_outcome public.callback_outcome,
  p_note text,
  p_expected_version integer,
  p_new_call_key uuid default null
) returns public.callbacks
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(array['operator', 'supervisor']::public.app_role[]);
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
  v_row public.callbacks;
  v_new public.calls;
begin
  if p_outcome is null then
    perform private.fail('invalid_state', 'An outcome is required.', 'outcome');
  end if;
  if length(v_note) > 500 then
    perform private.fail('note_too_long', 'The note is at most 500 characters.');
  end if;
  select * into v_row from public.callbacks c where c.id = p_callback_id for update;
  if not found then
    perform private.fail('callback_not_found', 'The call-back does not exist.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this call-back meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  if v_row.status <> 'open' then
    perform private.fail('invalid_state', 'This call-back is already done.', 'done');
  end if;
  if p_outcome = 'reached_emergency' then
    -- The emergency becomes a call record of its own, answered by this operator, through the same
    -- workflow functions as a new call; the console continues it with the same key.
    if p_new_call_key is null then
      perform private.fail('invalid_state', 'A new call key is required for an emergency.', 'new_call_key');
    end if;
    v_new := public.start_call(p_new_call_key, (select c.caller_phone from public.calls c where c.id = v_row.call_id));
    if v_new.answered_at is null then
      v_new := public.answer_call(v_new.id, v_new.version);
    end if;
  end if;
  update public.callbacks c set
    attempts = c.attempts + 1,
    last_outcome = p_outcome,
    last_note = v_note,
    last_attempt_by = auth.uid(),
    last_attempt_at = now(),
    status = case when p_outcome in ('no_answer', 'busy') then 'open' else 'done' end::public.callback_status,
    new_call_id = v_new.id,
    version = c.version + 1
  where c.id = p_callback_id
  returning * into v_row;
  perform private.log_event('callback_recorded', null, v_row.call_id, null, jsonb_build_object(
    'callback_id', v_row.id, 'outcome', p_outcome, 'attempt', v_row.attempts, 'new_call_id', v_new.id,
    'version', v_row.version, 'role', v_role));
  return v_row;
end;
$$;
comment on function public.record_callback(uuid, public.callback_outcome, text, integer, uuid) is
  'An operator records a call-back attempt; no_answer and busy keep it open; reached_emergency starts and answers a new call (key p_new_call_key).';

create function public.set_nuisance_settings(p_threshold integer, p_window_hours integer, p_block_hours integer)
returns public.nuisance_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.nuisance_settings;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if p_threshold is null or p_threshold not between 2 and 50
     or p_window_hours is null or p_window_hours not between 1 and 720
     or p_block_hours is null or p_block_hours not between 1 and 720 then
    perform private.fail('invalid_settings', 'threshold 2–50 calls, window and block 1–720 hours.');
  end if;
  update public.nuisance_settings s set
    threshold = p_threshold, window_hours = p_window_hours, block_hours = p_block_hours,
    updated_at = now(), updated_by = auth.uid()
  where s.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function public.set_nuisance_settings(integer, integer, integer) is
  'Admin: how many ghost/prank calls within how many hours propose a block, and how long an approved block lasts. Applies to later proposals and decisions.';

-- The block in force for a number as the operator types or sees it (security invoker: under the
-- blocked_numbers policies, so opd and leadership get nothing).
create function public.active_number_block(p_phone text)
returns table (id uuid, expires_at timestamptz, prank_calls integer, ghost_calls integer, window_hours integer, decided_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select b.id, b.expires_at, b.prank_calls, b.ghost_calls, b.window_hours, b.decided_at
  from public.blocked_numbers b
  where b.phone = private.phone_key(p_phone) and b.status = 'approved' and b.expires_at > now()
$$;
comment on function public.active_number_block(text) is
  'The block in force for the number (compared as private.phone_key), as far as the caller may read blocks; no row when none.';

revoke all on function public.decide_number_block(uuid, boolean, text, integer) from public, anon;
revoke all on function public.lift_number_block(uuid, text, integer) from public, anon;
revoke all on function public.record_callback(uuid, public.callback_outcome, text, integer, uuid) from public, anon;
revoke all on function public.set_nuisance_settings(integer, integer, integer) from public, anon;
revoke all on function public.active_number_block(text) from public, anon;
grant execute on function public.decide_number_block(uuid, boolean, text, integer) to authenticated;
grant execute on function public.lift_number_block(uuid, text, integer) to authenticated;
grant execute on function public.record_callback(uuid, public.callback_outcome, text, integer, uuid) to authenticated;
grant execute on function public.set_nuisance_settings(integer, integer, integer) to authenticated;
grant execute on function public.active_number_block(text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- telephony: the PBX learns that the number is blocked (unchanged but for v_block_until and the answer)
-- ---------------------------------------------------------------------------------------------
create or replace function public.record_telephony_event(
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
  v_block_until timestamptz;
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
  -- A blocked number's call is recorded like any other (a real emergency must get through); the
  -- answer tells the PBX, which may play a message to the caller.
  if v_call.blocked_number_id is not null then
    select b.expires_at into v_block_until from public.blocked_numbers b where b.id = v_call.blocked_number_id;
  end if;
  v_result := v_result || jsonb_build_object('blocked', v_call.blocked_number_id is not null, 'blocked_until', v_block_until);
  insert into public.telephony_events (event_id, event_type, external_call_id, occurred_at, call_id, payload, result)
  values (p_event_id, p_type, p_call_id, p_at, v_call.id, v_payload, v_result);
  return v_result;
end;
$$;
