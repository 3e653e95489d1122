-- private.stats_rebuild() at 10 M calls (issue #21) ran for more than 37 min. Each duration histogram
-- was built as one sort of every sample × its 4 blocks (1, 4, 16 and 64 WIB days): at 10 M calls
-- 5 stages × 4 blocks = 200 M rows per call histogram, sorted on a wide key with work_mem 4 MB
-- (external merge on disk), twice (per call and per operator), the within-target expression
-- evaluated per block row. EXPLAIN at 1 M: Sort (rows=20000000) → GroupAggregate for each.
--
-- Now in two stages, set-based: the samples are first counted per WIB day (a hash aggregate over
-- one pass of the raw rows; the day's groups are orders of magnitude fewer than the samples), and
-- those day counts — not the samples — are spread over their 4 blocks and summed. Same rows as
-- before (a block's count is the sum of its days' counts). The per-call and per-operator histograms
-- share one pass over calls, the incident and kecamatan histograms one pass over incidents. The
-- rebuild runs with its own work_mem (128 MB, for this function only) so the day aggregates stay
-- in memory; beyond that Postgres spills the hash in batches, still bounded.
--
-- The recomputation views (stats_rollup_mismatches) take the same two-stage form.
--
-- The assignment facts passed their incident's priority to sla_target_in_force as a subquery
-- argument; a function call with a sub-select argument is never inlined, so the target lookup ran
-- as a separate SQL function call per assignment and stage (auto_explain at 1 M: one nested plan
-- per call, 800,000 of them). The priority now comes from a lateral join (null when the incident
-- is gone, as the subquery gave), and the lookup is inlined as for calls and incidents.
create or replace function private.stats_assignment_stage_facts(p_assignment public.assignments)
returns table (day date, agency_id uuid, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_assignment.assigned_at at time zone 'Asia/Jakarta')::date, p_assignment.agency_id, s.stage, s.seconds,
         coalesce(s.seconds <= t.target_seconds, false)
  from (values
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_assignment.acknowledged_at - p_assignment.assigned_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_assignment.on_scene_at - p_assignment.assigned_at))::integer)
  ) as s (stage, seconds)
  left join lateral (select i.priority from public.incidents i where i.id = p_assignment.incident_id) ip on true
  cross join lateral private.sla_target_in_force(s.stage, ip.priority, p_assignment.assigned_at) t
  where s.seconds is not null
$$;

create or replace view private.stats_call_seconds_expected as
select b.span, b.day, d.stage, d.seconds, sum(d.samples)::bigint as samples, d.within
from (
  select f.day, f.stage, f.seconds, f.within, count(*) as samples
  from public.calls c cross join lateral private.stats_call_stage_facts(c) f
  group by f.day, f.stage, f.seconds, f.within
) d
cross join lateral private.stats_day_blocks(d.day) b
group by b.span, b.day, d.stage, d.seconds, d.within;

create or replace view private.stats_operator_seconds_expected as
select b.span, b.day, d.operator_id, d.stage, d.seconds, sum(d.samples)::bigint as samples, d.within
from (
  select f.day, f.operator_id, f.stage, f.seconds, f.within, count(*) as samples
  from public.calls c cross join lateral private.stats_call_stage_facts(c) f
  where f.operator_id is not null
  group by f.day, f.operator_id, f.stage, f.seconds, f.within
) d
cross join lateral private.stats_day_blocks(d.day) b
group by b.span, b.day, d.operator_id, d.stage, d.seconds, d.within;

create or replace view private.stats_incident_seconds_expected as
select b.span, b.day, d.stage, d.seconds, sum(d.samples)::bigint as samples, d.within
from (
  select f.day, f.stage, f.seconds, f.within, count(*) as samples
  from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
  group by f.day, f.stage, f.seconds, f.within
) d
cross join lateral private.stats_day_blocks(d.day) b
group by b.span, b.day, d.stage, d.seconds, d.within;

create or replace view private.stats_kecamatan_seconds_expected as
select b.span, b.day, d.kecamatan, d.seconds, sum(d.samples)::bigint as samples, d.within
from (
  select f.day, f.kecamatan, f.seconds, f.within, count(*) as samples
  from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
  where f.stage = 'on_scene'
  group by f.day, f.kecamatan, f.seconds, f.within
) d
cross join lateral private.stats_day_blocks(d.day) b
group by b.span, b.day, d.kecamatan, d.seconds, d.within;

create or replace view private.stats_assignment_seconds_expected as
select b.span, b.day, d.agency_id, d.stage, d.seconds, sum(d.samples)::bigint as samples, d.within
from (
  select f.day, f.agency_id, f.stage, f.seconds, f.within, count(*) as samples
  from public.assignments a cross join lateral private.stats_assignment_stage_facts(a) f
  group by f.day, f.agency_id, f.stage, f.seconds, f.within
) d
cross join lateral private.stats_day_blocks(d.day) b
group by b.span, b.day, d.agency_id, d.stage, d.seconds, d.within;

