-- Victim counts of a field report as columns (#12). Until now the OPD's report form wrote them into
-- the report text, on fixed "Korban:" lines that a program had to parse back; they are data of
-- their own (the printed report tabulates them per agency) and now travel as such:
--   * four nullable counts on assignments, 0–9999 as the form allows; null = not reported (a
--     category without victims, or a report written before this migration that had none);
--   * complete_assignment takes them as optional parameters (default null: existing callers and
--     offline steps queued by an older page keep working) and refuses an out-of-range count with
--     the stable code count_invalid;
--   * reports already stored with "Korban:" lines get their counts backfilled, and a completion sent
--     with such lines but no counts (queued offline by an older page) gets them the same way; the
--     text stays as it was, so old reports read as before.
-- Row-level security needs nothing new: the assignments policies are per row and the select grant
-- is per table (20261128000300_rls.sql), so whoever reads an assignment reads its counts, and only
-- the workflow functions write them. The audit trail is unchanged: its completed event does not
-- record the report either; the counts, like the report, are fixed once the assignment completes.

-- ---------------------------------------------------------------------------------------------
-- columns
-- ---------------------------------------------------------------------------------------------
alter table public.assignments
  add column dead_count integer check (dead_count between 0 and 9999),
  add column seriously_injured_count integer check (seriously_injured_count between 0 and 9999),
  add column lightly_injured_count integer check (lightly_injured_count between 0 and 9999),
  add column evacuated_count integer check (evacuated_count between 0 and 9999);

comment on column public.assignments.dead_count is
  'People found dead, as the agency reported on completing; null when not reported.';
comment on column public.assignments.seriously_injured_count is
  'Seriously injured people (luka berat) the agency reported on completing; null when not reported.';
comment on column public.assignments.lightly_injured_count is
  'Lightly injured people (luka ringan) the agency reported on completing; null when not reported.';
comment on column public.assignments.evacuated_count is
  'People the agency evacuated, as reported on completing; null when not reported.';

-- ---------------------------------------------------------------------------------------------
-- counts written in a report's text by the earlier form
-- ---------------------------------------------------------------------------------------------
-- The form wrote exactly "<text>\n\nKorban:\n- Meninggal dunia: N\n- Luka berat: N\n- Luka ringan: N\n
-- - Dievakuasi: N" (N of 1–4 digits). Counts are read only when all four lines are there, from the
-- section after the first "Korban:" heading as the form's own parser did; anything else (the word in
-- free text, a missing line) gives nulls rather than half the counts.
create function private.legacy_report_counts(p_report text, out dead integer, out seriously_injured integer,
                                             out lightly_injured integer, out evacuated integer)
language sql
immutable
set search_path = ''
as $$
  with sections as (
    select split_part(p_report, E'\n\nKorban:\n', 2) as section
    where strpos(p_report, E'\n\nKorban:\n') > 0
  ), parsed as (
    select substring(s.section from '(?n)^- Meninggal dunia: (\d{1,4})$')::integer as dead,
           substring(s.section from '(?n)^- Luka berat: (\d{1,4})$')::integer as seriously_injured,
           substring(s.section from '(?n)^- Luka ringan: (\d{1,4})$')::integer as lightly_injured,
           substring(s.section from '(?n)^- Dievakuasi: (\d{1,4})$')::integer as evacuated
    from sections s
  )
  select p.dead, p.seriously_injured, p.lightly_injured, p.evacuated
  from parsed p
  where num_nulls(p.dead, p.seriously_injured, p.lightly_injured, p.evacuated) = 0
$$;
comment on function private.legacy_report_counts(text) is
  'Victim counts from the "Korban:" lines the OPD form wrote into report texts before the counts were columns; nulls when absent.';
revoke all on function private.legacy_report_counts(text) from public;

-- Backfill: reports stored before this migration. Their text is left as it is.
update public.assignments a set
  dead_count = l.dead,
  seriously_injured_count = l.seriously_injured,
  lightly_injured_count = l.lightly_injured,
  evacuated_count = l.evacuated
from public.assignments x
cross join lateral private.legacy_report_counts(x.report) l
where a.id = x.id and x.status = 'completed' and l.dead is not null;

-- Counts belong to a field report, which only a completed assignment has.
alter table public.assignments add constraint assignments_counts_when_completed check (
  status = 'completed'
  or (dead_count is null and seriously_injured_count is null and lightly_injured_count is null
      and evacuated_count is null)
);

-- ---------------------------------------------------------------------------------------------
-- the OPD transition, now also storing the counts of a completion
-- ---------------------------------------------------------------------------------------------
-- Replaced rather than overloaded: the step functions call it by name with four arguments, which
-- the new defaults keep valid; the counts are written in the same update that bumps the version,
-- so a live view never sees the completion without them.
drop function private.opd_transition(uuid, integer, public.assignment_status, text);

create function private.opd_transition(p_assignment_id uuid, p_expected_version integer,
                                       p_to public.assignment_status, p_text text,
                                       p_dead_count integer default null,
                                       p_seriously_injured_count integer default null,
                                       p_lightly_injured_count integer default null,
                                       p_evacuated_count integer default null)
returns public.assignments
language plpgsql
set search_path = ''
as $$
declare
  v_incident_id uuid;
  v_inc_status public.incident_status;
  v_row public.assignments;
  v_from public.assignment_status;
  v_allowed public.assignment_status[];
  v_text text;
  v_inc public.incidents;
  v_count integer;
