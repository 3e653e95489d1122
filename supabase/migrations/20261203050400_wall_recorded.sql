-- The wall's calls in progress with the report-recorded time (issue #16 §2): a call whose record is
-- made runs the penyelesaian timer from recorded_at, not from its classification. The return type
-- grows a column and a stage value, so the function is replaced whole.
drop function public.wall_open_calls(integer);

create function public.wall_open_calls(p_limit integer default 50)
returns table (
  id uuid,
  received_at timestamptz,
  answered_at timestamptz,
  classified_at timestamptz,
  recorded_at timestamptz,
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
  perform private.require_statistics_viewer();
  return query
  with open_calls as (
    select c.id, c.received_at, c.answered_at, c.classified_at, c.recorded_at, c.call_type
    from public.calls c
    -- A call left open for half a day was abandoned by a crashed console, not being taken now.
    where c.ended_at is null and c.received_at > now() - interval '12 hours'
  )
  select o.id, o.received_at, o.answered_at, o.classified_at, o.recorded_at, o.call_type,
         case when o.recorded_at is not null then 'recorded'
              when o.classified_at is not null then 'classified'
              when o.answered_at is not null then 'answered'
              else 'ringing' end,
         count(*) over ()
  from open_calls o
  order by o.received_at, o.id
  limit least(greatest(coalesce(p_limit, 50), 1), 200);
end;
$$;
comment on function public.wall_open_calls(integer) is
  'Calls in progress (not ended, received in the last 12 hours), oldest first, at most p_limit (1–200): stage times, type and stage (ringing, answered, classified, recorded) and the total number open. No caller data. For leadership, supervisors and admins.';

revoke all on function public.wall_open_calls(integer) from public, anon;
grant execute on function public.wall_open_calls(integer) to authenticated, service_role;
