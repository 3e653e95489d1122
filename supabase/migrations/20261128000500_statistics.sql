-- Statistics for leadership, supervisors and admins (DESIGN.md §4): aggregate-only functions over
-- calls, incidents and assignments for a time range [p_from, p_to). They never return a caller's
-- phone, name or notes. security definer, because leadership cannot select calls at all under RLS;
-- the role check inside each function is what guards them. Buckets and hours are WIB (Asia/Jakarta,
-- UTC+7 without daylight saving). Stage definitions follow the comment on sla_targets.stage.
--
-- Served from rollups, not from raw rows: summary tables in the private schema, kept current by
-- statement-level triggers on calls, incidents and assignments (every insert, update and delete,
-- netted: a row's old contribution is taken out and its new one put in), rebuilt in full by
-- private.stats_rebuild() (the backfill below, and the seed after its bulk load with triggers off).
-- Counts are per WIB hour (calls by type) or WIB day; durations are histograms in whole seconds per
-- stage (and per agency, kecamatan or operator where a statistic needs it) and per block of 1, 4, 16
-- and 64 WIB days. A range reads the rollups for the whole days (hours) inside it — as the fewest
-- blocks that cover them — and the raw rows only for the partial day (hour) at either edge, so any
-- range is exact; the statistics page asks for whole WIB days.
--
-- Durations are counted in whole seconds, rounded up: a stage that took 60.2 s is 61 s. Because
-- targets are whole seconds, "within target" (duration ≤ target) is exactly what the raw rows give.
-- Percentiles are continuous (interpolated, as percentile_cont) over those whole-second durations,
-- rounded to 0.1 s; for durations that are whole seconds (the workflow's tests, most hand-entered
-- data) they equal percentile_cont over the raw durations, otherwise they can be up to 1 s higher,
-- never lower — so a p90 at or under the target never hides a call over it. Shares to 4 places.
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

-- Splits [p_from, p_to) into the whole WIB days (or hours) inside it, [lo, hi), which the rollups
-- answer, and the partial edges [p_from, lo) and [hi, p_to), which are read from the raw rows.
-- Without a whole unit inside, lo = hi = p_to: everything comes from the raw rows.
create function private.stats_split(p_from timestamptz, p_to timestamptz, p_unit text,
  out lo timestamptz, out hi timestamptz)
language plpgsql
stable
set search_path = ''
as $$
begin
  lo := date_trunc(p_unit, p_from, 'Asia/Jakarta');
  if lo < p_from then
    -- No daylight saving in Asia/Jakarta: a day is 24 hours (a '1 day' step would follow the session zone).
    lo := lo + case p_unit when 'day' then interval '24 hours' else interval '1 hour' end;
  end if;
  hi := date_trunc(p_unit, p_to, 'Asia/Jakarta');
  if lo >= hi then
    lo := p_to;
    hi := p_to;
  end if;
end;
$$;
comment on function private.stats_split(timestamptz, timestamptz, text) is
  'Whole WIB days or hours [lo, hi) inside [p_from, p_to) (rollups); the edges outside them come from raw rows.';

-- The histogram blocks that together cover the days [p_day_from, p_day_to) exactly: greedily the
-- largest aligned block that fits, so at most three of each span on either side.
create function private.stats_blocks(p_day_from date, p_day_to date)
returns table (span smallint, day date)
language plpgsql
immutable
rows 12
set search_path = ''
as $$
declare
  v_day date := p_day_from;
  v_span integer;
begin
  while v_day < p_day_to loop
    v_span := 64;
    while v_span > 1 and ((v_day - date '1970-01-01') % v_span <> 0 or v_day + v_span > p_day_to) loop
      v_span := v_span / 4;
    end loop;
    span := v_span;
    day := v_day;
    return next;
    v_day := v_day + v_span;
  end loop;
end;
$$;
comment on function private.stats_blocks(date, date) is
  'Histogram blocks (span in days, first day) covering [p_day_from, p_day_to) exactly.';

-- The blocks that hold one day: one per span.
create function private.stats_day_blocks(p_day date)
returns table (span smallint, day date)
language sql
immutable
as $$
  select s.span::smallint, p_day - ((p_day - date '1970-01-01') % s.span)
  from (values (1), (4), (16), (64)) as s (span)
$$;

-- percentile_cont's interpolation, bit for bit (double precision): with n values, fraction f sits
-- at 0-based rank f·(n−1), between the values lo and hi at its floor and ceiling ranks. Plain SQL
-- without SET options so that it is inlined.
create function private.stats_interpolate(p_lo integer, p_hi integer, p_fraction double precision, p_n bigint)
returns double precision
language sql
immutable
as $$
  select p_lo + (p_hi - p_lo)::double precision * (p_fraction * (p_n - 1) - floor(p_fraction * (p_n - 1)))
$$;

revoke all on function private.stats_split(timestamptz, timestamptz, text) from public;
revoke all on function private.stats_blocks(date, date) from public;
revoke all on function private.stats_day_blocks(date) from public;
revoke all on function private.stats_interpolate(integer, integer, double precision, bigint) from public;

-- ---------------------------------------------------------------------------------------------
-- rollup tables (private; RLS on without policies: only the owner's functions read or write them)
-- ---------------------------------------------------------------------------------------------
create table private.stats_call_hours (
  hour_start timestamptz not null,
  call_type public.call_type not null,
  calls bigint not null,
  primary key (hour_start, call_type)
);
comment on table private.stats_call_hours is 'Classified calls per WIB hour (of received_at) and call type.';

-- Histograms are kept per block of 1, 4, 16 and 64 WIB days (span; day = first day of the block,
-- blocks aligned on 1970-01-01): a 30-day range reads about 8 blocks instead of 30 days, and a
-- block's histogram has hardly more distinct seconds than a day's. Every sample is in one block of
-- each span.
create table private.stats_call_seconds (
  span smallint not null,
  day date not null,
  stage public.sla_stage not null,
  seconds integer not null,
  samples bigint not null,
  primary key (span, day, stage, seconds)
);
comment on table private.stats_call_seconds is
  'Histogram of call stage durations (answer, classify, close_call, call_total), whole seconds rounded up, per block of WIB days (span, first day) of received_at.';

create table private.stats_operator_days (
  day date not null,
  operator_id uuid not null,
  answered bigint not null,
  emergency bigint not null,
  nuisance bigint not null,
  primary key (day, operator_id)
);
comment on table private.stats_operator_days is
  'Answered calls per call taker and WIB day of received_at, with how many were emergencies and ghost or prank calls.';

create table private.stats_operator_seconds (
  span smallint not null,
  day date not null,
  operator_id uuid not null,
  stage public.sla_stage not null,
  seconds integer not null,
  samples bigint not null,
  primary key (span, day, operator_id, stage, seconds)
);
comment on table private.stats_operator_seconds is
  'stats_call_seconds per call taker (calls with an operator only).';

create table private.stats_incident_days (
  day date not null,
  category public.incident_category not null,
  kecamatan text not null,
  incidents bigint not null,
  open_incidents bigint not null,
  closed_incidents bigint not null,
  cancelled_incidents bigint not null,
  primary key (day, category, kecamatan)
);
comment on table private.stats_incident_days is
  'Incidents per WIB day of reported_at, category and kecamatan ('''' = none), by open / closed / cancelled.';

create table private.stats_incident_seconds (
  span smallint not null,
  day date not null,
  stage public.sla_stage not null,
  seconds integer not null,
  samples bigint not null,
  primary key (span, day, stage, seconds)
);
comment on table private.stats_incident_seconds is
  'Histogram of incident stage durations (dispatch, acknowledge, on_scene), whole seconds rounded up, per block of WIB days of reported_at.';

create table private.stats_kecamatan_seconds (
  span smallint not null,
  day date not null,
  kecamatan text not null,
  seconds integer not null,
  samples bigint not null,
  primary key (span, day, kecamatan, seconds)
);
comment on table private.stats_kecamatan_seconds is
  'Histogram of dispatch-to-scene seconds (the on_scene stage) per kecamatan ('''' = none) and block of WIB days of reported_at.';

create table private.stats_assignment_days (
  day date not null,
  agency_id uuid not null,
  assignments bigint not null,
  declined bigint not null,
  completed bigint not null,
  primary key (day, agency_id)
);
comment on table private.stats_assignment_days is 'Assignments per agency and WIB day of assigned_at, with how many were declined or completed.';

create table private.stats_assignment_seconds (
  span smallint not null,
  day date not null,
  agency_id uuid not null,
  stage public.sla_stage not null,
  seconds integer not null,
  samples bigint not null,
  primary key (span, day, agency_id, stage, seconds)
);
comment on table private.stats_assignment_seconds is
  'Histogram of assignment-to-acknowledgement (stage acknowledge) and assignment-to-scene (stage on_scene) seconds per agency and block of WIB days of assigned_at.';

alter table private.stats_call_hours enable row level security;
alter table private.stats_call_seconds enable row level security;
alter table private.stats_operator_days enable row level security;
alter table private.stats_operator_seconds enable row level security;
alter table private.stats_incident_days enable row level security;
alter table private.stats_incident_seconds enable row level security;
alter table private.stats_kecamatan_seconds enable row level security;
alter table private.stats_assignment_days enable row level security;
alter table private.stats_assignment_seconds enable row level security;

-- ---------------------------------------------------------------------------------------------
-- facts: what one row contributes to the rollups. The triggers, the rebuild, the consistency check
-- and the range edges all use these, so there is one definition of each figure. Plain SQL without
-- SET options on purpose: only such functions are inlined into the calling query (a SET clause
-- would make the planner call them once per row); every name in them is schema-qualified.
-- ---------------------------------------------------------------------------------------------
create function private.stats_call_hour_facts(p_call public.calls)
returns table (hour_start timestamptz, call_type public.call_type)
language sql
stable
as $$
  select date_trunc('hour', p_call.received_at, 'Asia/Jakarta'), p_call.call_type
  where p_call.call_type is not null
$$;

create function private.stats_call_stage_facts(p_call public.calls)
returns table (day date, operator_id uuid, stage public.sla_stage, seconds integer)
language sql
stable
as $$
  select (p_call.received_at at time zone 'Asia/Jakarta')::date, p_call.operator_id, s.stage, s.seconds
  from (values
    ('answer'::public.sla_stage, ceil(extract(epoch from p_call.answered_at - p_call.received_at))::integer),
    ('classify'::public.sla_stage, ceil(extract(epoch from p_call.classified_at - p_call.answered_at))::integer),
    ('close_call'::public.sla_stage, ceil(extract(epoch from p_call.ended_at - p_call.classified_at))::integer),
    -- A call that rang out unanswered has no service time to measure.
    ('call_total'::public.sla_stage,
     case when p_call.answered_at is not null then ceil(extract(epoch from p_call.ended_at - p_call.received_at))::integer end)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

create function private.stats_call_operator_facts(p_call public.calls)
returns table (day date, operator_id uuid, emergency integer, nuisance integer)
language sql
stable
as $$
  select (p_call.received_at at time zone 'Asia/Jakarta')::date, p_call.operator_id,
         coalesce(p_call.call_type = 'emergency', false)::integer,
         coalesce(p_call.call_type in ('ghost', 'prank'), false)::integer
  where p_call.operator_id is not null and p_call.answered_at is not null
$$;

create function private.stats_incident_count_facts(p_incident public.incidents)
returns table (day date, category public.incident_category, kecamatan text, open_incidents integer,
               closed_incidents integer, cancelled_incidents integer)
language sql
stable
as $$
  select (p_incident.reported_at at time zone 'Asia/Jakarta')::date, p_incident.category,
         coalesce(p_incident.kecamatan, ''),
         (p_incident.status not in ('closed', 'cancelled'))::integer,
         (p_incident.status = 'closed')::integer,
         (p_incident.status = 'cancelled')::integer
$$;

create function private.stats_incident_stage_facts(p_incident public.incidents)
returns table (day date, kecamatan text, stage public.sla_stage, seconds integer)
language sql
stable
as $$
  select (p_incident.reported_at at time zone 'Asia/Jakarta')::date, coalesce(p_incident.kecamatan, ''), s.stage, s.seconds
  from (values
    ('dispatch'::public.sla_stage, ceil(extract(epoch from p_incident.dispatched_at - p_incident.reported_at))::integer),
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_incident.acknowledged_at - p_incident.dispatched_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_incident.on_scene_at - p_incident.dispatched_at))::integer)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

create function private.stats_assignment_count_facts(p_assignment public.assignments)
returns table (day date, agency_id uuid, declined integer, completed integer)
language sql
stable
as $$
  select (p_assignment.assigned_at at time zone 'Asia/Jakarta')::date, p_assignment.agency_id,
         (p_assignment.status = 'declined')::integer, (p_assignment.status = 'completed')::integer
$$;

create function private.stats_assignment_stage_facts(p_assignment public.assignments)
returns table (day date, agency_id uuid, stage public.sla_stage, seconds integer)
language sql
stable
as $$
  select (p_assignment.assigned_at at time zone 'Asia/Jakarta')::date, p_assignment.agency_id, s.stage, s.seconds
  from (values
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_assignment.acknowledged_at - p_assignment.assigned_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_assignment.on_scene_at - p_assignment.assigned_at))::integer)
  ) as s (stage, seconds)
  where s.seconds is not null
