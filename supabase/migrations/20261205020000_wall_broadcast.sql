-- The wall's live feed by Broadcast from Database (issue #14, DESIGN.md §8): leadership may read no
-- call, so instead of polling public.wall_open_calls the wall joins the private channel `wall:live`
-- and the database tells it when to read again. Two events travel there:
--   `call`     a call in progress started, moved on a stage or ended: its id, stage times and type
--              only (never the caller's number, name, notes or location; the wall must not see them);
--   `counters` today's counters may have moved (calls, incidents or SLA targets changed).
-- The wall answers an event by reading wall_open_calls, waiting_calls_summary and the statistics
-- functions again, which check the reader's role themselves: an event carries nothing those reads
-- would not give the same reader.
--
-- Who receives: the statistics audience (private.require_statistics_viewer: leadership, the wall
-- account among them, supervisors and admins), by a SELECT policy on realtime.messages for the topic
-- being joined. Nobody may send on the topic: no INSERT policy, so a client cannot fake a call.
-- The triggers are security definer: realtime.send() runs as its caller and stores the message in
-- realtime.messages, which the API roles may not write to this topic.
--
-- realtime.messages and realtime.send() belong to the platform (supabase/realtime; the embedded stack
-- creates them before the migrations). On a bare Postgres without Realtime there is nothing to send
-- to: the policy and triggers are skipped with a notice, as in 20261201000100.

create function private.wall_call_event(p_call public.calls) returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- An allow-list: a column added to calls later never reaches the wall by accident.
  select jsonb_build_object(
    'id', p_call.id,
    'received_at', p_call.received_at,
    'answered_at', p_call.answered_at,
    'classified_at', p_call.classified_at,
    'recorded_at', p_call.recorded_at,
    'ended_at', p_call.ended_at,
    'call_type', p_call.call_type
  )
$$;
comment on function private.wall_call_event(public.calls) is
  'The anonymised image of a call the wall may be told about: id, stage times and type, no caller data.';
revoke all on function private.wall_call_event(public.calls) from public;

create function private.broadcast_wall_call() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_call public.calls;
begin
  v_call := case when tg_op = 'DELETE' then old else new end;
  -- The same window as wall_open_calls: an older call is not on the wall, whatever happens to it.
  if v_call.received_at <= now() - interval '12 hours' then
    return null;
  end if;
  perform realtime.send(
    jsonb_build_object('op', lower(tg_op), 'call', private.wall_call_event(v_call)),
    'call',
    'wall:live',
    true
  );
  return null;
end;
$$;
comment on function private.broadcast_wall_call() is
  'Row trigger on calls: sends the anonymised call (private.wall_call_event) as event call on the private topic wall:live.';
revoke all on function private.broadcast_wall_call() from public;

create function private.broadcast_wall_counters() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- One message per statement: a bulk change costs the wall one read of its counters.
  perform realtime.send(jsonb_build_object('table', tg_table_name), 'counters', 'wall:live', true);
  return null;
end;
$$;
comment on function private.broadcast_wall_counters() is
  'Statement trigger on calls, incidents and sla_targets: sends event counters on the private topic wall:live (no row data).';
revoke all on function private.broadcast_wall_counters() from public;

do $$
begin
  if to_regclass('realtime.messages') is null or to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null then
    raise notice 'realtime.messages or realtime.send() does not exist (no Realtime on this database): wall broadcast not set up';
    return;
  end if;

  create policy "the statistics audience receives the wall feed"
    on realtime.messages
    for select
    to authenticated
    using (
      realtime.messages.extension = 'broadcast'
      and (select realtime.topic()) = 'wall:live'
      and realtime.messages.topic = 'wall:live'
      and (select private.my_role()) in ('leadership', 'supervisor', 'admin')
    );

  -- Only the columns the wall shows: editing a caller's name or notes tells the wall nothing.
  create trigger calls_wall_broadcast
    after insert or delete or update of received_at, answered_at, classified_at, recorded_at, ended_at, call_type
    on public.calls
    for each row execute function private.broadcast_wall_call();

  create trigger calls_wall_counters
    after insert or delete or update of received_at, answered_at, classified_at, recorded_at, ended_at, call_type
    on public.calls
    for each statement execute function private.broadcast_wall_counters();

  create trigger incidents_wall_counters
    after insert or delete or update of status, category, priority, reported_at, dispatched_at, acknowledged_at,
      on_scene_at, resolved_at, closed_at
    on public.incidents
    for each statement execute function private.broadcast_wall_counters();

  create trigger sla_targets_wall_counters
    after insert or delete or update
    on public.sla_targets
    for each statement execute function private.broadcast_wall_counters();
end
$$;
