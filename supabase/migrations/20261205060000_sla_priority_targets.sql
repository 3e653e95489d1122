-- SLA targets per incident priority (issue #13): a stage measured on an incident or its assignments
-- (dispatch, acknowledge, on_scene) may have an override per priority, which judges incidents of that
-- priority instead of the stage's general target; removing it falls back to the general one. The
-- call stages happen before an incident (and so a priority) exists: they have no override.
--
-- Same rules as the general targets (20261203050200_sla_target_history.sql): changed only by an
-- admin through set_sla_priority_target, version-checked, effective from the moment saved, audited,
-- and kept in the append-only sla_target_history (a row with a priority; null seconds = removed), so
-- statistics judge each incident and assignment by the target in force at its time for its priority.
--
-- "Which target applies" has one home here, private.sla_target_in_force, and one in TypeScript,
-- lib/domain/sla.ts (targetsForPriority).

create table public.sla_priority_targets (
  stage public.sla_stage not null check (stage in ('dispatch', 'acknowledge', 'on_scene')),
  priority public.incident_priority not null,
  -- Null: no override, the stage's general target applies.
  target_seconds integer check (target_seconds between 1 and 86400),
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now(),
  primary key (stage, priority)
);
comment on table public.sla_priority_targets is
  'Per-priority overrides of the incident stages'' targets (null = the general target of sla_targets). Changed only through set_sla_priority_target.';

-- One row per stage and priority, so that every override, set or not, has a version to check.
insert into public.sla_priority_targets (stage, priority)
select s.stage, p.priority
from unnest(array['dispatch', 'acknowledge', 'on_scene']::public.sla_stage[]) as s (stage)
cross join unnest(enum_range(null::public.incident_priority)) as p (priority)
order by 1, 2;

revoke all on table public.sla_priority_targets from public, anon, authenticated, service_role;
grant select on table public.sla_priority_targets to authenticated, service_role;
alter table public.sla_priority_targets enable row level security;
create policy "signed-in users read the SLA priority targets" on public.sla_priority_targets
  for select to authenticated
  using ((select private.my_role()) is not null);

create trigger sla_priority_targets_touch before update on public.sla_priority_targets
  for each row execute function private.touch_updated_at();

-- The history carries the overrides too: priority null = the general target.
alter table public.sla_target_history
  add column priority public.incident_priority,
  alter column target_seconds drop not null,
  add constraint sla_target_history_priority_stage check (priority is null or stage in ('dispatch', 'acknowledge', 'on_scene')),
  add constraint sla_target_history_seconds_required check (target_seconds is not null or priority is not null);
comment on column public.sla_target_history.priority is
  'Null: the stage''s general target. Otherwise an override for incidents of this priority; null target_seconds = override removed.';
create index sla_target_history_priority_idx on public.sla_target_history (stage, priority, effective_from desc, id desc);

-- The targets in force now (general and overrides) and the moment of the latest change of any, for
-- the facts' fast path. The override arrays are keyed 'stage:priority'.
create or replace view private.sla_targets_latest as
select g.stages, g.targets, (select max(h.effective_from) from public.sla_target_history h) as changed,
       o.override_keys, o.override_targets
from (
  select array_agg(t.stage order by t.stage) as stages, array_agg(t.target_seconds order by t.stage) as targets
  from (
    select distinct on (h.stage) h.stage, h.target_seconds
    from public.sla_target_history h
    where h.priority is null
    order by h.stage, h.effective_from desc, h.id desc
  ) t
) g
cross join (
  select array_agg(t.stage::text || ':' || t.priority::text order by t.stage, t.priority) filter (where t.target_seconds is not null) as override_keys,
         array_agg(t.target_seconds order by t.stage, t.priority) filter (where t.target_seconds is not null) as override_targets
  from (
    select distinct on (h.stage, h.priority) h.stage, h.priority, h.target_seconds
    from public.sla_target_history h
    where h.priority is not null
    order by h.stage, h.priority, h.effective_from desc, h.id desc
  ) t
) o;
comment on view private.sla_targets_latest is
  'The target in force now per stage (parallel arrays in enum order), the overrides in force now (keys ''stage:priority''), and when the latest change took effect.';

-- The one rule of which target applies: the override for the priority in force at p_at, else the
-- stage's general target in force at p_at. A set-returning plain SQL function so that the planner
-- inlines it into the facts (a scalar one with subqueries is never inlined); the uncorrelated
-- subqueries of the fast path are evaluated once per query.
create function private.sla_target_in_force(p_stage public.sla_stage, p_priority public.incident_priority, p_at timestamptz)
returns table (target_seconds integer)
language sql
stable
as $$
  select case
    when p_at >= (select l.changed from private.sla_targets_latest l) then coalesce(
      (select l.override_targets from private.sla_targets_latest l)[
        array_position((select l.override_keys from private.sla_targets_latest l), p_stage::text || ':' || p_priority::text)],
      (select l.targets from private.sla_targets_latest l)[array_position((select l.stages from private.sla_targets_latest l), p_stage)])
    else coalesce(
      (select h.target_seconds from public.sla_target_history h
       where p_priority is not null and h.stage = p_stage and h.priority = p_priority and h.effective_from <= p_at
       order by h.effective_from desc, h.id desc limit 1),
      (select h.target_seconds from public.sla_target_history h
       where h.stage = p_stage and h.priority is null and h.effective_from <= p_at
       order by h.effective_from desc, h.id desc limit 1))
  end
$$;
revoke all on function private.sla_target_in_force(public.sla_stage, public.incident_priority, timestamptz) from public;

-- Facts as in 20261203050300, the target now from sla_target_in_force: calls have no priority, an
-- incident's is its own, an assignment's is its incident's (re-filed when it changes, below).
create or replace function private.stats_call_stage_facts(p_call public.calls)
returns table (day date, operator_id uuid, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_call.received_at at time zone 'Asia/Jakarta')::date, p_call.operator_id, s.stage, s.seconds,
         coalesce(s.seconds <= t.target_seconds, false)
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
  cross join lateral private.sla_target_in_force(s.stage, null, p_call.received_at) t
  where s.seconds is not null
$$;

create or replace function private.stats_incident_stage_facts(p_incident public.incidents)
returns table (day date, kecamatan text, stage public.sla_stage, seconds integer, within boolean)
language sql
stable
as $$
  select (p_incident.reported_at at time zone 'Asia/Jakarta')::date, coalesce(p_incident.kecamatan, ''), s.stage, s.seconds,
         coalesce(s.seconds <= t.target_seconds, false)
  from (values
    ('dispatch'::public.sla_stage, ceil(extract(epoch from p_incident.dispatched_at - p_incident.reported_at))::integer),
    ('acknowledge'::public.sla_stage, ceil(extract(epoch from p_incident.acknowledged_at - p_incident.dispatched_at))::integer),
    ('on_scene'::public.sla_stage, ceil(extract(epoch from p_incident.on_scene_at - p_incident.dispatched_at))::integer)
  ) as s (stage, seconds)
  cross join lateral private.sla_target_in_force(s.stage, p_incident.priority, p_incident.reported_at) t
  where s.seconds is not null
$$;

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
  cross join lateral private.sla_target_in_force(s.stage,
    (select i.priority from public.incidents i where i.id = p_assignment.incident_id), p_assignment.assigned_at) t
  where s.seconds is not null
$$;

-- An assignment's facts read its incident's priority: when that changes, its assignments are taken
-- out of the rollups before the update (the old priority still visible) and put back after it.
create function private.stats_incident_priority_changing() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_when = 'BEFORE' then
    perform private.stats_apply_assignments(array(select a from public.assignments a where a.incident_id = old.id order by a.id), '{}');
    return new;
  end if;
  perform private.stats_apply_assignments('{}', array(select a from public.assignments a where a.incident_id = new.id order by a.id));
  return null;
end;
$$;
revoke all on function private.stats_incident_priority_changing() from public;
create trigger incidents_priority_stats_before before update of priority on public.incidents
  for each row when (old.priority is distinct from new.priority) execute function private.stats_incident_priority_changing();
create trigger incidents_priority_stats_after after update of priority on public.incidents
  for each row when (old.priority is distinct from new.priority) execute function private.stats_incident_priority_changing();

-- Appends a target (general: p_priority null; override: null seconds = removed) to the history,
-- effective now. The rollups hold each duration with "within the target of its time": rows stamped
-- at or after this moment (a telephony event may be a little ahead of the database clock) were
-- judged by the old target, so they are taken out and put back around the change. Writers wait
-- meanwhile, so no row can be judged by a history it does not see.
create function private.sla_history_append(p_stage public.sla_stage, p_priority public.incident_priority, p_seconds integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_calls public.calls[];
  v_incidents public.incidents[];
  v_assignments public.assignments[];
begin
  lock table public.calls, public.incidents, public.assignments in share mode;
  -- An override changes no call's facts.
  v_calls := case when p_priority is null then array(select c from public.calls c where c.received_at >= now()) else '{}' end;
  v_incidents := array(select i from public.incidents i where i.reported_at >= now());
  v_assignments := array(select a from public.assignments a where a.assigned_at >= now());
  perform private.stats_apply_calls(v_calls, '{}');
  perform private.stats_apply_incidents(v_incidents, '{}');
  perform private.stats_apply_assignments(v_assignments, '{}');
  insert into public.sla_target_history (stage, priority, target_seconds, effective_from, changed_by)
  values (p_stage, p_priority, p_seconds, now(), (select p.id from public.profiles p where p.id = auth.uid()));
  perform private.stats_apply_calls('{}', v_calls);
  perform private.stats_apply_incidents('{}', v_incidents);
  perform private.stats_apply_assignments('{}', v_assignments);
end;
$$;
revoke all on function private.sla_history_append(public.sla_stage, public.incident_priority, integer) from public;

-- set_sla_target as before, its history write now the shared one above.
create or replace function public.set_sla_target(p_stage public.sla_stage, p_seconds integer, p_expected_version integer default null)
returns public.sla_targets
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.sla_targets;
  v_row public.sla_targets;
begin
  perform private.require_admin();
  if p_stage is null then
    perform private.fail('invalid_sla_target', 'A stage is required.', 'stage');
  end if;
  if p_seconds is null or p_seconds < 1 or p_seconds > 86400 then
    perform private.fail('invalid_sla_target', 'A target is between 1 second and 24 hours.', 'seconds');
  end if;
  select * into v_before from public.sla_targets t where t.stage = p_stage for update;
  if not found then
    perform private.fail('invalid_sla_target', 'This stage has no target.', p_stage::text);
  end if;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this target meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  if v_before.target_seconds = p_seconds then
    return v_before;
  end if;

  perform private.sla_history_append(p_stage, null, p_seconds);
  update public.sla_targets t set target_seconds = p_seconds, version = t.version + 1
  where t.stage = p_stage returning * into v_row;
  perform private.log_admin_event('sla_target.changed', 'sla_targets', p_stage::text,
    jsonb_build_object('target_seconds', v_before.target_seconds, 'version', v_before.version),
    jsonb_build_object('target_seconds', v_row.target_seconds, 'version', v_row.version));
  return v_row;
end;
$$;

-- Sets (p_seconds 1 s – 24 h) or removes (p_seconds null) the override of an incident stage for one
-- priority, effective now (admins; the service role for trusted server code). Refusals:
-- invalid_sla_target (no stage or priority, seconds out of range), sla_stage_without_priority (a
-- call stage: it ends before a priority exists), stale_version, and require_admin's
-- not_authenticated / forbidden_role. Saving what is in force changes nothing and writes no event.
create function public.set_sla_priority_target(p_stage public.sla_stage, p_priority public.incident_priority,
  p_seconds integer, p_expected_version integer default null)
returns public.sla_priority_targets
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.sla_priority_targets;
  v_row public.sla_priority_targets;
begin
  perform private.require_admin();
  if p_stage is null then
    perform private.fail('invalid_sla_target', 'A stage is required.', 'stage');
  end if;
  if p_priority is null then
    perform private.fail('invalid_sla_target', 'A priority is required.', 'priority');
  end if;
  if p_stage not in ('dispatch', 'acknowledge', 'on_scene') then
    perform private.fail('sla_stage_without_priority', 'Call stages end before an incident has a priority.', p_stage::text);
  end if;
  if p_seconds is not null and (p_seconds < 1 or p_seconds > 86400) then
    perform private.fail('invalid_sla_target', 'A target is between 1 second and 24 hours.', 'seconds');
  end if;
  select * into v_before from public.sla_priority_targets t
  where t.stage = p_stage and t.priority = p_priority for update;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Someone changed this target meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  if v_before.target_seconds is not distinct from p_seconds then
    return v_before;
  end if;

  perform private.sla_history_append(p_stage, p_priority, p_seconds);
  update public.sla_priority_targets t set target_seconds = p_seconds, version = t.version + 1
  where t.stage = p_stage and t.priority = p_priority returning * into v_row;
  perform private.log_admin_event('sla_priority_target.changed', 'sla_priority_targets', p_stage::text || ':' || p_priority::text,
    jsonb_build_object('target_seconds', v_before.target_seconds, 'version', v_before.version),
    jsonb_build_object('target_seconds', v_row.target_seconds, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.set_sla_priority_target(public.sla_stage, public.incident_priority, integer, integer) is
  'Admin: sets (1 s – 24 h) or removes (null) an incident stage''s target for one priority, effective now, keeping the history and an admin event; refuses call stages and a stale p_expected_version.';
revoke all on function public.set_sla_priority_target(public.sla_stage, public.incident_priority, integer, integer) from public, anon;
grant execute on function public.set_sla_priority_target(public.sla_stage, public.incident_priority, integer, integer) to authenticated, service_role;
