-- Statistics on the service standard's stages (issue #16 §2; definitions in
-- 20261203050200_sla_target_history.sql and lib/domain/sla.ts), each duration judged by the target in
-- force at its row's time (issue #13), and the answer-time KPI.
--
-- Judging by the target of the time, still from the rollups: every histogram bucket now also says
-- whether its durations were within the target in force at their time (`within`, part of the key).
-- The facts look the target up in sla_target_history by the row's own time (received_at,
-- reported_at, assigned_at — the time that also picks its WIB day), so a row's facts depend only on
-- the row and the history. The history changes only forward (set_sla_target takes effect now) and
-- set_sla_target re-files the few rows stamped at or after that moment itself, so the netted
-- trigger deltas and the rebuild still agree (private.stats_rollup_mismatches). A range's share is
-- then a sum of buckets, exact however the targets changed inside it, at the cost of at most twice
-- the bucket rows. The target_seconds a statistic returns is the one in force now, for the label.
--
-- Answer time is measured only for telephony calls: without the feed, "new call" stamps received
-- and answered together, and a 0-s answer is not a measurement.

-- What depends on the facts' row types goes first; the views come back below with `within`.
drop view private.stats_call_seconds_expected;
drop view private.stats_operator_seconds_expected;
drop view private.stats_incident_seconds_expected;
drop view private.stats_kecamatan_seconds_expected;
drop view private.stats_assignment_seconds_expected;
drop function private.stats_call_stage_facts(public.calls);
drop function private.stats_incident_stage_facts(public.incidents);
drop function private.stats_assignment_stage_facts(public.assignments);

-- The rollups are rebuilt at the end; emptied first so the new key needs no default.
truncate private.stats_call_seconds, private.stats_operator_seconds, private.stats_incident_seconds,
  private.stats_kecamatan_seconds, private.stats_assignment_seconds;
alter table private.stats_call_seconds add column within boolean not null,
  drop constraint stats_call_seconds_pkey, add primary key (span, day, stage, seconds, within);
alter table private.stats_operator_seconds add column within boolean not null,
  drop constraint stats_operator_seconds_pkey, add primary key (span, day, operator_id, stage, seconds, within);
alter table private.stats_incident_seconds add column within boolean not null,
  drop constraint stats_incident_seconds_pkey, add primary key (span, day, stage, seconds, within);
alter table private.stats_kecamatan_seconds add column within boolean not null,
  drop constraint stats_kecamatan_seconds_pkey, add primary key (span, day, kecamatan, seconds, within);
alter table private.stats_assignment_seconds add column within boolean not null,
  drop constraint stats_assignment_seconds_pkey, add primary key (span, day, agency_id, stage, seconds, within);
comment on column private.stats_call_seconds.within is
  'The durations of this bucket were within the target in force at their call''s received_at (sla_target_history).';
comment on table private.stats_call_seconds is
  'Histogram of call stage durations (answer: telephony calls only; classify, record, close_call, call_total), whole seconds rounded up, per block of WIB days (span, first day) of received_at, split by within the target of their time.';

-- The targets in force now and the moment of the latest change, for the facts' fast path: a row
-- stamped after the latest change of any target is judged by today's targets, read once per query
-- (uncorrelated subqueries are evaluated once); only older rows look their stage's history up.
create view private.sla_targets_latest as
select array_agg(t.stage order by t.stage) as stages, array_agg(t.target_seconds order by t.stage) as targets,
       (select max(h.effective_from) from public.sla_target_history h) as changed
from (
  select distinct on (h.stage) h.stage, h.target_seconds
  from public.sla_target_history h
  order by h.stage, h.effective_from desc, h.id desc
) t;
comment on view private.sla_targets_latest is
  'The target in force now per stage (parallel arrays in enum order) and when the latest change took effect.';