begin
  perform private.require_role(array['opd']::public.app_role[]);
  select a.incident_id into v_incident_id from public.assignments a where a.id = p_assignment_id;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  -- Incident first, then assignment: the same lock order as the supervisor's functions.
  select i.status into v_inc_status from public.incidents i where i.id = v_incident_id for update;
  select * into v_row from public.assignments a where a.id = p_assignment_id for update;
  if v_row.agency_id is distinct from private.my_agency() then
    perform private.fail('wrong_agency', 'This assignment belongs to another agency.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'This assignment changed meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  v_from := v_row.status;
  v_allowed := case p_to
    when 'acknowledged' then array['assigned']
    when 'en_route' then array['acknowledged']
    when 'on_scene' then array['acknowledged', 'en_route']
    when 'completed' then array['acknowledged', 'en_route', 'on_scene']
    when 'declined' then array['assigned', 'acknowledged']
  end::public.assignment_status[];
  if v_inc_status in ('closed', 'cancelled') or not v_from = any (v_allowed) then
    perform private.fail('invalid_state', 'This step is not possible from the assignment''s current state.',
      v_from::text);
  end if;
  if p_to = 'completed' then
    v_text := private.require_text(p_text, 'report_required', 'Write the field report.');
    foreach v_count in array array[p_dead_count, p_seriously_injured_count, p_lightly_injured_count,
                                   p_evacuated_count] loop
      if v_count not between 0 and 9999 then
        perform private.fail('count_invalid', 'Victim counts are whole numbers from 0 to 9999.', v_count::text);
      end if;
    end loop;
  elsif p_to = 'declined' then
    v_text := private.require_text(p_text, 'reason_required', 'Give the reason for declining.');
  end if;
  update public.assignments a set
    status = p_to,
    acknowledged_at = case when p_to = 'acknowledged' then now() else a.acknowledged_at end,
    en_route_at = case when p_to = 'en_route' then now() else a.en_route_at end,
    on_scene_at = case when p_to = 'on_scene' then now() else a.on_scene_at end,
    completed_at = case when p_to = 'completed' then now() else a.completed_at end,
    declined_at = case when p_to = 'declined' then now() else a.declined_at end,
    report = case when p_to = 'completed' then v_text else a.report end,
    decline_reason = case when p_to = 'declined' then v_text else a.decline_reason end,
    dead_count = case when p_to = 'completed' then p_dead_count else a.dead_count end,
    seriously_injured_count = case when p_to = 'completed' then p_seriously_injured_count else a.seriously_injured_count end,
    lightly_injured_count = case when p_to = 'completed' then p_lightly_injured_count else a.lightly_injured_count end,
    evacuated_count = case when p_to = 'completed' then p_evacuated_count else a.evacuated_count end,
    version = a.version + 1
  where a.id = p_assignment_id returning * into v_row;
  v_inc := private.sync_incident(v_incident_id);
  perform private.log_event(p_to::text::public.incident_event_kind, v_incident_id, null, p_assignment_id,
    jsonb_build_object('from', v_from, 'agency_id', v_row.agency_id, 'incident_status', v_inc.status,
                       'incident_version', v_inc.version)
    || case when p_to = 'declined' then jsonb_build_object('reason', v_text) else '{}'::jsonb end);
  return v_row;
end;
$$;

revoke all on function private.opd_transition(uuid, integer, public.assignment_status, text,
  integer, integer, integer, integer) from public;

-- ---------------------------------------------------------------------------------------------
-- complete_assignment with the counts
-- ---------------------------------------------------------------------------------------------
-- Dropped first: a second overload with the same three leading parameters would make PostgREST's
-- choice ambiguous for callers that pass only those (PGRST203).
drop function public.complete_assignment(uuid, text, integer);

create function public.complete_assignment(p_assignment_id uuid, p_report text, p_expected_version integer,
                                           p_dead_count integer default null,
                                           p_seriously_injured_count integer default null,
                                           p_lightly_injured_count integer default null,
                                           p_evacuated_count integer default null)
returns public.assignments
language sql
security definer
set search_path = ''
as $$
  -- A step queued offline by a page from before this migration carries its counts in the text only:
  -- without counts given, they are taken from there, so such a step keeps them too.
  select private.opd_transition(p_assignment_id, p_expected_version, 'completed', p_report,
    case when no_counts then l.dead else p_dead_count end,
    case when no_counts then l.seriously_injured else p_seriously_injured_count end,
    case when no_counts then l.lightly_injured else p_lightly_injured_count end,
    case when no_counts then l.evacuated else p_evacuated_count end)
  from private.legacy_report_counts(p_report) l
  cross join lateral (select num_nonnulls(p_dead_count, p_seriously_injured_count, p_lightly_injured_count,
                                          p_evacuated_count) = 0 as no_counts) c
$$;
comment on function public.complete_assignment(uuid, text, integer, integer, integer, integer, integer) is
  'The OPD finished its part and reports the handling back (field report required; victim counts 0–9999, optional).';

revoke all on function public.complete_assignment(uuid, text, integer, integer, integer, integer, integer)
  from public, anon;
grant execute on function public.complete_assignment(uuid, text, integer, integer, integer, integer, integer)
  to authenticated, service_role;
