-- Statistics for leadership, supervisors and admins (DESIGN.md §4): aggregate-only functions over
-- calls, incidents and assignments for a time range [p_from, p_to). They never return a caller's
-- phone, name or notes. security definer, because leadership cannot select calls at all under RLS;
-- the role check inside each function is what guards them. Buckets and hours are WIB (Asia/Jakarta,
-- UTC+7 without daylight saving). Stage definitions follow the comment on sla_targets.stage;
-- durations are seconds, percentiles continuous (interpolated) and rounded to 0.1 s, shares to 4 places.
--
-- Refusals: SQLSTATE 42501 with message not_authenticated / forbidden_role (the workflow's codes, so
-- the UI translates them the same way; 42501 so that the API answers 403), and P0001 invalid_range /
-- invalid_bucket for bad arguments.

-- ---------------------------------------------------------------------------------------------
-- internals
-- ---------------------------------------------------------------------------------------------
create function private.require_statistics_viewer() returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role public.app_role;
begin
  -- The server (reports, exports) may call with the service role key.
  if private.is_service_role() then
    return;
  end if;
  v_role := private.my_role();
  if v_role is null then
    raise exception using errcode = '42501', message = 'not_authenticated',
      hint = 'Sign in to see statistics.';
  end if;
  if v_role not in ('leadership', 'supervisor', 'admin') then
    raise exception using errcode = '42501', message = 'forbidden_role',
      hint = 'Statistics are for leadership, supervisors and administrators.', detail = v_role::text;
  end if;
end;
$$;
comment on function private.require_statistics_viewer() is
  'Refuses (42501) everyone but leadership, supervisors, admins and the service role.';

create function private.check_statistics_range(p_from timestamptz, p_to timestamptz, p_max interval)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_from is null or p_to is null or p_to <= p_from then
    raise exception using errcode = 'P0001', message = 'invalid_range',
      hint = 'The range needs a start before its end.';
  end if;
  if p_to - p_from > p_max then
    raise exception using errcode = 'P0001', message = 'invalid_range',
      hint = 'The range is too long for this statistic.', detail = p_max::text;
  end if;
end;
$$;
comment on function private.check_statistics_range(timestamptz, timestamptz, interval) is
  'Refuses empty, reversed or overlong ranges, so one request cannot scan or return years of rows.';

revoke all on function private.require_statistics_viewer() from public;
revoke all on function private.check_statistics_range(timestamptz, timestamptz, interval) from public;

