-- Liaison location (issue #18 §3): report_assignment_position stores a position only from the
-- assigned agency's liaison while its assignment is en route or on scene, inside Kota Cilegon, with a
-- bounded accuracy and time, at most one per 5 s, once per (assignment, seq); who reads positions
-- (every role, "0 rows" told from 42501); the latest position per active assignment; and
-- run_retention deleting the positions of incidents ended longer than the incident period ago.
begin;
\ir helpers/test-helpers.psql
select plan(81);

select tests.build_world();

create function pg_temp.report(p_seq integer, p_lat double precision, p_lng double precision, p_acc double precision, p_at text,
                               p_assignment text default 'asg1')
returns text language sql as $$
  select tests.fill(format('select * from public.report_assignment_position({%s}, %s, %s, %s, %s, %s)',
    p_assignment, coalesce(p_seq::text, 'null'), p_lat, p_lng, coalesce(p_acc::text, 'null'), p_at))
$$;

-- before the unit sets off ---------------------------------------------------------------------------
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'now()')), 'invalid_state',
  'nothing is stored while the assignment is only assigned');
select tests.run_as(tests.id('opd_own'), format('select * from public.acknowledge_assignment(%L, %s)', tests.id('asg1'), tests.av('asg1')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'now()')), 'invalid_state',
  'nor once it is acknowledged, before "Berangkat"');
select tests.run_as(tests.id('opd_own'), format('select * from public.mark_en_route(%L, %s)', tests.id('asg1'), tests.av('asg1')));

-- who may report -------------------------------------------------------------------------------------
select is(tests.try_as(null, pg_temp.report(1, -6.0, 106.02, 10, 'now()')), 'error:42501', 'anon may not report a position');
select is(tests.try_as(tests.id(r.role), pg_temp.report(1, -6.0, 106.02, 10, 'now()')), 'forbidden_role', r.role || ' may not report a position')
from (values ('operator'), ('supervisor'), ('leadership'), ('admin')) r (role);
select is(tests.try_as(tests.id('opd_other'), pg_temp.report(1, -6.0, 106.02, 10, 'now()')), 'wrong_agency',
  'the liaison of another agency may not report for this assignment');
select is(tests.try_as(tests.id('opd_own'), 'select public.report_assignment_position(gen_random_uuid(), 1, -6.0, 106.02, 10, now())'),
  'assignment_not_found', 'an unknown assignment is refused');

-- bounds -------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.2, 106.02, 10, 'now()')), 'location_out_of_area', 'south of the service area is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.5, 10, 'now()')), 'location_out_of_area', 'east of it is refused');
select is(tests.try_as(tests.id('opd_own'), tests.fill('select public.report_assignment_position({asg1}, 1, ''NaN'', 106.02, 10, now())')),
  'location_out_of_area', 'NaN is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 0, 'now()')), 'invalid_accuracy', 'accuracy 0 m is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 501, 'now()')), 'invalid_accuracy', 'a fix worse than 500 m is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, null, 'now()')), 'invalid_accuracy', 'a fix without accuracy is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'now() + interval ''31 seconds''')), 'position_in_future',
  'a fix dated more than 30 s ahead is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'null')), 'position_in_future', 'a fix without time is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'now() - interval ''31 seconds''')), 'position_too_old',
  'a fix from before the unit set off is refused');
update public.assignments set en_route_at = now() - interval '20 minutes', acknowledged_at = now() - interval '21 minutes',
  assigned_at = now() - interval '22 minutes' where id = tests.id('asg1');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.02, 10, 'now() - interval ''601 seconds''')), 'position_too_old',
  'a fix older than 10 minutes is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(0, -6.0, 106.02, 10, 'now()')), 'position_out_of_order', 'seq starts at 1');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(null, -6.0, 106.02, 10, 'now()')), 'position_out_of_order', 'seq is required');
select is((select count(*)::int from public.assignment_positions), 0, 'no refused report left a row');

-- stored once, in order, at most one per 5 s -----------------------------------------------------------
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(1, -6.01, 106.01, 12.5, 'now() - interval ''60 seconds''')) ->> 'seq', '1',
  'the liaison reports its first position');
select ok((select received_at = now() and recorded_at = now() - interval '60 seconds' and accuracy_m = 12.5 and lat = -6.01
           from public.assignment_positions where seq = 1), 'stored with the phone''s time and the database''s');
insert into tests.world select 'pos1', id from public.assignment_positions where seq = 1;
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(1, -6.05, 106.05, 99, 'now() - interval ''50 seconds''')) ->> 'id',
  tests.id('pos1')::text, 'the same seq sent again answers the stored row');