-- Facts, as plain SQL without SET options so that they are inlined (see 20261128000500). The target
-- in force at the row's time is looked up in place, not by a function call: a SQL function with a
-- FROM is never inlined, and one call per row and stage made the seed's rebuild several times slower.
create function private.stats_call_stage_facts(p_call public.calls)
returns table (day date, operator_id uuid, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_call.received_at at time zone 'Asia/Jakarta')::date, p_call.operator_id, s.stage, s.seconds,
         coalesce(s.seconds <= case
           when p_call.received_at >= (select l.changed from private.sla_targets_latest l)
             then (select l.targets from private.sla_targets_latest l)[array_position((select l.stages from private.sla_targets_latest l), s.stage)]
           else (select h.target_seconds from public.sla_target_history h
                 where h.stage = s.stage and h.effective_from <= p_call.received_at
                 order by h.effective_from desc, h.id desc limit 1)
         end, false)
  from (values
    -- Without a telephony feed received and answered are one click: nothing to measure.
    ('answer'::public.sla_stage,
     case when p_call.source = 'telephony' then ceil(extract(epoch from p_call.answered_at - p_call.received_at))::integer end),
    ('classify'::public.sla_stage, ceil(extract(epoch from p_call.classified_at - p_call.received_at))::integer),
    ('record'::public.sla_stage, ceil(extract(epoch from p_call.recorded_at - p_call.classified_at))::integer),
    ('close_call'::public.sla_stage, ceil(extract(epoch from p_call.ended_at - p_call.recorded_at))::integer),
    -- A call that rang out unanswered has no service time to measure.
    ('call_total'::public.sla_stage,
     case when p_call.answered_at is not null then ceil(extract(epoch from p_call.ended_at - p_call.received_at))::integer end)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

create function private.stats_incident_stage_facts(p_incident public.incidents)
returns table (day date, kecamatan text, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_incident.reported_at at time zone 'Asia/Jakarta')::date, coalesce(p_incident.kecamatan, ''), s.stage, s.seconds,
         coalesce(s.seconds <= case
           when p_incident.reported_at >= (select l.changed from private.sla_targets_latest l)
             then (select l.targets from private.sla_targets_latest l)[array_position((select l.stages from private.sla_targets_latest l), s.stage)]
           else (select h.target_seconds from public.sla_target_history h
                 where h.stage = s.stage and h.effective_from <= p_incident.reported_at
                 order by h.effective_from desc, h.id desc limit 1)
         end, false)
  from (values
    ('dispatch'::public.sla_stage, ceil(extract(epoch from p_incident.dispatched_at - p_incident.reported_at))::integer),
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_incident.acknowledged_at - p_incident.dispatched_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_incident.on_scene_at - p_incident.dispatched_at))::integer)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

create function private.stats_assignment_stage_facts(p_assignment public.assignments)
returns table (day date, agency_id uuid, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_assignment.assigned_at at time zone 'Asia/Jakarta')::date, p_assignment.agency_id, s.stage, s.seconds,
         coalesce(s.seconds <= case
           when p_assignment.assigned_at >= (select l.changed from private.sla_targets_latest l)
             then (select l.targets from private.sla_targets_latest l)[array_position((select l.stages from private.sla_targets_latest l), s.stage)]
           else (select h.target_seconds from public.sla_target_history h
                 where h.stage = s.stage and h.effective_from <= p_assignment.assigned_at
                 order by h.effective_from desc, h.id desc limit 1)
         end, false)
  from (values
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_assignment.acknowledged_at - p_assignment.assigned_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_assignment.on_scene_at - p_assignment.assigned_at))::integer)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

revoke all on function private.stats_call_stage_facts(public.calls) from public;
revoke all on function private.stats_incident_stage_facts(public.incidents) from public;
revoke all on function private.stats_assignment_stage_facts(public.assignments) from public;

-- Recomputations, in the rollups' column order (stats_rebuild inserts select *).
create view private.stats_call_seconds_expected as
select b.span, b.day, f.stage, f.seconds, count(*)::bigint as samples, f.within
from public.calls c cross join lateral private.stats_call_stage_facts(c) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.stage, f.seconds, f.within;