-- ---------------------------------------------------------------------------------------------
-- calls by type, per day or hour
-- ---------------------------------------------------------------------------------------------
create function public.stats_calls_by_type(p_from timestamptz, p_to timestamptz, p_bucket text default 'day')
returns table (bucket_start timestamptz, call_type public.call_type, calls bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_step interval;
begin
  perform private.require_statistics_viewer();
  if p_bucket is null or p_bucket not in ('day', 'hour') then
    raise exception using errcode = 'P0001', message = 'invalid_bucket', hint = 'Use day or hour.';
  end if;
  perform private.check_statistics_range(p_from, p_to,
    case p_bucket when 'day' then interval '400 days' else interval '93 days' end);
  -- Asia/Jakarta has no daylight saving, so a WIB day is always 24 hours.
  v_step := case p_bucket when 'day' then interval '24 hours' else interval '1 hour' end;
  return query
  with counts as (
    select date_trunc(p_bucket, c.received_at, 'Asia/Jakarta') as b, c.call_type as t, count(*) as n
    from public.calls c
    where c.received_at >= p_from and c.received_at < p_to and c.call_type is not null
    group by 1, 2
  ),
  buckets as (
    select g as b
    from generate_series(date_trunc(p_bucket, p_from, 'Asia/Jakarta'), p_to - interval '1 microsecond', v_step) g
  )
  select bk.b, ty.t, coalesce(ct.n, 0)::bigint
  from buckets bk
  cross join unnest(enum_range(null::public.call_type)) as ty (t)
  left join counts ct on ct.b = bk.b and ct.t = ty.t
  order by bk.b, ty.t;
end;
$$;
comment on function public.stats_calls_by_type(timestamptz, timestamptz, text) is
  'Classified calls per call type and WIB day or hour (p_bucket day|hour), zero-filled; calls that were never classified (hung up while ringing) are not counted.';

create function public.stats_calls_by_hour_of_day(p_from timestamptz, p_to timestamptz)
returns table (hour integer, call_type public.call_type, calls bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
  with counts as (
    select extract(hour from c.received_at at time zone 'Asia/Jakarta')::integer as h, c.call_type as t,
           count(*) as n
    from public.calls c
    where c.received_at >= p_from and c.received_at < p_to and c.call_type is not null
    group by 1, 2
  )
  select hr.h, ty.t, coalesce(ct.n, 0)::bigint
  from generate_series(0, 23) as hr (h)
  cross join unnest(enum_range(null::public.call_type)) as ty (t)
  left join counts ct on ct.h = hr.h and ct.t = ty.t
  order by hr.h, ty.t;
end;
$$;
comment on function public.stats_calls_by_hour_of_day(timestamptz, timestamptz) is
  'Classified calls per call type and WIB hour of the day (0–23) over the range, zero-filled: when nuisance calls come.';

-- ---------------------------------------------------------------------------------------------
-- SLA compliance per stage
-- ---------------------------------------------------------------------------------------------
create function public.stats_sla_compliance(p_from timestamptz, p_to timestamptz)
returns table (
  stage public.sla_stage,
  target_seconds integer,
  samples bigint,
  within_target bigint,
  within_target_share numeric,
  p50_seconds numeric,
  p90_seconds numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_target jsonb;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select jsonb_object_agg(t.stage, t.target_seconds) into v_target from public.sla_targets t;
  -- One scan per table, one sort per stage: several times cheaper than stacking every duration into
  -- one set and grouping it by stage.
  return query
  with call_stats as (
    select
      count(c.answered_at) as answer_n,
      count(*) filter (where c.answered_at - c.received_at <= make_interval(secs => (v_target ->> 'answer')::integer)) as answer_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', c.answered_at - c.received_at)) as answer_p,
      count(c.classified_at - c.answered_at) as classify_n,
      count(*) filter (where c.classified_at - c.answered_at <= make_interval(secs => (v_target ->> 'classify')::integer)) as classify_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', c.classified_at - c.answered_at)) as classify_p,
      count(c.ended_at - c.classified_at) as close_n,
      count(*) filter (where c.ended_at - c.classified_at <= make_interval(secs => (v_target ->> 'close_call')::integer)) as close_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', c.ended_at - c.classified_at)) as close_p,
      -- A call that rang out unanswered has no service time to measure.
      count(c.ended_at) filter (where c.answered_at is not null) as total_n,
      count(*) filter (where c.answered_at is not null
                         and c.ended_at - c.received_at <= make_interval(secs => (v_target ->> 'call_total')::integer)) as total_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', c.ended_at - c.received_at))
        filter (where c.answered_at is not null) as total_p
    from public.calls c
    where c.received_at >= p_from and c.received_at < p_to
  ),
  incident_stats as (
    select
      count(i.dispatched_at) as dispatch_n,
      count(*) filter (where i.dispatched_at - i.reported_at <= make_interval(secs => (v_target ->> 'dispatch')::integer)) as dispatch_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', i.dispatched_at - i.reported_at)) as dispatch_p,
      count(i.acknowledged_at - i.dispatched_at) as ack_n,
      count(*) filter (where i.acknowledged_at - i.dispatched_at <= make_interval(secs => (v_target ->> 'acknowledge')::integer)) as ack_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', i.acknowledged_at - i.dispatched_at)) as ack_p,
      count(i.on_scene_at - i.dispatched_at) as scene_n,
      count(*) filter (where i.on_scene_at - i.dispatched_at <= make_interval(secs => (v_target ->> 'on_scene')::integer)) as scene_ok,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', i.on_scene_at - i.dispatched_at)) as scene_p
    from public.incidents i
    where i.reported_at >= p_from and i.reported_at < p_to
  ),
  per_stage as (
    select s.st, s.n, s.ok, s.p
    from call_stats cs cross join incident_stats inc
    cross join lateral (values
      ('answer'::public.sla_stage, cs.answer_n, cs.answer_ok, cs.answer_p),
      ('classify'::public.sla_stage, cs.classify_n, cs.classify_ok, cs.classify_p),
      ('close_call'::public.sla_stage, cs.close_n, cs.close_ok, cs.close_p),
      ('call_total'::public.sla_stage, cs.total_n, cs.total_ok, cs.total_p),
      ('dispatch'::public.sla_stage, inc.dispatch_n, inc.dispatch_ok, inc.dispatch_p),
      ('acknowledge'::public.sla_stage, inc.ack_n, inc.ack_ok, inc.ack_p),
      ('on_scene'::public.sla_stage, inc.scene_n, inc.scene_ok, inc.scene_p)
    ) as s (st, n, ok, p)
  )
  select t.stage, t.target_seconds, ps.n, ps.ok,
         case when ps.n > 0 then round(ps.ok::numeric / ps.n, 4) end,
         round(ps.p[1]::numeric, 1), round(ps.p[2]::numeric, 1)
  from public.sla_targets t
  join per_stage ps on ps.st = t.stage
  order by t.stage;
end;
$$;
comment on function public.stats_sla_compliance(timestamptz, timestamptz) is
  'Per SLA stage: target, number of measured durations, how many within target (and the share), median and 90th percentile in seconds. Call stages by received_at, incident stages by reported_at.';

-- ---------------------------------------------------------------------------------------------
-- incidents by category and by kecamatan
-- ---------------------------------------------------------------------------------------------
create function public.stats_incidents_by_category(p_from timestamptz, p_to timestamptz)
returns table (
  category public.incident_category,
  incidents bigint,
  open_incidents bigint,
  closed_incidents bigint,
  cancelled_incidents bigint
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
  with counts as (
    select i.category as c, count(*) as n,
           count(*) filter (where i.status not in ('closed', 'cancelled')) as open_n,
           count(*) filter (where i.status = 'closed') as closed_n,
           count(*) filter (where i.status = 'cancelled') as cancelled_n
    from public.incidents i
    where i.reported_at >= p_from and i.reported_at < p_to
    group by 1
  )
  select cat.c, coalesce(ct.n, 0)::bigint, coalesce(ct.open_n, 0)::bigint, coalesce(ct.closed_n, 0)::bigint,
         coalesce(ct.cancelled_n, 0)::bigint
  from unnest(enum_range(null::public.incident_category)) as cat (c)
  left join counts ct on ct.c = cat.c
  order by cat.c;
end;
$$;
comment on function public.stats_incidents_by_category(timestamptz, timestamptz) is
  'Incidents reported in the range per category, zero-filled, with how many are still open, closed or cancelled.';

create function public.stats_incidents_by_kecamatan(p_from timestamptz, p_to timestamptz)
returns table (
  kecamatan text,
  incidents bigint,
  p50_on_scene_seconds numeric,
  on_scene_within_target_share numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_target integer := (select t.target_seconds from public.sla_targets t where t.stage = 'on_scene');
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
  with per_area as (
    select i.kecamatan as k, count(*) as n,
           percentile_cont(0.5) within group (order by date_part('epoch', i.on_scene_at - i.dispatched_at)) as p50,
           count(i.on_scene_at) as measured,
           count(*) filter (where date_part('epoch', i.on_scene_at - i.dispatched_at) <= v_target) as ok
    from public.incidents i
    where i.reported_at >= p_from and i.reported_at < p_to
    group by 1
  ),
  -- The 8 kecamatan of Kota Cilegon (data/cilegon.json), so an area without incidents shows as 0.
  areas as (
    select a.k, a.ord
    from unnest(array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan'])
      with ordinality as a (k, ord)
    union all
    select null, 9 where exists (select from per_area pa where pa.k is null)
  )
  select ar.k, coalesce(pa.n, 0)::bigint, round(pa.p50::numeric, 1),
         case when pa.measured > 0 then round(pa.ok::numeric / pa.measured, 4) end
  from areas ar
  left join per_area pa on pa.k is not distinct from ar.k
  order by ar.ord;
end;
$$;
comment on function public.stats_incidents_by_kecamatan(timestamptz, timestamptz) is
  'Incidents reported in the range per kecamatan (north to south-west; null = location without kecamatan), with median dispatch-to-scene seconds and the share on scene within the on_scene target.';

-- ---------------------------------------------------------------------------------------------
-- OPD response per agency
-- ---------------------------------------------------------------------------------------------
create function public.stats_agency_response(p_from timestamptz, p_to timestamptz)
returns table (
  agency_id uuid,
  agency_code text,
  agency_name text,
  assignments bigint,
  acknowledged bigint,
  declined bigint,
  completed bigint,
  p50_acknowledge_seconds numeric,
  p90_acknowledge_seconds numeric,
  acknowledge_within_target_share numeric,
  p50_on_scene_seconds numeric,
  p90_on_scene_seconds numeric,
  on_scene_within_target_share numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_ack_target integer := (select t.target_seconds from public.sla_targets t where t.stage = 'acknowledge');
  v_scene_target integer := (select t.target_seconds from public.sla_targets t where t.stage = 'on_scene');
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
  with per_agency as (
    select a.agency_id as ag, count(*) as n,
           count(a.acknowledged_at) as ack_n,
           count(*) filter (where a.status = 'declined') as declined_n,
           count(*) filter (where a.status = 'completed') as completed_n,
           percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', a.acknowledged_at - a.assigned_at)) as ack_p,
           count(*) filter (where date_part('epoch', a.acknowledged_at - a.assigned_at) <= v_ack_target) as ack_ok,
           percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', a.on_scene_at - a.assigned_at)) as scene_p,
           count(a.on_scene_at) as scene_n,
           count(*) filter (where date_part('epoch', a.on_scene_at - a.assigned_at) <= v_scene_target) as scene_ok
    from public.assignments a
    where a.assigned_at >= p_from and a.assigned_at < p_to
    group by 1
  )
  select ag.id, ag.code, ag.name, coalesce(pa.n, 0)::bigint, coalesce(pa.ack_n, 0)::bigint,
         coalesce(pa.declined_n, 0)::bigint, coalesce(pa.completed_n, 0)::bigint,
         round(pa.ack_p[1]::numeric, 1), round(pa.ack_p[2]::numeric, 1),
         case when pa.ack_n > 0 then round(pa.ack_ok::numeric / pa.ack_n, 4) end,
         round(pa.scene_p[1]::numeric, 1), round(pa.scene_p[2]::numeric, 1),
         case when pa.scene_n > 0 then round(pa.scene_ok::numeric / pa.scene_n, 4) end
  from public.agencies ag
  left join per_agency pa on pa.ag = ag.id
  where ag.active or pa.n > 0
  order by ag.code;
end;
$$;
comment on function public.stats_agency_response(timestamptz, timestamptz) is
  'Per agency, for assignments made in the range: counts, assignment-to-acknowledgement and assignment-to-scene seconds (median, 90th percentile) and shares within the acknowledge and on_scene targets.';

-- ---------------------------------------------------------------------------------------------
-- per-operator stage times
-- ---------------------------------------------------------------------------------------------
create function public.stats_operator_stage_times(p_from timestamptz, p_to timestamptz)
returns table (
  operator_id uuid,
  operator_name text,
  calls bigint,
  emergency_calls bigint,
  nuisance_calls bigint,
  p50_answer_seconds numeric,
  p50_classify_seconds numeric,
  p50_close_call_seconds numeric,
  p50_call_total_seconds numeric,
  call_total_within_target_share numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_total_target integer := (select t.target_seconds from public.sla_targets t where t.stage = 'call_total');
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
  with per_operator as (
    select c.operator_id as op, count(*) as n,
           count(*) filter (where c.call_type = 'emergency') as emergency_n,
           count(*) filter (where c.call_type in ('ghost', 'prank')) as nuisance_n,
           percentile_cont(0.5) within group (order by date_part('epoch', c.answered_at - c.received_at)) as answer_p50,
           percentile_cont(0.5) within group (order by date_part('epoch', c.classified_at - c.answered_at)) as classify_p50,
           percentile_cont(0.5) within group (order by date_part('epoch', c.ended_at - c.classified_at)) as close_p50,
           percentile_cont(0.5) within group (order by date_part('epoch', c.ended_at - c.received_at)) as total_p50,
           count(c.ended_at) as total_n,
           count(*) filter (where date_part('epoch', c.ended_at - c.received_at) <= v_total_target) as total_ok
    from public.calls c
    where c.received_at >= p_from and c.received_at < p_to
      and c.operator_id is not null and c.answered_at is not null
    group by 1
  )
  select po.op, pr.full_name, po.n::bigint, po.emergency_n::bigint, po.nuisance_n::bigint,
         round(po.answer_p50::numeric, 1), round(po.classify_p50::numeric, 1), round(po.close_p50::numeric, 1),
         round(po.total_p50::numeric, 1),
         case when po.total_n > 0 then round(po.total_ok::numeric / po.total_n, 4) end
  from per_operator po
  join public.profiles pr on pr.id = po.op
  order by pr.full_name, po.op;
end;
$$;
comment on function public.stats_operator_stage_times(timestamptz, timestamptz) is
  'Per call taker (answered calls received in the range): calls handled, emergencies, ghost+prank, median seconds per call stage and the share within the 3-minute call_total target.';

-- ---------------------------------------------------------------------------------------------
-- privileges: signed-in users may call (the role check is inside), anon may not
-- ---------------------------------------------------------------------------------------------
do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.stats_calls_by_type(timestamptz, timestamptz, text)',
    'public.stats_calls_by_hour_of_day(timestamptz, timestamptz)',
    'public.stats_sla_compliance(timestamptz, timestamptz)',
    'public.stats_incidents_by_category(timestamptz, timestamptz)',
    'public.stats_incidents_by_kecamatan(timestamptz, timestamptz)',
    'public.stats_agency_response(timestamptz, timestamptz)',
    'public.stats_operator_stage_times(timestamptz, timestamptz)'
  ] loop
    execute format('revoke all on function %s from public, anon', v_fn);
    execute format('grant execute on function %s to authenticated, service_role', v_fn);
  end loop;
end;
$$;