$$;

revoke all on function private.stats_call_hour_facts(public.calls) from public;
revoke all on function private.stats_call_stage_facts(public.calls) from public;
revoke all on function private.stats_call_operator_facts(public.calls) from public;
revoke all on function private.stats_incident_count_facts(public.incidents) from public;
revoke all on function private.stats_incident_stage_facts(public.incidents) from public;
revoke all on function private.stats_assignment_count_facts(public.assignments) from public;
revoke all on function private.stats_assignment_stage_facts(public.assignments) from public;

-- ---------------------------------------------------------------------------------------------
-- the rollups as computed from scratch (rebuild, consistency check)
-- ---------------------------------------------------------------------------------------------
create view private.stats_call_hours_expected as
select f.hour_start, f.call_type, count(*)::bigint as calls
from public.calls c cross join lateral private.stats_call_hour_facts(c) f
group by f.hour_start, f.call_type;

create view private.stats_call_seconds_expected as
select b.span, b.day, f.stage, f.seconds, count(*)::bigint as samples
from public.calls c cross join lateral private.stats_call_stage_facts(c) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.stage, f.seconds;

create view private.stats_operator_days_expected as
select f.day, f.operator_id, count(*)::bigint as answered, sum(f.emergency)::bigint as emergency,
       sum(f.nuisance)::bigint as nuisance