create view private.stats_operator_seconds_expected as
select b.span, b.day, f.operator_id, f.stage, f.seconds, count(*)::bigint as samples, f.within
from public.calls c cross join lateral private.stats_call_stage_facts(c) f
cross join lateral private.stats_day_blocks(f.day) b
where f.operator_id is not null
group by b.span, b.day, f.operator_id, f.stage, f.seconds, f.within;

create view private.stats_incident_seconds_expected as
select b.span, b.day, f.stage, f.seconds, count(*)::bigint as samples, f.within
from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.stage, f.seconds, f.within;

create view private.stats_kecamatan_seconds_expected as
select b.span, b.day, f.kecamatan, f.seconds, count(*)::bigint as samples, f.within
from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
cross join lateral private.stats_day_blocks(f.day) b
where f.stage = 'on_scene'
group by b.span, b.day, f.kecamatan, f.seconds, f.within;

create view private.stats_assignment_seconds_expected as
select b.span, b.day, f.agency_id, f.stage, f.seconds, count(*)::bigint as samples, f.within
from public.assignments a cross join lateral private.stats_assignment_stage_facts(a) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.agency_id, f.stage, f.seconds, f.within;

-- Maintenance and readers as in 20261128000500, carrying `within`.
drop function public.stats_operator_stage_times(timestamptz, timestamptz);

