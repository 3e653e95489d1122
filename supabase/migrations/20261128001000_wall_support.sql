-- Wall display (app/wall): the calls in progress, without anything about the caller. Leadership
-- (the wall account) cannot select public.calls under RLS at all, so this security definer function
-- hands out only what the "calls in progress" board needs: the call's id, its stage times, its type
-- once classified and the stage it is in. Never the phone, name, notes, operator or incident.
--
-- Live-ness: the wall polls this function every few seconds. Realtime cannot tell leadership that a
-- call started: a call_started event has no incident yet, which leadership's policy on
-- incident_events hides, and calls themselves are invisible to it. A poll of this small query (the
-- partial index calls_open_idx covers it) costs far less than a new counter table written by every
-- workflow step.

create function public.wall_open_calls(p_limit integer default 50)
returns table (
  id uuid,
  received_at timestamptz,
  answered_at timestamptz,
  classified_at timestamptz,
  call_type public.call_type,
  stage text,
  open_total bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  -- The same audience as the statistics: leadership, supervisors, admins (and the service role).
  -- Operators read calls directly in their console; OPD liaisons see only their own incidents.
  perform private.require_statistics_viewer();
  return query
  with open_calls as (
    select c.id, c.received_at, c.answered_at, c.classified_at, c.call_type
    from public.calls c
    -- A call left open for half a day was abandoned by a crashed console, not being taken now.
    where c.ended_at is null and c.received_at > now() - interval '12 hours'
  )
  select o.id, o.received_at, o.answered_at, o.classified_at, o.call_type,
         case when o.classified_at is not null then 'classified'
              when o.answered_at is not null then 'answered'
              else 'ringing' end,
         count(*) over ()
  from open_calls o
  order by o.received_at, o.id
  limit least(greatest(coalesce(p_limit, 50), 1), 200);
end;
$$;
comment on function public.wall_open_calls(integer) is
  'Calls in progress (not ended, received in the last 12 hours), oldest first, at most p_limit (1–200): stage times, type and stage (ringing, answered, classified) and the total number open. No caller data. For leadership, supervisors and admins.';

revoke all on function public.wall_open_calls(integer) from public, anon;
grant execute on function public.wall_open_calls(integer) to authenticated, service_role;