from public.calls c cross join lateral private.stats_call_operator_facts(c) f
group by f.day, f.operator_id;

create view private.stats_operator_seconds_expected as
select b.span, b.day, f.operator_id, f.stage, f.seconds, count(*)::bigint as samples
from public.calls c cross join lateral private.stats_call_stage_facts(c) f
cross join lateral private.stats_day_blocks(f.day) b
where f.operator_id is not null
group by b.span, b.day, f.operator_id, f.stage, f.seconds;

create view private.stats_incident_days_expected as
select f.day, f.category, f.kecamatan, count(*)::bigint as incidents, sum(f.open_incidents)::bigint as open_incidents,
       sum(f.closed_incidents)::bigint as closed_incidents, sum(f.cancelled_incidents)::bigint as cancelled_incidents
from public.incidents i cross join lateral private.stats_incident_count_facts(i) f
group by f.day, f.category, f.kecamatan;

create view private.stats_incident_seconds_expected as
select b.span, b.day, f.stage, f.seconds, count(*)::bigint as samples
from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.stage, f.seconds;

create view private.stats_kecamatan_seconds_expected as
select b.span, b.day, f.kecamatan, f.seconds, count(*)::bigint as samples
from public.incidents i cross join lateral private.stats_incident_stage_facts(i) f
cross join lateral private.stats_day_blocks(f.day) b
where f.stage = 'on_scene'
group by b.span, b.day, f.kecamatan, f.seconds;