create or replace function private.stats_rebuild() returns void
language plpgsql
security definer
set search_path = ''
set work_mem = '128MB'
as $$
begin
  -- Writers wait until the rebuild commits, so no change slips between the scan and the swap.
  -- Inserted in key order: a block's rows then sit together on few pages, which a range reads.
  lock table public.calls, public.incidents, public.assignments, public.dispatch_feedback in share mode;
  truncate private.stats_call_hours, private.stats_call_seconds, private.stats_operator_days,
    private.stats_operator_seconds, private.stats_incident_days, private.stats_incident_seconds,
    private.stats_kecamatan_seconds, private.stats_assignment_days, private.stats_assignment_seconds,
    private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days;
  insert into private.stats_call_hours select * from private.stats_call_hours_expected order by 1, 2;
  insert into private.stats_operator_days select * from private.stats_operator_days_expected order by 1, 2;
  insert into private.stats_incident_days select * from private.stats_incident_days_expected order by 1, 2, 3;
  insert into private.stats_assignment_days select * from private.stats_assignment_days_expected order by 1, 2;

  -- Call stage samples per day and operator (null included), once; both histograms from them.
  with d as materialized (
    select f.day, f.operator_id, f.stage, f.seconds, f.within, count(*) as samples
    from public.calls c cross join lateral private.stats_call_stage_facts(c) f
    group by f.day, f.operator_id, f.stage, f.seconds, f.within
  ),
  per_operator as (
    insert into private.stats_operator_seconds (span, day, operator_id, stage, seconds, samples, within)
    select b.span, b.day, d.operator_id, d.stage, d.seconds, sum(d.samples), d.within
    from d cross join lateral private.stats_day_blocks(d.day) b
    where d.operator_id is not null
    group by b.span, b.day, d.operator_id, d.stage, d.seconds, d.within
    order by 1, 2, 3, 4, 5
  )
  insert into private.stats_call_seconds (span, day, stage, seconds, samples, within)
  select b.span, b.day, d.stage, d.seconds, sum(d.samples), d.within
  from d cross join lateral private.stats_day_blocks(d.day) b
  group by b.span, b.day, d.stage, d.seconds, d.within
  order by 1, 2, 3, 4;

  -- Incident stage samples per day and kecamatan, once; the incident and kecamatan histograms.
  with d as materialized (
    select f.day, f.kecamatan, f.stage, f.seconds, f.within, count(*) as samples
    from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
    group by f.day, f.kecamatan, f.stage, f.seconds, f.within
  ),
  per_area as (
    insert into private.stats_kecamatan_seconds (span, day, kecamatan, seconds, samples, within)
    select b.span, b.day, d.kecamatan, d.seconds, sum(d.samples), d.within
    from d cross join lateral private.stats_day_blocks(d.day) b
    where d.stage = 'on_scene'
    group by b.span, b.day, d.kecamatan, d.seconds, d.within
    order by 1, 2, 3, 4
  )
  insert into private.stats_incident_seconds (span, day, stage, seconds, samples, within)
  select b.span, b.day, d.stage, d.seconds, sum(d.samples), d.within
  from d cross join lateral private.stats_day_blocks(d.day) b
  group by b.span, b.day, d.stage, d.seconds, d.within
  order by 1, 2, 3, 4;

  insert into private.stats_assignment_seconds select * from private.stats_assignment_seconds_expected order by 1, 2, 3, 4, 5;

  insert into private.stats_dispatch_incidents select * from private.stats_dispatch_incidents_expected;
  -- The day tables from the stored classes just written, not a second classification of every incident.
  insert into private.stats_dispatch_days
  select f.day, f.category, count(*), sum(f.right_count), sum(f.unneeded_count), sum(f.missing_count)
  from private.stats_dispatch_incidents s cross join lateral private.stats_dispatch_day_facts(s) f
  group by f.day, f.category order by 1, 2;
  insert into private.stats_dispatch_agency_days
  select f.day, f.category, f.agency_id, sum(f.unneeded), sum(f.missing)
  from private.stats_dispatch_incidents s cross join lateral private.stats_dispatch_agency_facts(s) f
  group by f.day, f.category, f.agency_id order by 1, 2, 3;
end;
$$;
comment on function private.stats_rebuild() is
  'Recomputes every statistics rollup from calls, incidents, assignments and dispatch answers: after a bulk load with triggers off (the seed), or a repair. Histograms counted per day first, then spread over their blocks; work_mem 128 MB for this call.';
revoke all on function private.stats_rebuild() from public;
