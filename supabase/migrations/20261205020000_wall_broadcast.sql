-- The wall's live feed by Broadcast from Database (issue #14, DESIGN.md §8): leadership may read no
-- call, so instead of polling public.wall_open_calls the wall joins the private channel `wall:live`
-- and the database tells it when to read again. Two events travel there:
--   `call`     a call in progress started, moved on a stage or ended: its id, stage times and type
--              only (never the caller's number, name, notes or location; the wall must not see them);
--   `counters` today's counters may have moved (a call's stage or type, an incident's status, priority
--              or stage times, or an SLA target changed).
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

-- Row triggers without a column list: a column stamped by a BEFORE trigger (calls.recorded_at, set
-- when an incident is reported) is not in the statement's SET list, which UPDATE OF would miss.
-- The images are compared instead, so editing a caller's name or notes tells the wall nothing.
create function private.broadcast_wall_call() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_call public.calls := case when tg_op = 'DELETE' then old else new end;
begin
  if tg_op = 'UPDATE' and private.wall_call_event(old) = private.wall_call_event(new) then
    return null;
  end if;
  -- The same window as wall_open_calls: an older call is not on the wall, whatever happens to it.
  if v_call.received_at > now() - interval '12 hours' then
    perform realtime.send(
      jsonb_build_object('op', lower(tg_op), 'call', private.wall_call_event(v_call)),
      'call',
      'wall:live',
      true
    );
  end if;
  return null;
end;
$$;
comment on function private.broadcast_wall_call() is
  'Row trigger on calls: when the anonymised call (private.wall_call_event) changes, sends it as event call on the private topic wall:live.';
revoke all on function private.broadcast_wall_call() from public;

-- Statement triggers, so a bulk change costs the wall one read of its counters. Which rows changed
-- what is asked of the transition tables (old_rows, new_rows) through EXECUTE: they exist only while
-- the trigger runs, so the linter could not resolve them in static SQL.
create function private.broadcast_wall_counters() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_changed boolean;
begin
  if tg_op = 'TRUNCATE' or tg_table_name = 'sla_targets' then
    v_changed := true;
  elsif tg_op = 'INSERT' then
    execute 'select exists (select from new_rows)' into v_changed;
  elsif tg_op = 'DELETE' then
    execute 'select exists (select from old_rows)' into v_changed;
  elsif tg_table_name = 'calls' then
    execute 'select exists (select from new_rows n join old_rows o on o.id = n.id
                            where private.wall_call_event(n) is distinct from private.wall_call_event(o))'
      into v_changed;
  else
    -- incidents: the columns the counters read (status, category, priority, stage times).
    execute 'select exists (select from new_rows n join old_rows o on o.id = n.id
                            where (n.status, n.category, n.priority, n.reported_at, n.dispatched_at, n.acknowledged_at,
                                   n.on_scene_at, n.resolved_at, n.closed_at, n.cancelled_at)
                                  is distinct from
                                  (o.status, o.category, o.priority, o.reported_at, o.dispatched_at, o.acknowledged_at,
                                   o.on_scene_at, o.resolved_at, o.closed_at, o.cancelled_at))'
      into v_changed;
  end if;
  if v_changed then
    perform realtime.send(jsonb_build_object('table', tg_table_name), 'counters', 'wall:live', true);
  end if;
  return null;
end;
$$;
comment on function private.broadcast_wall_counters() is
  'Statement trigger on calls, incidents and sla_targets: when a statement moved what today''s counters read, sends event counters (no row data) on the private topic wall:live.';
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

  create trigger calls_wall_broadcast
    after insert or update or delete on public.calls
    for each row execute function private.broadcast_wall_call();

  -- One event per trigger when transition tables are used.
  create trigger calls_wall_counters_insert
    after insert on public.calls referencing new table as new_rows
    for each statement execute function private.broadcast_wall_counters();
  create trigger calls_wall_counters_update
    after update on public.calls referencing old table as old_rows new table as new_rows
    for each statement execute function private.broadcast_wall_counters();
  create trigger calls_wall_counters_delete
    after delete on public.calls referencing old table as old_rows
    for each statement execute function private.broadcast_wall_counters();

  create trigger incidents_wall_counters_insert
    after insert on public.incidents referencing new table as new_rows
    for each statement execute function private.broadcast_wall_counters();
  create trigger incidents_wall_counters_update
    after update on public.incidents referencing old table as old_rows new table as new_rows
    for each statement execute function private.broadcast_wall_counters();
  create trigger incidents_wall_counters_delete
    after delete on public.incidents referencing old table as old_rows
    for each statement execute function private.broadcast_wall_counters();

  create trigger sla_targets_wall_counters
    after insert or update or delete on public.sla_targets
    for each statement execute function private.broadcast_wall_counters();
end
$$;