create view private.stats_assignment_days_expected as
select f.day, f.agency_id, count(*)::bigint as assignments, sum(f.declined)::bigint as declined,
       sum(f.completed)::bigint as completed
from public.assignments a cross join lateral private.stats_assignment_count_facts(a) f
group by f.day, f.agency_id;

create view private.stats_assignment_seconds_expected as
select b.span, b.day, f.agency_id, f.stage, f.seconds, count(*)::bigint as samples
from public.assignments a cross join lateral private.stats_assignment_stage_facts(a) f
cross join lateral private.stats_day_blocks(f.day) b
group by b.span, b.day, f.agency_id, f.stage, f.seconds;

-- ---------------------------------------------------------------------------------------------
-- maintenance: netted deltas of the changed rows (old rows count −1, new rows +1), upserted in key
-- order (two transactions touching the same buckets lock them in the same order: no deadlock).
-- A bucket that drops to zero stays as a zero row; readers and the checks ignore zero rows.
-- ---------------------------------------------------------------------------------------------
create function private.stats_apply_calls(p_old public.calls[], p_new public.calls[]) returns void
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
    select b.span, b.day, f.operator_id, f.stage, f.seconds, d.sign
    from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
    cross join lateral private.stats_call_stage_facts(d.r) as f
    cross join lateral private.stats_day_blocks(f.day) as b
  ),
  per_operator as (
    insert into private.stats_operator_seconds as t (span, day, operator_id, stage, seconds, samples)
    select s.span, s.day, s.operator_id, s.stage, s.seconds, sum(s.sign)
    from s
    where s.operator_id is not null
    group by s.span, s.day, s.operator_id, s.stage, s.seconds
    having sum(s.sign) <> 0
    order by s.span, s.day, s.operator_id, s.stage, s.seconds
    on conflict (span, day, operator_id, stage, seconds) do update set samples = t.samples + excluded.samples
  )
  insert into private.stats_call_seconds as t (span, day, stage, seconds, samples)
  select s.span, s.day, s.stage, s.seconds, sum(s.sign)
  from s
  group by s.span, s.day, s.stage, s.seconds
  having sum(s.sign) <> 0
  order by s.span, s.day, s.stage, s.seconds
  on conflict (span, day, stage, seconds) do update set samples = t.samples + excluded.samples;
