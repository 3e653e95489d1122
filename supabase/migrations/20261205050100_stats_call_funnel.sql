-- The monthly report's call funnel (issue #17, leadership reporting): every call received in the
-- range, how many were answered, how many classified and of which type, how many ended unanswered.
-- No statistics function had the unanswered calls (stats_calls_by_type counts classified calls);
-- this one reads public.calls directly over the range, which calls_received_at_idx indexes.
-- Aggregates only, no caller data; the same viewers as the other statistics.

create function public.stats_call_funnel(p_from timestamptz, p_to timestamptz)
returns table (
  incoming bigint,
  answered bigint,
  unanswered_ended bigint,
  classified bigint,
  emergency bigint,
  ghost bigint,
  prank bigint,
  info bigint
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
  select count(*),
         count(*) filter (where c.answered_at is not null),
         count(*) filter (where c.answered_at is null and c.ended_at is not null),
         count(*) filter (where c.call_type is not null),
         count(*) filter (where c.call_type = 'emergency'),
         count(*) filter (where c.call_type = 'ghost'),
         count(*) filter (where c.call_type = 'prank'),
         count(*) filter (where c.call_type = 'info')
  from public.calls c
  where c.received_at >= p_from and c.received_at < p_to;
end;
$$;
comment on function public.stats_call_funnel(timestamptz, timestamptz) is
  'Calls received in [from, to): incoming, answered, ended unanswered, classified and per type (the monthly report''s funnel).';
revoke all on function public.stats_call_funnel(timestamptz, timestamptz) from public, anon;
grant execute on function public.stats_call_funnel(timestamptz, timestamptz) to authenticated, service_role;