select is((select count(*)::int || '/' || min(lat) from public.assignment_positions), '1/-6.01', 'and stores nothing new');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(2, -6.01, 106.01, 10, 'now() - interval ''56 seconds''')), 'position_rate_limited',
  'a position 4 s after the previous one is refused');
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(2, -6.009, 106.012, 10, 'now() - interval ''55 seconds''')) ->> 'seq', '2',
  'one 5 s later is stored');
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(5, -6.007, 106.014, 10, 'now() - interval ''40 seconds''')) ->> 'seq', '5',
  'seq may skip numbers (a fix the phone dropped)');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(4, -6.008, 106.013, 10, 'now() - interval ''30 seconds''')), 'position_out_of_order',
  'a seq below the latest stored one is refused');
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(6, -6.006, 106.015, 10, 'now() - interval ''45 seconds''')), 'position_rate_limited',
  'a fix older than the latest stored one is refused');
select is((select string_agg(seq::text, ',' order by seq) from public.assignment_positions), '1,2,5', 'stored: 1, 2, 5');

-- who reads --------------------------------------------------------------------------------------
select is(tests.probe(null, 'select 1 from public.assignment_positions'), 'error:42501', 'anon is refused reading positions');
select is(tests.probe(tests.id(r.role), 'select 1 from public.assignment_positions'), r.outcome, r.role || ' reading positions → ' || r.outcome)
from (values ('operator', 'rows:0'), ('supervisor', 'rows:3'), ('leadership', 'rows:3'), ('admin', 'rows:0'),
             ('opd_own', 'rows:3'), ('opd_other', 'rows:0')) r (role, outcome);
select is(tests.probe(tests.id(r.role), tests.fill(r.sql)), 'error:42501', r.role || ': ' || r.op || ' directly is refused')
from (values ('opd_own'), ('opd_other'), ('operator'), ('supervisor'), ('leadership'), ('admin')) w (role)
cross join (values ('insert', 'insert into public.assignment_positions (assignment_id, seq, lat, lng, accuracy_m, recorded_at) values ({asg1}, 9, -6.0, 106.02, 5, now())'),
                   ('update', 'update public.assignment_positions set lat = -6.02'),
                   ('delete', 'delete from public.assignment_positions')) s (op, sql)
cross join lateral (select w.role, s.op, s.sql) r;
select is(tests.probe(null, tests.fill(s.sql)), 'error:42501', 'anon: ' || s.op || ' directly is refused')
from (values ('insert', 'insert into public.assignment_positions (assignment_id, seq, lat, lng, accuracy_m, recorded_at) values ({asg1}, 9, -6.0, 106.02, 5, now())'),
             ('update', 'update public.assignment_positions set lat = -6.02'),
             ('delete', 'delete from public.assignment_positions')) s (op, sql);
select tests.authenticate_as_service_role();
select is((select count(*)::int from public.assignment_positions), 3, 'the service role reads positions');
select tests.as_owner();
select is(tests.probe(tests.id('supervisor'), 'select 1 from public.latest_assignment_positions() where seq = 5'), 'rows:1',
  'the latest position per active assignment: seq 5');
select is(tests.probe(tests.id('supervisor'), 'select 1 from public.latest_assignment_positions()'), 'rows:1', 'one row per assignment');
select is(tests.probe(tests.id('operator'), 'select 1 from public.latest_assignment_positions()'), 'rows:0', 'an operator gets none');
select is(tests.probe(null, 'select 1 from public.latest_assignment_positions()'), 'error:42501', 'anon may not call it');

-- the realtime publication carries them to dispatch and the wall
select ok(exists (select from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'assignment_positions'),
  'positions are published for realtime');

-- on scene, then complete: nothing after ------------------------------------------------------------
select tests.run_as(tests.id('opd_own'), format('select * from public.mark_on_scene(%L, %s)', tests.id('asg1'), tests.av('asg1')));
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(6, -6.0, 106.03, 8, 'now() - interval ''20 seconds''')) ->> 'seq', '6',
  'positions are stored on scene too');
select tests.run_as(tests.id('opd_own'), format('select * from public.complete_assignment(%L, ''Api padam'', %s)', tests.id('asg1'), tests.av('asg1')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(7, -6.0, 106.03, 8, 'now()')), 'invalid_state', 'nothing is stored after completion');
select is(tests.run_as(tests.id('opd_own'), pg_temp.report(6, -6.0, 106.03, 8, 'now()')) ->> 'seq', '6',
  'a resend of a stored seq after completion still answers its row (the queue can forget it)');
select is(tests.probe(tests.id('supervisor'), 'select 1 from public.latest_assignment_positions()'), 'rows:0',
  'a completed assignment has no latest position on the map');

