-- SLA targets as the service standard defines the stages (issue #16 §2) and their history (issue
-- #13): an admin changes a target with set_sla_target, effective from the moment it is saved; the
-- history keeps every value with the time it took effect, so statistics judge each call, incident
-- and assignment by the target in force at its time (20261203050300_statistics_stages.sql).
--
-- Stages (DESIGN.md §5), each measured on its own row's times:
--   answer      received → answered       the answer-time KPI (telephony calls only: without the
--                                         feed "new call" stamps both at once); target 10 s (NFPA 1225)
--   classify    received → classified     panggilan masuk, ≈ 30 s – 1 min
--   record      classified → recorded     data laporan, ≈ 30 s – 1 min
--   close_call  recorded → ended          penyelesaian panggilan, ≈ 30 s
--   call_total  received → ended          3 min
--   dispatch, acknowledge, on_scene       koordinasi OPD, configurable defaults (unchanged)

insert into public.sla_targets (stage, target_seconds, description)
values ('record', 60, 'Data laporan: jenis terverifikasi sampai laporan tercatat (standar layanan: 30 detik–1 menit)')
on conflict (stage) do nothing;
-- The stage definitions changed, so the old texts (and the old 60-s answer target, which measured
-- something else) are replaced by the standard's.
update public.sla_targets set target_seconds = 10,
  description = 'Waktu jawab: berdering sampai dijawab (KPI: 90 % dalam 10 detik, NFPA 1225; 90 % dalam 15 detik, NENA)'
where stage = 'answer';
update public.sla_targets set
  description = 'Panggilan masuk: berdering sampai jenis panggilan terverifikasi (standar layanan: 30 detik–1 menit)'
where stage = 'classify';
update public.sla_targets set
  description = 'Penyelesaian panggilan: laporan tercatat sampai panggilan selesai (standar layanan: 30 detik)'
where stage = 'close_call';
update public.sla_targets set
  description = 'Total layanan satu panggilan: berdering sampai selesai (standar layanan: 3 menit)'
where stage = 'call_total';

comment on table public.sla_targets is
  'The target in force per stage (seconds). Changed only through set_sla_target, which keeps sla_target_history.';
comment on column public.sla_targets.stage is
  'answer: calls.received_at→answered_at (telephony calls; KPI); classify: received_at→classified_at (panggilan masuk); '
  'record: classified_at→recorded_at (data laporan); close_call: recorded_at→ended_at (penyelesaian); '
  'call_total: received_at→ended_at; dispatch: incidents.reported_at→dispatched_at; acknowledge: dispatched_at→acknowledged_at; '
  'on_scene: dispatched_at→on_scene_at.';

alter table public.sla_targets add column version integer not null default 1 check (version > 0);
comment on column public.sla_targets.version is 'Optimistic-concurrency counter: set_sla_target refuses a stale one.';

-- Targets change only through set_sla_target, so that no change escapes the history and the audit.
drop policy "admins create SLA targets" on public.sla_targets;
drop policy "admins update SLA targets" on public.sla_targets;
drop policy "admins delete SLA targets" on public.sla_targets;
revoke insert, update, delete on table public.sla_targets from authenticated;

create table public.sla_target_history (
  id bigint generated always as identity primary key,
  stage public.sla_stage not null,
  target_seconds integer not null check (target_seconds between 1 and 86400),
  effective_from timestamptz not null,
  -- Null for the standard's defaults and for trusted server code (service role).
  changed_by uuid references public.profiles (id) on delete set null,
  changed_at timestamptz not null default now()
);
comment on table public.sla_target_history is
  'Every SLA target with the moment it took effect (append-only). The row of a stage with the latest effective_from at or before a time is the target in force then.';
comment on column public.sla_target_history.effective_from is
  '-infinity for the service standard''s defaults; otherwise the moment set_sla_target saved it.';
create index sla_target_history_stage_idx on public.sla_target_history (stage, effective_from desc, id desc);

-- The targets as they stand now have held since the beginning: the stage definitions are new with
-- this migration, so no older target ever judged them.
insert into public.sla_target_history (stage, target_seconds, effective_from)
select t.stage, t.target_seconds, '-infinity' from public.sla_targets t order by t.stage;

revoke all on table public.sla_target_history from public, anon, authenticated, service_role;
grant select on table public.sla_target_history to authenticated, service_role;
alter table public.sla_target_history enable row level security;
create policy "signed-in users read the SLA target history" on public.sla_target_history
  for select to authenticated
  using ((select private.my_role()) is not null);

create trigger sla_target_history_append_only before update or delete on public.sla_target_history
  for each row execute function private.refuse_audit_change();
create trigger sla_target_history_no_truncate before truncate on public.sla_target_history
  for each statement execute function private.refuse_audit_change();

-- Sets a stage's target from now on (admins; the service role for trusted server code). Refusals:
-- invalid_sla_target (no stage, or seconds outside 1 s – 24 h), stale_version (someone changed it
-- meanwhile), and require_admin's not_authenticated / forbidden_role. Saving the value in force
-- changes nothing and writes no event.
create function public.set_sla_target(p_stage public.sla_stage, p_seconds integer, p_expected_version integer default null)
returns public.sla_targets
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.sla_targets;
  v_row public.sla_targets;
  v_calls public.calls[];
  v_incidents public.incidents[];
  v_assignments public.assignments[];
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

  -- The rollups hold each duration with "within the target of its time". Rows stamped at or after
  -- this moment (a telephony event may be a little ahead of the database clock) were judged by the
  -- old target: take them out, change the history, put them back. Writers wait meanwhile, so no
  -- row can be judged by a history it does not see.
  lock table public.calls, public.incidents, public.assignments in share mode;
  v_calls := array(select c from public.calls c where c.received_at >= now());
  v_incidents := array(select i from public.incidents i where i.reported_at >= now());
  v_assignments := array(select a from public.assignments a where a.assigned_at >= now());
  perform private.stats_apply_calls(v_calls, '{}');
  perform private.stats_apply_incidents(v_incidents, '{}');
  perform private.stats_apply_assignments(v_assignments, '{}');
  insert into public.sla_target_history (stage, target_seconds, effective_from, changed_by)
  values (p_stage, p_seconds, now(), (select p.id from public.profiles p where p.id = auth.uid()));
  perform private.stats_apply_calls('{}', v_calls);
  perform private.stats_apply_incidents('{}', v_incidents);
  perform private.stats_apply_assignments('{}', v_assignments);

  update public.sla_targets t set target_seconds = p_seconds, version = t.version + 1
  where t.stage = p_stage returning * into v_row;
  perform private.log_admin_event('sla_target.changed', 'sla_targets', p_stage::text,
    jsonb_build_object('target_seconds', v_before.target_seconds, 'version', v_before.version),
    jsonb_build_object('target_seconds', v_row.target_seconds, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.set_sla_target(public.sla_stage, integer, integer) is
  'Admin: sets a stage''s target (1 s – 24 h) effective now, keeping the history and an admin event; refuses a stale p_expected_version.';
revoke all on function public.set_sla_target(public.sla_stage, integer, integer) from public, anon;
grant execute on function public.set_sla_target(public.sla_stage, integer, integer) to authenticated, service_role;
