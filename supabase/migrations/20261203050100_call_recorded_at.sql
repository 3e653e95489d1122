-- "Report recorded" (issue #16 §2, DESIGN.md §5): the moment the call's record exists, which ends the
-- service standard's *data laporan* stage and starts *penyelesaian panggilan*. Until now the form
-- filling counted against the 30-s completion stage, so a normal emergency call always showed red.
--
-- What "recorded" is, from the console's actual flow (app/operator, lib/data/operator-calls.ts):
--   * emergency: the incident reported (report_incident) or the call linked to an open one
--     (link_call_to_incident) — the moment calls.incident_id is set;
--   * ghost, prank: the one-key classification is the whole record, so recorded = classified;
--   * info: the operator writes the answer note and the console saves it with end_call, so
--     recorded = the moment an information call ends with its note.
-- A trigger stamps it rather than each workflow function, so every path that makes the record
-- (the console, the simulator, the telephony feed, a future function) stamps it the same way with
-- the database clock, and no RPC signature changes.

alter table public.calls
  add column recorded_at timestamptz,
  add constraint calls_recorded_in_order check (
    recorded_at is null
    or (classified_at is not null and recorded_at >= classified_at and (ended_at is null or recorded_at <= ended_at))
  );
comment on column public.calls.recorded_at is
  'When the call''s record was made (stamped by the database): incident reported or linked (emergency), classified (ghost, prank), ended with its answer note (info). Ends the data laporan stage, starts penyelesaian.';

create function private.stamp_call_recorded() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  -- Never before the classification, never after the end (calls_recorded_in_order).
  v_at timestamptz := least(greatest(now(), new.classified_at), coalesce(new.ended_at, 'infinity'));
begin
  if tg_op = 'INSERT' then
    -- A row written whole (history load, tests) may bring its own time; a nuisance record is its classification.
    if new.recorded_at is null and new.call_type in ('ghost', 'prank') then
      new.recorded_at := new.classified_at;
    end if;
    return new;
  end if;
  -- Set explicitly (the owner mapping history): kept as given.
  if new.recorded_at is distinct from old.recorded_at then
    return new;
  end if;
  -- Reclassified away from ghost or prank: that record no longer stands.
  if old.call_type in ('ghost', 'prank') and new.call_type is distinct from old.call_type
     and new.call_type not in ('ghost', 'prank') then
    new.recorded_at := null;
  end if;
  if new.recorded_at is null and new.classified_at is not null then
    if new.call_type in ('ghost', 'prank') then
      -- Its first classification is its record; a later correction to ghost or prank records now.
      new.recorded_at := case when old.classified_at is null then new.classified_at else v_at end;
    elsif new.call_type = 'emergency' and new.incident_id is not null and old.incident_id is null then
      new.recorded_at := v_at;
    elsif new.call_type = 'info' and new.ended_at is not null and old.ended_at is null and new.notes is not null then
      new.recorded_at := v_at;
    end if;
  end if;
  return new;
end;
$$;
comment on function private.stamp_call_recorded() is
  'Stamps calls.recorded_at when the call''s record is made (see the column comment).';
revoke all on function private.stamp_call_recorded() from public;

-- Named to run before calls_touch (triggers of one kind fire in name order); both only set columns.
create trigger calls_recorded before insert or update on public.calls
  for each row execute function private.stamp_call_recorded();

-- History: the audit trail says when each emergency call reported or joined its incident; nuisance
-- records are their classification; information calls recorded their note when they ended.
update public.calls c set recorded_at = m.at
from (
  select c2.id,
         case
           when c2.call_type in ('ghost', 'prank') then c2.classified_at
           when c2.call_type = 'emergency' and c2.incident_id is not null then
             least(greatest(coalesce(ev.at, i.reported_at, c2.ended_at), c2.classified_at), coalesce(c2.ended_at, 'infinity'))
           when c2.call_type = 'info' and c2.ended_at is not null and c2.notes is not null then c2.ended_at
         end as at
  from public.calls c2
  left join public.incidents i on i.id = c2.incident_id
  left join lateral (
    select min(e.at) as at from public.incident_events e
    where e.call_id = c2.id and e.kind in ('incident_reported', 'call_linked')
  ) ev on true
  where c2.classified_at is not null
) m
where m.id = c.id and m.at is not null and c.recorded_at is null;
