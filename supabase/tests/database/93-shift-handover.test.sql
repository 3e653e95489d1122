-- Shift handover (issue #18 §4): the schedule (default 3 × 8 h WIB, admin-set, validated, audited),
-- the shift a moment belongs to, the outgoing supervisor's note with what it hands over, the
-- incoming supervisor's acknowledgement, immutability afterwards, and the RLS matrix of
-- shift_settings and shift_handovers (every role × operation, "0 rows" told from 42501).
begin;
\ir helpers/test-helpers.psql
select plan(56 + 47);

-- What a seeded database already has open, assigned and blocked, counted before the fixture exists.
create temp table counts_before as select * from private.handover_counts();
select tests.build_world();
insert into tests.world values ('supervisor2', tests.create_user('supervisor2@test.local', 'supervisor'));

-- the schedule ------------------------------------------------------------------------------------
select is((select start_hours from public.shift_settings), '{7,15,23}'::integer[], 'three 8-hour shifts by default');
select is((select (starts_at, ends_at)::text from private.shift_bounds('2026-12-02 10:00+07')),
  ('2026-12-02 07:00+07'::timestamptz, '2026-12-02 15:00+07'::timestamptz)::text, 'mid-morning is in the 07–15 shift');
select is((select (starts_at, ends_at)::text from private.shift_bounds('2026-12-02 03:00+07')),
  ('2026-12-01 23:00+07'::timestamptz, '2026-12-02 07:00+07'::timestamptz)::text, 'the small hours belong to the night shift that began the day before');
select is((select (starts_at, ends_at)::text from private.shift_bounds('2026-12-02 23:30+07')),
  ('2026-12-02 23:00+07'::timestamptz, '2026-12-03 07:00+07'::timestamptz)::text, 'late evening starts the night shift');
select is((select (starts_at, ends_at)::text from private.shift_bounds('2026-12-02 15:00+07')),
  ('2026-12-02 15:00+07'::timestamptz, '2026-12-02 23:00+07'::timestamptz)::text, 'the change itself belongs to the incoming shift');

select is(tests.try_as(null, $$select public.set_shift_schedule('{6,18}', 1)$$), 'error:42501', 'anon may not set the schedule');
select is(tests.try_as(tests.id('supervisor'), $$select public.set_shift_schedule('{6,18}', 1)$$), 'forbidden_role', 'a supervisor may not set it');
select is(tests.try_as(tests.id('leadership'), $$select public.set_shift_schedule('{6,18}', 1)$$), 'forbidden_role', 'leadership may not set it');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{15,7}', 1)$$), 'invalid_schedule', 'hours out of order are refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{7,9,20}', 1)$$), 'invalid_schedule', 'a 2-hour shift is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{2,10,23}', 1)$$), 'invalid_schedule', 'a 3-hour shift across midnight (23–02) is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{}', 1)$$), 'invalid_schedule', 'no shift at all is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{24}', 1)$$), 'invalid_schedule', 'hour 24 is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{0,4,8,12,16,20,22}', 1)$$), 'invalid_schedule', 'seven shifts are refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{7,null}', 1)$$), 'invalid_schedule', 'a missing hour is refused');
select is(tests.run_as(tests.id('admin'), $$select * from public.set_shift_schedule('{6,18}', 1)$$) ->> 'version', '2', 'an admin sets two 12-hour shifts');
select is((select (starts_at, ends_at)::text from private.shift_bounds('2026-12-02 10:00+07')),
  ('2026-12-02 06:00+07'::timestamptz, '2026-12-02 18:00+07'::timestamptz)::text, 'the new schedule is in force');
select ok((select count(*) = 1 and bool_and(actor_id = tests.id('admin') and before -> 'start_hours' = '[7,15,23]' and after -> 'start_hours' = '[6,18]')
           from public.admin_events where kind = 'shift_schedule.changed'), 'one admin_events row with the schedule before and after');
select is(tests.try_as(tests.id('admin'), $$select public.set_shift_schedule('{7,15,23}', 1)$$), 'stale_version', 'a save on an old version is refused');
select tests.run_as(tests.id('admin'), $$select * from public.set_shift_schedule('{7,15,23}', 2)$$);

select is(tests.try_as(null, $$select * from public.current_shift()$$), 'error:42501', 'anon has no shift');
select is(tests.try_as(tests.id('opd_own'), $$select * from public.current_shift()$$), 'forbidden_role', 'an OPD liaison has no shift here');
select is(tests.probe(tests.id('operator'), $$select * from public.current_shift() where now() >= starts_at and now() < ends_at$$), 'rows:1',
  'the current shift contains now');

-- the outgoing supervisor's note --------------------------------------------------------------------
select is(tests.try_as(null, $$select public.write_handover('Catatan')$$), 'error:42501', 'anon may not write a handover');
select is(tests.try_as(tests.id('operator'), $$select public.write_handover('Catatan')$$), 'forbidden_role', 'an operator may not');
select is(tests.try_as(tests.id('leadership'), $$select public.write_handover('Catatan')$$), 'forbidden_role', 'leadership may not');
select is(tests.try_as(tests.id('admin'), $$select public.write_handover('Catatan')$$), 'forbidden_role', 'an admin may not');
select is(tests.try_as(tests.id('supervisor'), $$select public.write_handover('   ')$$), 'note_required', 'an empty note is refused');
select is(tests.try_as(tests.id('supervisor'), format('select public.write_handover(%L)', repeat('x', 4001))), 'note_too_long', 'a note over 4000 characters is refused');
insert into tests.world
select 'hand1', (tests.run_as(tests.id('supervisor'), $$select * from public.write_handover('Kebakaran Jl. Mawar masih ditangani Damkar.')$$) ->> 'id')::uuid;
select ok((select outgoing_id = tests.id('supervisor') and version = 1 and change_at = (select ends_at from private.shift_bounds(now()))
                  and shift_started_at = (select starts_at from private.shift_bounds(now())) and written_at = now()
           from public.shift_handovers where id = tests.id('hand1')), 'the note is for the change that ends the current shift, with who wrote it and when');
select is((select (h.open_incidents - b.open_incidents, h.waiting_acknowledgements - b.waiting, h.blocked_numbers - b.blocked)::text
           from public.shift_handovers h, counts_before b where h.id = tests.id('hand1')),
  '(1,1,0)', 'it records what was handed over: the fixture''s one open incident and one assignment waiting, no block');
select is(tests.try_as(tests.id('supervisor'), $$select public.write_handover('Diubah')$$), 'stale_version', 'rewriting needs the version read');
select is(tests.run_as(tests.id('supervisor'), $$select * from public.write_handover('Kebakaran Jl. Mawar: Damkar di lokasi.', 1)$$) ->> 'version', '2',
  'the writer may rewrite it until it is acknowledged');
select is((select count(*)::int from public.shift_handovers), 1, 'still one handover per supervisor and change');

-- the RLS matrix ----------------------------------------------------------------------------------
create temp table probe_sql (tab text, op text, sql text, primary key (tab, op));
insert into probe_sql values
  ('shift_settings', 'select', 'select 1 from public.shift_settings'),
  ('shift_settings', 'insert', 'insert into public.shift_settings (id) values (true) on conflict do nothing'),
  ('shift_settings', 'update', 'update public.shift_settings set start_hours = ''{8,20}'''),
  ('shift_settings', 'delete', 'delete from public.shift_settings'),
  ('shift_handovers', 'select', 'select 1 from public.shift_handovers where id = {hand1}'),
  ('shift_handovers', 'insert', 'insert into public.shift_handovers (shift_started_at, change_at, outgoing_id, note, open_incidents, waiting_acknowledgements, blocked_numbers) values (now(), now() + interval ''1 hour'', {supervisor2}, ''x'', 0, 0, 0)'),
  ('shift_handovers', 'update', 'update public.shift_handovers set note = ''diubah'' where id = {hand1}'),
  ('shift_handovers', 'delete', 'delete from public.shift_handovers where id = {hand1}');

create temp table matrix (tab text, role text, s text, i text, u text, d text);
insert into matrix values
  ('shift_settings',  'anon',       'D', 'D', 'D', 'D'),
  ('shift_settings',  'operator',   '1', 'D', 'D', 'D'),
  ('shift_settings',  'supervisor', '1', 'D', 'D', 'D'),
  ('shift_settings',  'opd_own',    '0', 'D', 'D', 'D'),
  ('shift_settings',  'opd_other',  '0', 'D', 'D', 'D'),
  ('shift_settings',  'leadership', '1', 'D', 'D', 'D'),
  ('shift_settings',  'admin',      '1', 'D', 'D', 'D'),
  ('shift_handovers', 'anon',       'D', 'D', 'D', 'D'),
  ('shift_handovers', 'operator',   '0', 'D', 'D', 'D'),
  ('shift_handovers', 'supervisor', '1', 'D', 'D', 'D'),
  ('shift_handovers', 'opd_own',    '0', 'D', 'D', 'D'),
  ('shift_handovers', 'opd_other',  '0', 'D', 'D', 'D'),
  ('shift_handovers', 'leadership', '0', 'D', 'D', 'D'),
  ('shift_handovers', 'admin',      '1', 'D', 'D', 'D');

create temp table cells as
select m.tab, m.role, o.op, p.sql,
       case when o.v = 'D' then 'error:42501' else 'rows:' || o.v end as expected, o.ord
from matrix m
cross join lateral (values ('select', m.s, 1), ('insert', m.i, 2), ('update', m.u, 3), ('delete', m.d, 4)) o (op, v, ord)
join probe_sql p on p.tab = m.tab and p.op = o.op;

select is(
  tests.probe(case when c.role = 'anon' then null else tests.id(c.role) end, tests.fill(c.sql)),
  c.expected,
  format('%s %s %s → %s', c.role, c.op, c.tab, c.expected)
)
from cells c
order by c.tab, c.role, c.ord;
select diag('rls matrix cells: ' || (select count(*) from cells));

-- the incoming supervisor's acknowledgement -------------------------------------------------------
select is(tests.try_as(tests.id('operator'), format('select public.acknowledge_handover(%L, null, 2)', tests.id('hand1'))), 'forbidden_role', 'an operator may not acknowledge');
select is(tests.try_as(tests.id('leadership'), format('select public.acknowledge_handover(%L, null, 2)', tests.id('hand1'))), 'forbidden_role', 'leadership may not acknowledge');
select is(tests.try_as(null, format('select public.acknowledge_handover(%L, null, 2)', tests.id('hand1'))), 'error:42501', 'anon may not acknowledge');
select is(tests.try_as(tests.id('supervisor'), format('select public.acknowledge_handover(%L, null, 2)', tests.id('hand1'))), 'own_handover', 'the writer may not acknowledge their own note');
select is(tests.try_as(tests.id('supervisor2'), format('select public.acknowledge_handover(%L, null, 1)', tests.id('hand1'))), 'stale_version',
  'an acknowledgement of a version the writer since replaced is refused');
select is(tests.try_as(tests.id('supervisor2'), format('select public.acknowledge_handover(%L, %L, 2)', tests.id('hand1'), repeat('x', 1001))), 'note_too_long',
  'an acknowledgement note over 1000 characters is refused');
select is(tests.try_as(tests.id('supervisor2'), format('select public.acknowledge_handover(%L, null, 2)', gen_random_uuid())), 'handover_not_found', 'an unknown handover is refused');
select is(tests.run_as(tests.id('supervisor2'), format('select * from public.acknowledge_handover(%L, %L, 2)', tests.id('hand1'), 'Diterima')) ->> 'version', '3',
  'the incoming supervisor acknowledges it');
select ok((select incoming_id = tests.id('supervisor2') and acknowledged_at = now() and acknowledgement_note = 'Diterima'
           from public.shift_handovers where id = tests.id('hand1')), 'who acknowledged it and when are recorded');

-- immutable afterwards ----------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), $$select public.write_handover('Lagi', 3)$$), 'handover_immutable', 'the writer can no longer change it');
select is(tests.try_as(tests.id('supervisor2'), format('select public.acknowledge_handover(%L, null, 3)', tests.id('hand1'))), 'handover_immutable', 'nor can it be acknowledged twice');
select throws_ok(format($$update public.shift_handovers set note = 'x' where id = %L$$, tests.id('hand1')), 'P0001', 'handover_immutable',
  'not even the table owner may rewrite an acknowledged handover');
select throws_ok(format($$delete from public.shift_handovers where id = %L$$, tests.id('hand1')), 'P0001', 'handover_immutable',
  'nor delete it');
select ok((select note = 'Kebakaran Jl. Mawar: Damkar di lokasi.' and version = 3 from public.shift_handovers where id = tests.id('hand1')), 'the acknowledged note is as it was read');

select * from finish();
rollback;