-- a cancelled incident stops them too
select tests.new_incident('inc2');
select tests.run_as(tests.id('supervisor'), format('select * from public.dispatch_incident(%L, array[%L]::uuid[], %s)', tests.id('inc2'), tests.id('aga'), tests.iv('inc2')));
select tests.name_assignment('asg2', 'inc2', 'aga');
select tests.run_as(tests.id('opd_own'), format('select * from public.acknowledge_assignment(%L, %s)', tests.id('asg2'), tests.av('asg2')));
select tests.run_as(tests.id('opd_own'), format('select * from public.mark_en_route(%L, %s)', tests.id('asg2'), tests.av('asg2')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.03, 8, 'now()', 'asg2')), 'ok', 'the second assignment en route may report');
select tests.run_as(tests.id('supervisor'), format('select * from public.cancel_incident(%L, ''Laporan palsu'', %s)', tests.id('inc2'), tests.iv('inc2')));
select is(tests.try_as(tests.id('opd_own'), pg_temp.report(1, -6.0, 106.03, 8, 'now()', 'asg2')), 'invalid_state',
  'once the incident is cancelled nothing is stored');

-- retention ----------------------------------------------------------------------------------------
-- On a seeded database older history may be due: the job takes it first, so the runs below count only this file's rows.
select tests.run_as(null, 'select public.run_retention() as job');
create function pg_temp.old_incident(p_name text, p_ticket text, p_closed_days integer) returns void language plpgsql as $$
declare
  v_at timestamptz := now() - make_interval(days => p_closed_days) - interval '2 hours';
  v_inc uuid;
  v_asg uuid;
begin
  insert into public.incidents (ticket_no, category, priority, description, lat, lng, kecamatan, status, reported_at, dispatched_at,
                                acknowledged_at, on_scene_at, resolved_at, closed_at, close_summary)
  values (p_ticket, 'fire', 'high', 'Kebakaran ' || p_name, -6.0, 106.03, 'Jombang', 'closed', v_at, v_at + interval '1 min',
          v_at + interval '2 min', v_at + interval '10 min', v_at + interval '1 hour', v_at + interval '2 hours', 'Selesai')
  returning id into v_inc;
  insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, en_route_at, on_scene_at, completed_at, report)
  values (v_inc, tests.id('aga'), 'completed', v_at + interval '1 min', v_at + interval '2 min', v_at + interval '3 min',
          v_at + interval '10 min', v_at + interval '1 hour', 'Selesai')
  returning id into v_asg;
  insert into public.assignment_positions (assignment_id, seq, lat, lng, accuracy_m, recorded_at, received_at)
  select v_asg, g, -6.0 + g * 0.001, 106.03, 10, v_at + make_interval(mins => 3, secs => g * 15), v_at + make_interval(mins => 3, secs => g * 15)
  from generate_series(1, 4) g;
  insert into tests.world values (p_name, v_inc);
end;
$$;
select pg_temp.old_incident('old_inc', '112-20230101-9101', 800);
select pg_temp.old_incident('held_inc', '112-20230101-9102', 800);
select pg_temp.old_incident('recent_inc', '112-20260101-9103', 30);
select tests.run_as(tests.id('supervisor'),
  format('select * from public.place_legal_hold(%L, ''Penyidikan kebakaran'', now() + interval ''90 days'')', tests.id('held_inc')));
create temp table positions_before as select count(*)::int as n from public.assignment_positions;

select is(tests.run_as(null, 'select public.run_retention() as job') -> 'job' -> 'positions_deleted', '4'::jsonb,
  'the job deletes the four positions of the incident closed 800 days ago');
select is((select count(*)::int from public.assignment_positions p join public.assignments a on a.id = p.assignment_id
           where a.incident_id = tests.id('old_inc')), 0, 'none of its positions is left');
select is((select count(*)::int from public.assignment_positions p join public.assignments a on a.id = p.assignment_id
           where a.incident_id = tests.id('held_inc')), 4, 'the held incident keeps its positions');
select is((select count(*)::int from public.assignment_positions p join public.assignments a on a.id = p.assignment_id
           where a.incident_id = tests.id('recent_inc')), 4, 'an incident closed 30 days ago keeps its positions');
select is((select count(*)::int from public.assignment_positions p where p.assignment_id = tests.id('asg1')), 4,
  'the positions of today''s incident are kept');
select is((select (e.after ->> 'positions_deleted')::int from public.admin_events e where e.kind = 'retention.run' order by e.id desc limit 1), 4,
  'the run is audited with how many positions it deleted');
create temp table second_run as select count(*) as events from public.admin_events;
select is(tests.run_as(null, 'select public.run_retention() as job') -> 'job' -> 'positions_deleted', '0'::jsonb, 'a second run deletes nothing');
select is((select count(*) from public.admin_events), (select events from second_run), 'and writes no audit row');
select is((select count(*)::int from public.assignment_positions), (select n - 4 from positions_before), 'exactly four rows went');

select * from finish();
rollback;