end;
$$;

create function private.stats_apply_incidents(p_old public.incidents[], p_new public.incidents[]) returns void
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
    select b.span, b.day, f.kecamatan, f.stage, f.seconds, d.sign
    from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
    cross join lateral private.stats_incident_stage_facts(d.r) as f
    cross join lateral private.stats_day_blocks(f.day) as b
  ),
  per_area as (
    insert into private.stats_kecamatan_seconds as t (span, day, kecamatan, seconds, samples)
    select s.span, s.day, s.kecamatan, s.seconds, sum(s.sign)
    from s
    where s.stage = 'on_scene'
    group by s.span, s.day, s.kecamatan, s.seconds
    having sum(s.sign) <> 0
    order by s.span, s.day, s.kecamatan, s.seconds
    on conflict (span, day, kecamatan, seconds) do update set samples = t.samples + excluded.samples
  )
  insert into private.stats_incident_seconds as t (span, day, stage, seconds, samples)
  select s.span, s.day, s.stage, s.seconds, sum(s.sign)
  from s
  group by s.span, s.day, s.stage, s.seconds
  having sum(s.sign) <> 0
  order by s.span, s.day, s.stage, s.seconds
  on conflict (span, day, stage, seconds) do update set samples = t.samples + excluded.samples;
end;
$$;

create function private.stats_apply_assignments(p_old public.assignments[], p_new public.assignments[]) returns void
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

  insert into private.stats_assignment_seconds as t (span, day, agency_id, stage, seconds, samples)
  select b.span, b.day, f.agency_id, f.stage, f.seconds, sum(d.sign)
  from (select o as r, -1 as sign from unnest(p_old) as o union all select n, 1 from unnest(p_new) as n) as d
  cross join lateral private.stats_assignment_stage_facts(d.r) as f
  cross join lateral private.stats_day_blocks(f.day) as b
  group by b.span, b.day, f.agency_id, f.stage, f.seconds
  having sum(d.sign) <> 0
  order by b.span, b.day, f.agency_id, f.stage, f.seconds
  on conflict (span, day, agency_id, stage, seconds) do update set samples = t.samples + excluded.samples;
end;
$$;