create or replace function private.stats_apply_calls(p_old public.calls[], p_new public.calls[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.stats_call_hours as t (hour_start, call_type, calls)
  select f.hour_start, f.call_type, sum(d.sign)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_call_hour_facts(d.r) as f
  group by f.hour_start, f.call_type
  having sum(d.sign) <> 0
  order by f.hour_start, f.call_type
  on conflict (hour_start, call_type) do update set calls = t.calls + excluded.calls;

  insert into private.stats_operator_days as t (day, operator_id, answered, emergency, nuisance)
  select f.day, f.operator_id, sum(d.sign), sum(d.sign * f.emergency), sum(d.sign * f.nuisance)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_call_operator_facts(d.r) as f
  group by f.day, f.operator_id
  having sum(d.sign) <> 0 or sum(d.sign * f.emergency) <> 0 or sum(d.sign * f.nuisance) <> 0
  order by f.day, f.operator_id
  on conflict (day, operator_id) do update set answered = t.answered + excluded.answered,
    emergency = t.emergency + excluded.emergency, nuisance = t.nuisance + excluded.nuisance;

  -- Stage samples once, then into both histograms.
  with s as (
    select b.span, b.day, f.operator_id, f.stage, f.seconds, f.within, d.sign
    from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
    cross join lateral private.stats_call_stage_facts(d.r) as f
    cross join lateral private.stats_day_blocks(f.day) as b
  ),
  per_operator as (
    insert into private.stats_operator_seconds as t (span, day, operator_id, stage, seconds, within, samples)
    select s.span, s.day, s.operator_id, s.stage, s.seconds, s.within, sum(s.sign)
    from s
    where s.operator_id is not null
    group by s.span, s.day, s.operator_id, s.stage, s.seconds, s.within
    having sum(s.sign) <> 0
    order by s.span, s.day, s.operator_id, s.stage, s.seconds, s.within
    on conflict (span, day, operator_id, stage, seconds, within) do update set samples = t.samples + excluded.samples
  )
  insert into private.stats_call_seconds as t (span, day, stage, seconds, within, samples)
  select s.span, s.day, s.stage, s.seconds, s.within, sum(s.sign)
  from s
  group by s.span, s.day, s.stage, s.seconds, s.within
  having sum(s.sign) <> 0
  order by s.span, s.day, s.stage, s.seconds, s.within
  on conflict (span, day, stage, seconds, within) do update set samples = t.samples + excluded.samples;
end;
$$;

create or replace function private.stats_apply_incidents(p_old public.incidents[], p_new public.incidents[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.stats_incident_days as t (day, category, kecamatan, incidents, open_incidents, closed_incidents,
    cancelled_incidents)
  select f.day, f.category, f.kecamatan, sum(d.sign), sum(d.sign * f.open_incidents), sum(d.sign * f.closed_incidents),
         sum(d.sign * f.cancelled_incidents)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_incident_count_facts(d.r) as f
  group by f.day, f.category, f.kecamatan
  having sum(d.sign) <> 0 or sum(d.sign * f.open_incidents) <> 0 or sum(d.sign * f.closed_incidents) <> 0
      or sum(d.sign * f.cancelled_incidents) <> 0
  order by f.day, f.category, f.kecamatan
  on conflict (day, category, kecamatan) do update set incidents = t.incidents + excluded.incidents,
    open_incidents = t.open_incidents + excluded.open_incidents,
    closed_incidents = t.closed_incidents + excluded.closed_incidents,
    cancelled_incidents = t.cancelled_incidents + excluded.cancelled_incidents;

  with s as (
    select b.span, b.day, f.kecamatan, f.stage, f.seconds, f.within, d.sign
    from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
    cross join lateral private.stats_incident_stage_facts(d.r) as f
    cross join lateral private.stats_day_blocks(f.day) as b
  ),
  per_area as (
    insert into private.stats_kecamatan_seconds as t (span, day, kecamatan, seconds, within, samples)
    select s.span, s.day, s.kecamatan, s.seconds, s.within, sum(s.sign)
    from s
    where s.stage = 'on_scene'
    group by s.span, s.day, s.kecamatan, s.seconds, s.within
    having sum(s.sign) <> 0
    order by s.span, s.day, s.kecamatan, s.seconds, s.within
    on conflict (span, day, kecamatan, seconds, within) do update set samples = t.samples + excluded.samples
  )
  insert into private.stats_incident_seconds as t (span, day, stage, seconds, within, samples)
  select s.span, s.day, s.stage, s.seconds, s.within, sum(s.sign)
  from s
  group by s.span, s.day, s.stage, s.seconds, s.within
  having sum(s.sign) <> 0
  order by s.span, s.day, s.stage, s.seconds, s.within
  on conflict (span, day, stage, seconds, within) do update set samples = t.samples + excluded.samples;
end;
$$;

create or replace function private.stats_apply_assignments(p_old public.assignments[], p_new public.assignments[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.stats_assignment_days as t (day, agency_id, assignments, declined, completed)
  select f.day, f.agency_id, sum(d.sign), sum(d.sign * f.declined), sum(d.sign * f.completed)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_assignment_count_facts(d.r) as f
  group by f.day, f.agency_id
  having sum(d.sign) <> 0 or sum(d.sign * f.declined) <> 0 or sum(d.sign * f.completed) <> 0
  order by f.day, f.agency_id
  on conflict (day, agency_id) do update set assignments = t.assignments + excluded.assignments,
    declined = t.declined + excluded.declined, completed = t.completed + excluded.completed;

  insert into private.stats_assignment_seconds as t (span, day, agency_id, stage, seconds, within, samples)
  select b.span, b.day, f.agency_id, f.stage, f.seconds, f.within, sum(d.sign)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_assignment_stage_facts(d.r) as f
  cross join lateral private.stats_day_blocks(f.day) as b
  group by b.span, b.day, f.agency_id, f.stage, f.seconds, f.within
  having sum(d.sign) <> 0
  order by b.span, b.day, f.agency_id, f.stage, f.seconds, f.within
  on conflict (span, day, agency_id, stage, seconds, within) do update set samples = t.samples + excluded.samples;
end;
$$;


create or replace function public.stats_sla_compliance(p_from timestamptz, p_to timestamptz)
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
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with hist as (
    select r.stage as st, r.seconds as s, r.samples as n, r.within as w
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_call_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.stage, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi
    union all
    select r.stage, r.seconds, r.samples, r.within
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_incident_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.stage, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_incident_stage_facts(i) f
    where e.lo < e.hi
  ),
  grouped as (
    select h.st, h.s, sum(h.n)::bigint as n, coalesce(sum(h.n) filter (where h.w), 0)::bigint as nw
    from hist h
    group by h.st, h.s
    having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (partition by g.st order by g.s)::bigint as upto,
           sum(g.n) over (partition by g.st)::bigint as total
    from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram: the value at 0-based rank q is the smallest
  -- second whose running count exceeds q.
  summary as (
    select r.st, max(r.total) as samples,
           coalesce(sum(r.nw), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.st
  )
  select t.stage, t.target_seconds, coalesce(sm.samples, 0)::bigint, coalesce(sm.within_target, 0)::bigint,
         case when sm.samples > 0 then round(sm.within_target::numeric / sm.samples, 4) end,
         round(sm.p50::numeric, 1), round(sm.p90::numeric, 1)
  from public.sla_targets t
  left join summary sm on sm.st = t.stage
  order by t.stage;
end;
$$;

comment on function public.stats_sla_compliance(timestamptz, timestamptz) is
  'Per SLA stage: the target in force now, number of measured durations, how many within the target in force at their time (and the share), median and 90th percentile in seconds. Call stages by received_at, incident stages by reported_at.';

create or replace function public.stats_incidents_by_kecamatan(p_from timestamptz, p_to timestamptz)
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
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with counts as (
    select r.kecamatan as k, r.incidents as n
    from private.stats_incident_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select coalesce(i.kecamatan, ''), 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    where e.lo < e.hi
  ),
  per_area as (
    select ct.k, sum(ct.n) as n from counts ct group by ct.k having sum(ct.n) > 0
  ),
  hist as (
    select r.kecamatan as k, r.seconds as s, r.samples as n, r.within as w
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_kecamatan_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.kecamatan, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_incident_stage_facts(i) f
    where e.lo < e.hi and f.stage = 'on_scene'
  ),
  grouped as (
    select h.k, h.s, sum(h.n)::bigint as n, coalesce(sum(h.n) filter (where h.w), 0)::bigint as nw
    from hist h
    group by h.k, h.s
    having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (partition by g.k order by g.s)::bigint as upto,
           sum(g.n) over (partition by g.k)::bigint as total
    from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram: the value at 0-based rank q is the smallest
  -- second whose running count exceeds q.
  summary as (
    select r.k, max(r.total) as samples,
           coalesce(sum(r.nw), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.k
  ),
  -- Every kecamatan of the city, so an area without incidents shows as 0; "none" comes last.
  areas as (
    select a.k, a.ord
    from unnest(private.kecamatan_names()) with ordinality as a (k, ord)
    union all
    select null, cardinality(private.kecamatan_names()) + 1 where exists (select from per_area pa where pa.k = '')
  )
  select ar.k, coalesce(pa.n, 0)::bigint, round(sm.p50::numeric, 1),
         case when sm.samples > 0 then round(sm.within_target::numeric / sm.samples, 4) end
  from areas ar
  left join per_area pa on pa.k = coalesce(ar.k, '')
  left join summary sm on sm.k = coalesce(ar.k, '')
  order by ar.ord;
end;
$$;

comment on function public.stats_incidents_by_kecamatan(timestamptz, timestamptz) is
  'Incidents reported in the range per kecamatan (north to south-west; null = location without kecamatan), with median dispatch-to-scene seconds and the share on scene within the on_scene target.';

create or replace function public.stats_agency_response(p_from timestamptz, p_to timestamptz)
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
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with counts as (
    select r.agency_id as ag, r.assignments as n, r.declined as de, r.completed as co
    from private.stats_assignment_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select f.agency_id, 1::bigint, f.declined, f.completed
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.assignments a on a.assigned_at >= e.lo and a.assigned_at < e.hi
    cross join lateral private.stats_assignment_count_facts(a) f
    where e.lo < e.hi
  ),
  per_agency as (
    select ct.ag, sum(ct.n) as n, sum(ct.de) as de, sum(ct.co) as co from counts ct group by ct.ag
  ),
  hist as (
    select r.agency_id as ag, r.stage as st, r.seconds as s, r.samples as n, r.within as w
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_assignment_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.agency_id, f.stage, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.assignments a on a.assigned_at >= e.lo and a.assigned_at < e.hi
    cross join lateral private.stats_assignment_stage_facts(a) f
    where e.lo < e.hi
  ),
  grouped as (
    select h.ag, h.st, h.s, sum(h.n)::bigint as n, coalesce(sum(h.n) filter (where h.w), 0)::bigint as nw
    from hist h
    group by h.ag, h.st, h.s
    having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (partition by g.ag, g.st order by g.s)::bigint as upto,
           sum(g.n) over (partition by g.ag, g.st)::bigint as total
    from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram: the value at 0-based rank q is the smallest
  -- second whose running count exceeds q.
  summary as (
    select r.ag, r.st, max(r.total) as samples,
           coalesce(sum(r.nw), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.ag, r.st
  )
  select ag.id, ag.code, ag.name, coalesce(pa.n, 0)::bigint, coalesce(ack.samples, 0)::bigint,
         coalesce(pa.de, 0)::bigint, coalesce(pa.co, 0)::bigint,
         round(ack.p50::numeric, 1), round(ack.p90::numeric, 1),
         case when ack.samples > 0 then round(ack.within_target::numeric / ack.samples, 4) end,
         round(sc.p50::numeric, 1), round(sc.p90::numeric, 1),
         case when sc.samples > 0 then round(sc.within_target::numeric / sc.samples, 4) end
  from public.agencies ag
  left join per_agency pa on pa.ag = ag.id
  left join summary ack on ack.ag = ag.id and ack.st = 'acknowledge'
  left join summary sc on sc.ag = ag.id and sc.st = 'on_scene'
  where ag.active or pa.n > 0
  order by ag.code;
end;
$$;

comment on function public.stats_agency_response(timestamptz, timestamptz) is
  'Per agency, for assignments made in the range: counts, assignment-to-acknowledgement and assignment-to-scene seconds (median, 90th percentile) and shares within the acknowledge and on_scene targets.';

create function public.stats_operator_stage_times(p_from timestamptz, p_to timestamptz)
returns table (
  operator_id uuid,
  operator_name text,
  calls bigint,
  emergency_calls bigint,
  nuisance_calls bigint,
  p50_answer_seconds numeric,
  p50_classify_seconds numeric,
  p50_record_seconds numeric,
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
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with counts as (
    select r.operator_id as op, r.answered as n, r.emergency as e, r.nuisance as nu
    from private.stats_operator_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select f.operator_id, 1::bigint, f.emergency, f.nuisance
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_operator_facts(c) f
    where e.lo < e.hi
  ),
  per_operator as (
    select ct.op, sum(ct.n) as n, sum(ct.e) as e, sum(ct.nu) as nu from counts ct group by ct.op having sum(ct.n) > 0
  ),
  hist as (
    select r.operator_id as op, r.stage as st, r.seconds as s, r.samples as n, r.within as w
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_operator_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.operator_id, f.stage, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi and f.operator_id is not null
  ),
  grouped as (
    select h.op, h.st, h.s, sum(h.n)::bigint as n, coalesce(sum(h.n) filter (where h.w), 0)::bigint as nw
    from hist h
    group by h.op, h.st, h.s
    having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (partition by g.op, g.st order by g.s)::bigint as upto,
           sum(g.n) over (partition by g.op, g.st)::bigint as total
    from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram: the value at 0-based rank q is the smallest
  -- second whose running count exceeds q.
  summary as (
    select r.op, r.st, max(r.total) as samples,
           coalesce(sum(r.nw), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.op, r.st
  )
  select po.op, pr.full_name, po.n::bigint, po.e::bigint, po.nu::bigint,
         round(sa.p50::numeric, 1), round(scl.p50::numeric, 1), round(srec.p50::numeric, 1), round(scc.p50::numeric, 1), round(stt.p50::numeric, 1),
         case when stt.samples > 0 then round(stt.within_target::numeric / stt.samples, 4) end
  from per_operator po
  join public.profiles pr on pr.id = po.op
  left join summary sa on sa.op = po.op and sa.st = 'answer'
  left join summary scl on scl.op = po.op and scl.st = 'classify'
  left join summary srec on srec.op = po.op and srec.st = 'record'
  left join summary scc on scc.op = po.op and scc.st = 'close_call'
  left join summary stt on stt.op = po.op and stt.st = 'call_total'
  order by pr.full_name, po.op;
end;
$$;

comment on function public.stats_operator_stage_times(timestamptz, timestamptz) is
  'Per call taker (answered calls received in the range): calls handled, emergencies, ghost+prank, median seconds per call stage (answer: telephony calls only) and the share within the call_total target of each call''s time.';

-- ---------------------------------------------------------------------------------------------
-- the answer-time KPI
-- ---------------------------------------------------------------------------------------------
-- NFPA 1225 asks 90 % of calls answered within 10 s, NENA 90 % within 15 s. Those are the
-- standards' own thresholds, not the center's configurable target, so they are fixed here.
create function public.stats_answer_time(p_from timestamptz, p_to timestamptz)
returns table (
  answered_calls bigint,
  within_10s bigint,
  within_10s_share numeric,
  within_15s bigint,
  within_15s_share numeric,
  goal_share numeric,
  p50_seconds numeric,
  p90_seconds numeric,
  classified_calls bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with hist as (
    select r.stage as st, r.seconds as s, r.samples as n
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_call_seconds r on r.span = b.span and r.day = b.day
    where r.stage in ('answer', 'classify')
    union all
    select f.stage, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi and f.stage in ('answer', 'classify')
  ),
  grouped as (
    select h.s, sum(h.n)::bigint as n from hist h where h.st = 'answer' group by h.s having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (order by g.s)::bigint as upto, sum(g.n) over ()::bigint as total from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram, as in stats_sla_compliance.
  summary as (
    select max(r.total) as samples,
           coalesce(sum(r.n) filter (where r.s <= 10), 0)::bigint as w10,
           coalesce(sum(r.n) filter (where r.s <= 15), 0)::bigint as w15,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
  )
  select coalesce(sm.samples, 0)::bigint, sm.w10,
         case when sm.samples > 0 then round(sm.w10::numeric / sm.samples, 4) end,
         sm.w15,
         case when sm.samples > 0 then round(sm.w15::numeric / sm.samples, 4) end,
         0.9000::numeric, round(sm.p50::numeric, 1), round(sm.p90::numeric, 1),
         (select coalesce(sum(h.n), 0)::bigint from hist h where h.st = 'classify')
  from summary sm;
end;
$$;
comment on function public.stats_answer_time(timestamptz, timestamptz) is
  'Answer-time KPI for calls received in the range: telephony calls answered (only they have a measured ringing time), how many within 10 s (NFPA 1225) and 15 s (NENA) and the shares against the 90 % goal, median and 90th percentile; classified_calls counts every classified call, to show what the KPI covers.';

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.stats_operator_stage_times(timestamptz, timestamptz)',
    'public.stats_answer_time(timestamptz, timestamptz)'
  ] loop
    execute format('revoke all on function %s from public, anon', v_fn);
    execute format('grant execute on function %s to authenticated, service_role', v_fn);
  end loop;
end;
$$;

-- The rollups under the new definitions, from the mapped history.
select private.stats_rebuild();
