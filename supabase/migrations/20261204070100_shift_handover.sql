-- Shift handover (serah terima, issue #18 §4). Shifts follow the center's schedule: the WIB hours at
-- which a shift starts (default 07, 15, 23: three 8-hour shifts), one settings row an admin changes
-- through set_shift_schedule (version-checked, audited in admin_events). At a shift change the
-- outgoing supervisor writes a handover note for the change that ends their shift; an incoming
-- supervisor reads it beside the open incidents, waiting acknowledgements and blocked numbers, and
-- acknowledges it. Both are recorded (who, when, with the counts each saw), and an acknowledged
-- handover can no longer change; no handover is ever deleted.
-- Limits: 1–6 shifts a day, each at least 4 h; note 1–4000 characters, acknowledgement note ≤ 1000.

-- ---------------------------------------------------------------------------------------------
-- schedule
-- ---------------------------------------------------------------------------------------------
create function private.valid_shift_hours(p_hours integer[]) returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_hours is not null
    and cardinality(p_hours) between 1 and 6
    and array_position(p_hours, null) is null
    and (select bool_and(h between 0 and 23) from unnest(p_hours) h)
    -- Strictly increasing, and every shift (the last one across midnight) at least 4 hours long.
    and (select bool_and(gap >= 4) from (
          select coalesce(lead(h) over (order by o), p_hours[1] + 24) - h as gap
          from unnest(p_hours) with ordinality u (h, o)
        ) g)
$$;
comment on function private.valid_shift_hours(integer[]) is
  'Shift start hours (WIB): 1–6 of them, increasing, 0–23, each shift at least 4 hours including the one across midnight.';
revoke all on function private.valid_shift_hours(integer[]) from public;

create table public.shift_settings (
  id boolean primary key default true check (id),
  start_hours integer[] not null default '{7,15,23}' check (private.valid_shift_hours(start_hours)),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1 check (version > 0)
);
comment on table public.shift_settings is 'The one row of the center''s shift schedule; changed only through set_shift_schedule.';
comment on column public.shift_settings.start_hours is 'WIB hours at which a shift starts, increasing; a shift lasts until the next one starts.';
insert into public.shift_settings (id) values (true) on conflict do nothing;

-- The shift that contains p_at, by the schedule in force: [starts_at, ends_at).
create function private.shift_bounds(p_at timestamptz, out starts_at timestamptz, out ends_at timestamptz)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_hours integer[] := coalesce((select s.start_hours from public.shift_settings s where s.id), '{7,15,23}');
  v_local timestamp := p_at at time zone 'Asia/Jakarta';
  v_day timestamp := date_trunc('day', v_local);
begin
  select max(c) into v_local
  from (select v_day + d * interval '1 day' + h * interval '1 hour' as c
        from unnest(v_hours) h cross join (values (-1), (0)) d (d)) x
  where c <= p_at at time zone 'Asia/Jakarta';
  starts_at := v_local at time zone 'Asia/Jakarta';
  select min(c) at time zone 'Asia/Jakarta' into ends_at
  from (select v_day + d * interval '1 day' + h * interval '1 hour' as c
        from unnest(v_hours) h cross join (values (0), (1)) d (d)) x
  where c > v_local;
end;
$$;
revoke all on function private.shift_bounds(timestamptz) from public;

create function public.current_shift(out starts_at timestamptz, out ends_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_role(array['operator', 'supervisor', 'leadership', 'admin']::public.app_role[]);
  select b.starts_at, b.ends_at into starts_at, ends_at from private.shift_bounds(now()) b;
end;
$$;
comment on function public.current_shift() is 'The shift in progress by the center''s schedule, [starts_at, ends_at).';

create function public.set_shift_schedule(p_start_hours integer[], p_expected_version integer default null)
returns public.shift_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.shift_settings;
  v_row public.shift_settings;
begin
  perform private.require_admin();
  if not coalesce(private.valid_shift_hours(p_start_hours), false) then
    perform private.fail('invalid_schedule', '1–6 increasing start hours 0–23 (WIB), every shift at least 4 hours.');
  end if;
  select * into v_before from public.shift_settings s where s.id for update;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed the shift schedule meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  if v_before.start_hours = p_start_hours then
    return v_before;
  end if;
  update public.shift_settings s set
    start_hours = p_start_hours, updated_at = now(), version = s.version + 1,
    updated_by = (select p.id from public.profiles p where p.id = auth.uid())
  where s.id
  returning * into v_row;
  perform private.log_admin_event('shift_schedule.changed', 'shift_settings', 'settings',
    jsonb_build_object('start_hours', to_jsonb(v_before.start_hours), 'version', v_before.version),
    jsonb_build_object('start_hours', to_jsonb(v_row.start_hours), 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.set_shift_schedule(integer[], integer) is
  'Admin: the WIB hours at which shifts start (default 7, 15, 23), version-checked and audited in admin_events.';

-- ---------------------------------------------------------------------------------------------
-- handovers
-- ---------------------------------------------------------------------------------------------
create table public.shift_handovers (
  id uuid primary key default gen_random_uuid(),
  shift_started_at timestamptz not null,
  change_at timestamptz not null check (change_at > shift_started_at),
  outgoing_id uuid not null references public.profiles (id) on delete restrict,
  note text not null check (length(btrim(note)) between 1 and 4000),
  written_at timestamptz not null default now(),
  open_incidents integer not null check (open_incidents >= 0),
  waiting_acknowledgements integer not null check (waiting_acknowledgements >= 0),
  blocked_numbers integer not null check (blocked_numbers >= 0),
  incoming_id uuid references public.profiles (id) on delete restrict,
  acknowledged_at timestamptz,
  acknowledgement_note text check (acknowledgement_note is null or length(acknowledgement_note) <= 1000),
  version integer not null default 1 check (version > 0),
  unique (outgoing_id, change_at),
  check ((incoming_id is null) = (acknowledged_at is null)),
  check (incoming_id is null or incoming_id <> outgoing_id)
);
comment on table public.shift_handovers is
  'Serah terima: the outgoing supervisor''s note for a shift change and the incoming one''s acknowledgement; immutable once acknowledged, never deleted.';
comment on column public.shift_handovers.change_at is 'The shift change the note is for: the end of the outgoing supervisor''s shift.';
comment on column public.shift_handovers.open_incidents is 'Open incidents when the note was last saved (what the outgoing supervisor handed over).';
create index shift_handovers_change_at_idx on public.shift_handovers (change_at desc);

revoke all on table public.shift_settings, public.shift_handovers from public, anon, authenticated, service_role;
grant select on table public.shift_settings, public.shift_handovers to authenticated, service_role;
alter table public.shift_settings enable row level security;
alter table public.shift_handovers enable row level security;
create policy "staff read the shift schedule" on public.shift_settings
  for select to authenticated
  using ((select private.my_role()) in ('operator', 'supervisor', 'leadership', 'admin'));
-- Notes may name callers and addresses, so they stay with the supervisors (and admins, who audit).
create policy "supervisors and admins read handovers" on public.shift_handovers
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'admin'));

create function private.refuse_acknowledged_handover_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' or old.acknowledged_at is not null then
    raise exception using errcode = 'P0001', message = 'handover_immutable',
      hint = 'An acknowledged handover cannot change, and no handover is deleted.';
  end if;
  return new;
end;
$$;
revoke all on function private.refuse_acknowledged_handover_change() from public;
create trigger shift_handovers_immutable before update or delete on public.shift_handovers
  for each row execute function private.refuse_acknowledged_handover_change();
create trigger shift_handovers_no_truncate before truncate on public.shift_handovers
  for each statement execute function private.refuse_audit_change();

alter publication supabase_realtime add table public.shift_handovers;

-- What a handover hands over, counted when it is saved: open tickets, assignments no agency has
-- acknowledged yet, nuisance blocks in force.
create function private.handover_counts(out open_incidents integer, out waiting integer, out blocked integer)
language sql
stable
set search_path = ''
as $$
  select
    (select count(*)::int from public.incidents i where i.status not in ('closed', 'cancelled')),
    (select count(*)::int from public.assignments a where a.status = 'assigned'),
    (select count(*)::int from public.blocked_numbers b where b.status = 'approved' and b.expires_at > now())
$$;
revoke all on function private.handover_counts() from public;

-- The outgoing supervisor's note for the change that ends the current shift: written once, then
-- rewritten (version-checked) until an incoming supervisor acknowledges it.
create function public.write_handover(p_note text, p_expected_version integer default null) returns public.shift_handovers
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_note text;
  v_shift record;
  v_counts record;
  v_row public.shift_handovers;
  v_me uuid := auth.uid();
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  v_note := private.require_text(p_note, 'note_required', 'Write what the next shift must know.');
  if length(v_note) > 4000 then
    perform private.fail('note_too_long', 'The handover note may be at most 4000 characters.');
  end if;
  select * into v_shift from private.shift_bounds(now());
  select * into v_counts from private.handover_counts();
  select * into v_row from public.shift_handovers h
  where h.outgoing_id = v_me and h.change_at = v_shift.ends_at for update;
  if not found then
    insert into public.shift_handovers (shift_started_at, change_at, outgoing_id, note,
      open_incidents, waiting_acknowledgements, blocked_numbers)
    values (v_shift.starts_at, v_shift.ends_at, v_me, v_note, v_counts.open_incidents, v_counts.waiting, v_counts.blocked)
    returning * into v_row;
    return v_row;
  end if;
  if v_row.acknowledged_at is not null then
    perform private.fail('handover_immutable', 'This handover has been acknowledged and cannot change.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'The handover changed meanwhile; reload and try again.', 'current version ' || v_row.version);
  end if;
  update public.shift_handovers h set note = v_note, written_at = now(), version = h.version + 1,
    open_incidents = v_counts.open_incidents, waiting_acknowledgements = v_counts.waiting, blocked_numbers = v_counts.blocked
  where h.id = v_row.id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function public.write_handover(text, integer) is
  'Supervisor: writes (or rewrites, version-checked, until acknowledged) the handover note for the change ending the current shift.';

create function public.acknowledge_handover(p_id uuid, p_note text, p_expected_version integer) returns public.shift_handovers
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.shift_handovers;
begin
  perform private.require_role(array['supervisor']::public.app_role[]);
  if p_note is not null and length(p_note) > 1000 then
    perform private.fail('note_too_long', 'The acknowledgement note may be at most 1000 characters.');
  end if;
  select * into v_row from public.shift_handovers h where h.id = p_id for update;
  if not found then
    perform private.fail('handover_not_found', 'The handover does not exist.');
  end if;
  if v_row.outgoing_id = auth.uid() then
    perform private.fail('own_handover', 'The incoming supervisor acknowledges a handover, not its writer.');
  end if;
  if v_row.acknowledged_at is not null then
    perform private.fail('handover_immutable', 'This handover has already been acknowledged.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'The outgoing supervisor changed the note meanwhile; read it again.', 'current version ' || v_row.version);
  end if;
  update public.shift_handovers h set incoming_id = auth.uid(), acknowledged_at = now(),
    acknowledgement_note = nullif(btrim(coalesce(p_note, '')), ''), version = h.version + 1
  where h.id = p_id
  returning * into v_row;
  return v_row;
end;
$$;
comment on function public.acknowledge_handover(uuid, text, integer) is
  'Supervisor (not the writer): acknowledges the version of the handover they read; it is immutable from then on.';

revoke all on function public.current_shift() from public, anon;
revoke all on function public.set_shift_schedule(integer[], integer) from public, anon;
revoke all on function public.write_handover(text, integer) from public, anon;
revoke all on function public.acknowledge_handover(uuid, text, integer) from public, anon;
grant execute on function public.current_shift() to authenticated;
grant execute on function public.set_shift_schedule(integer[], integer) to authenticated, service_role;
grant execute on function public.write_handover(text, integer) to authenticated;
grant execute on function public.acknowledge_handover(uuid, text, integer) to authenticated;