-- Statement-level triggers with transition tables: one call per statement however many rows it
-- changed (a bulk insert is one delta, not one per row). A trigger with transition tables serves
-- one event, hence three per table; the untaken branches are never planned, so each branch may
-- name only the transition tables its own event has. Their rows are records, made table rows again
-- with row(…)::table.
create function private.stats_calls_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.stats_apply_calls('{}', array(select row(n.*)::public.calls from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.stats_apply_calls(array(select row(o.*)::public.calls from old_rows o),
      array(select row(n.*)::public.calls from new_rows n));
  else
    perform private.stats_apply_calls(array(select row(o.*)::public.calls from old_rows o), '{}');
  end if;
  return null;
end;
$$;

create function private.stats_incidents_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.stats_apply_incidents('{}', array(select row(n.*)::public.incidents from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.stats_apply_incidents(array(select row(o.*)::public.incidents from old_rows o),
      array(select row(n.*)::public.incidents from new_rows n));
  else
    perform private.stats_apply_incidents(array(select row(o.*)::public.incidents from old_rows o), '{}');
  end if;
  return null;
end;
$$;

create function private.stats_assignments_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.stats_apply_assignments('{}', array(select row(n.*)::public.assignments from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.stats_apply_assignments(array(select row(o.*)::public.assignments from old_rows o),
      array(select row(n.*)::public.assignments from new_rows n));
  else
    perform private.stats_apply_assignments(array(select row(o.*)::public.assignments from old_rows o), '{}');
  end if;
  return null;
end;
$$;

-- After a TRUNCATE the table is empty, and so are its rollups.
create function private.stats_truncated() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  case tg_table_name
    when 'calls' then
      truncate private.stats_call_hours, private.stats_call_seconds, private.stats_operator_days,
        private.stats_operator_seconds;
    when 'incidents' then
      truncate private.stats_incident_days, private.stats_incident_seconds, private.stats_kecamatan_seconds;
    else
      truncate private.stats_assignment_days, private.stats_assignment_seconds;
  end case;
  return null;
end;
$$;

create trigger calls_stats_insert after insert on public.calls
  referencing new table as new_rows for each statement execute function private.stats_calls_changed();
create trigger calls_stats_update after update on public.calls
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_calls_changed();
create trigger calls_stats_delete after delete on public.calls
  referencing old table as old_rows for each statement execute function private.stats_calls_changed();
create trigger calls_stats_truncate after truncate on public.calls
  for each statement execute function private.stats_truncated();

create trigger incidents_stats_insert after insert on public.incidents
  referencing new table as new_rows for each statement execute function private.stats_incidents_changed();
create trigger incidents_stats_update after update on public.incidents
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_incidents_changed();
create trigger incidents_stats_delete after delete on public.incidents
  referencing old table as old_rows for each statement execute function private.stats_incidents_changed();
create trigger incidents_stats_truncate after truncate on public.incidents
  for each statement execute function private.stats_truncated();

create trigger assignments_stats_insert after insert on public.assignments
  referencing new table as new_rows for each statement execute function private.stats_assignments_changed();
create trigger assignments_stats_update after update on public.assignments
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_assignments_changed();
create trigger assignments_stats_delete after delete on public.assignments
  referencing old table as old_rows for each statement execute function private.stats_assignments_changed();
create trigger assignments_stats_truncate after truncate on public.assignments
  for each statement execute function private.stats_truncated();

-- ---------------------------------------------------------------------------------------------
-- rebuild and consistency check
-- ---------------------------------------------------------------------------------------------
create function private.stats_rebuild() returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Writers wait until the rebuild commits, so no change slips between the scan and the swap.
  -- Inserted in key order: a block's rows then sit together on few pages, which a range reads.
  lock table public.calls, public.incidents, public.assignments in share mode;
  truncate private.stats_call_hours, private.stats_call_seconds, private.stats_operator_days,
    private.stats_operator_seconds, private.stats_incident_days, private.stats_incident_seconds,
    private.stats_kecamatan_seconds, private.stats_assignment_days, private.stats_assignment_seconds;
  insert into private.stats_call_hours select * from private.stats_call_hours_expected order by 1, 2;
  insert into private.stats_call_seconds select * from private.stats_call_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_operator_days select * from private.stats_operator_days_expected order by 1, 2;
  insert into private.stats_operator_seconds select * from private.stats_operator_seconds_expected order by 1, 2, 3, 4, 5;
  insert into private.stats_incident_days select * from private.stats_incident_days_expected order by 1, 2, 3;
  insert into private.stats_incident_seconds select * from private.stats_incident_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_kecamatan_seconds select * from private.stats_kecamatan_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_assignment_days select * from private.stats_assignment_days_expected order by 1, 2;
  insert into private.stats_assignment_seconds select * from private.stats_assignment_seconds_expected order by 1, 2, 3, 4, 5;
end;
$$;
comment on function private.stats_rebuild() is
  'Recomputes every statistics rollup from calls, incidents and assignments: after a bulk load with triggers off (the seed), or a repair.';

create function private.stats_rollup_mismatches()
returns table (rollup text, side text, row_data jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text;
  v_nonzero text;
begin
  for v_table, v_nonzero in
    select * from (values
      ('stats_call_hours', 'calls <> 0'),
      ('stats_call_seconds', 'samples <> 0'),
      ('stats_operator_days', '(answered, emergency, nuisance) <> (0, 0, 0)'),
      ('stats_operator_seconds', 'samples <> 0'),
      ('stats_incident_days', '(incidents, open_incidents, closed_incidents, cancelled_incidents) <> (0, 0, 0, 0)'),
      ('stats_incident_seconds', 'samples <> 0'),
      ('stats_kecamatan_seconds', 'samples <> 0'),
      ('stats_assignment_days', '(assignments, declined, completed) <> (0, 0, 0)'),
      ('stats_assignment_seconds', 'samples <> 0')
    ) as t (name, nonzero)
  loop
    return query execute format(
      'select %1$L, ''stored'', to_jsonb(x) from (select * from private.%1$I where %3$s except all select * from private.%2$I) x
       union all
       select %1$L, ''expected'', to_jsonb(x) from (select * from private.%2$I except all select * from private.%1$I where %3$s) x',
      v_table, v_table || '_expected', v_nonzero);
  end loop;
end;
$$;
comment on function private.stats_rollup_mismatches() is
  'Rows where a rollup differs from its recomputation (stored: only in the rollup; expected: only in the recomputation). Empty when the triggers kept up.';

revoke all on function private.stats_apply_calls(public.calls[], public.calls[]) from public;
revoke all on function private.stats_apply_incidents(public.incidents[], public.incidents[]) from public;
revoke all on function private.stats_apply_assignments(public.assignments[], public.assignments[]) from public;
revoke all on function private.stats_calls_changed() from public;
revoke all on function private.stats_incidents_changed() from public;
revoke all on function private.stats_assignments_changed() from public;
revoke all on function private.stats_truncated() from public;
revoke all on function private.stats_rebuild() from public;
revoke all on function private.stats_rollup_mismatches() from public;

-- Backfill: rows that exist before this migration.
select private.stats_rebuild();

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
  v_lo timestamptz;
  v_hi timestamptz;
begin
  perform private.require_statistics_viewer();
  if p_bucket is null or p_bucket not in ('day', 'hour') then
    raise exception using errcode = 'P0001', message = 'invalid_bucket', hint = 'Use day or hour.';
  end if;
  perform private.check_statistics_range(p_from, p_to,
    case p_bucket when 'day' then interval '400 days' else interval '93 days' end);
  -- Asia/Jakarta has no daylight saving, so a WIB day is always 24 hours.
  v_step := case p_bucket when 'day' then interval '24 hours' else interval '1 hour' end;
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'hour') s;
  return query
  with counts as (
    select date_trunc(p_bucket, r.hour_start, 'Asia/Jakarta') as b, r.call_type as t, r.calls as n
    from private.stats_call_hours r
    where r.hour_start >= v_lo and r.hour_start < v_hi
    union all
    select date_trunc(p_bucket, c.received_at, 'Asia/Jakarta'), c.call_type, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    where e.lo < e.hi and c.call_type is not null
  ),
  merged as (
    select ct.b, ct.t, sum(ct.n) as n from counts ct group by ct.b, ct.t
  ),
  buckets as (
    select g as b
    from generate_series(date_trunc(p_bucket, p_from, 'Asia/Jakarta'), p_to - interval '1 microsecond', v_step) g
  )
  select bk.b, ty.t, coalesce(m.n, 0)::bigint
  from buckets bk
  cross join unnest(enum_range(null::public.call_type)) as ty (t)
  left join merged m on m.b = bk.b and m.t = ty.t
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
declare
  v_lo timestamptz;
  v_hi timestamptz;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'hour') s;
  return query
  with counts as (
    select extract(hour from r.hour_start at time zone 'Asia/Jakarta')::integer as h, r.call_type as t, r.calls as n
    from private.stats_call_hours r
    where r.hour_start >= v_lo and r.hour_start < v_hi
    union all
    select extract(hour from c.received_at at time zone 'Asia/Jakarta')::integer, c.call_type, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    where e.lo < e.hi and c.call_type is not null
  ),
  merged as (
    select ct.h, ct.t, sum(ct.n) as n from counts ct group by ct.h, ct.t
  )
  select hr.h, ty.t, coalesce(m.n, 0)::bigint
  from generate_series(0, 23) as hr (h)
  cross join unnest(enum_range(null::public.call_type)) as ty (t)
  left join merged m on m.h = hr.h and m.t = ty.t
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
    union all
    select f.stage, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi
    union all
    select r.stage, r.seconds, r.samples
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_incident_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.stage, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_incident_stage_facts(i) f
    where e.lo < e.hi
  ),
  grouped as (
    select h.st, h.s, sum(h.n)::bigint as n, max(t.target_seconds) as tg
    from hist h join public.sla_targets t on t.stage = h.st
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
           coalesce(sum(r.n) filter (where r.s <= r.tg), 0)::bigint as within_target,
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
#variable_conflict use_column
declare
  v_lo timestamptz;
  v_hi timestamptz;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  return query
  with counts as (
    select r.category as c, r.incidents as n, r.open_incidents as o, r.closed_incidents as cl, r.cancelled_incidents as ca
    from private.stats_incident_days r
    where r.day >= (v_lo at time zone 'Asia/Jakarta')::date and r.day < (v_hi at time zone 'Asia/Jakarta')::date
    union all
    select f.category, 1::bigint, f.open_incidents, f.closed_incidents, f.cancelled_incidents
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_incident_count_facts(i) f
    where e.lo < e.hi
  ),
  merged as (
    select ct.c, sum(ct.n) as n, sum(ct.o) as o, sum(ct.cl) as cl, sum(ct.ca) as ca from counts ct group by ct.c
  )
  select cat.c, coalesce(m.n, 0)::bigint, coalesce(m.o, 0)::bigint, coalesce(m.cl, 0)::bigint, coalesce(m.ca, 0)::bigint
  from unnest(enum_range(null::public.incident_category)) as cat (c)
  left join merged m on m.c = cat.c
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
    select r.kecamatan as k, r.seconds as s, r.samples as n
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_kecamatan_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.kecamatan, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_incident_stage_facts(i) f
    where e.lo < e.hi and f.stage = 'on_scene'
  ),
  grouped as (
    select h.k, h.s, sum(h.n)::bigint as n
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
           coalesce(sum(r.n) filter (where r.s <= v_target), 0)::bigint as within_target,
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
    select r.agency_id as ag, r.stage as st, r.seconds as s, r.samples as n
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_assignment_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.agency_id, f.stage, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.assignments a on a.assigned_at >= e.lo and a.assigned_at < e.hi
    cross join lateral private.stats_assignment_stage_facts(a) f
    where e.lo < e.hi
  ),
  grouped as (
    select h.ag, h.st, h.s, sum(h.n)::bigint as n
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
           coalesce(sum(r.n) filter (where r.s <= case r.st when 'acknowledge' then v_ack_target else v_scene_target end),
             0)::bigint as within_target,
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
    select r.operator_id as op, r.stage as st, r.seconds as s, r.samples as n
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_operator_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.operator_id, f.stage, f.seconds, 1::bigint
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi and f.operator_id is not null
  ),
  grouped as (
    select h.op, h.st, h.s, sum(h.n)::bigint as n
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
           coalesce(sum(r.n) filter (where r.s <= v_total_target), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.op, r.st
  )
  select po.op, pr.full_name, po.n::bigint, po.e::bigint, po.nu::bigint,
         round(sa.p50::numeric, 1), round(scl.p50::numeric, 1), round(scc.p50::numeric, 1), round(stt.p50::numeric, 1),
         case when stt.samples > 0 then round(stt.within_target::numeric / stt.samples, 4) end
  from per_operator po
  join public.profiles pr on pr.id = po.op
  left join summary sa on sa.op = po.op and sa.st = 'answer'
  left join summary scl on scl.op = po.op and scl.st = 'classify'
  left join summary scc on scc.op = po.op and scc.st = 'close_call'
  left join summary stt on stt.op = po.op and stt.st = 'call_total'
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
