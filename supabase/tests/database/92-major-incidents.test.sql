-- Major-incident mode (issue #18 §1): the RLS matrix of major_incidents and major_incident_minutes
-- (every role × operation, "0 rows" told from 42501), who may declare, change and end one, the
-- area's validation and limits, the point test the console mirrors, the linked-calls-per-minute
-- rollup, the audit rows on the ticket, the end with the ticket, and the monthly report's figures.
begin;
\ir helpers/test-helpers.psql
select plan(56 + 57);

select tests.build_world();

-- A square of about 2 × 2 km around inc1 (-6.0, 106.03).
create temp table area (name text primary key, geo jsonb);
insert into area values
  ('square', '{"type":"Polygon","coordinates":[[[106.02,-6.01],[106.04,-6.01],[106.04,-5.99],[106.02,-5.99],[106.02,-6.01]]]}'),
  ('bigger', '{"type":"Polygon","coordinates":[[[106.0,-6.03],[106.06,-6.03],[106.06,-5.97],[106.0,-5.97],[106.0,-6.03]]]}'),
  ('point',  '{"type":"Point","coordinates":[106.03,-6.0]}'),
  ('open',   '{"type":"Polygon","coordinates":[[[106.02,-6.01],[106.04,-6.01],[106.04,-5.99],[106.02,-5.99]]]}'),
  ('outside','{"type":"Polygon","coordinates":[[[107.02,-6.01],[107.04,-6.01],[107.04,-5.99],[107.02,-6.01]]]}'),
  ('hole',   '{"type":"Polygon","coordinates":[[[106.02,-6.01],[106.04,-6.01],[106.04,-5.99],[106.02,-6.01]],[[106.03,-6.0],[106.031,-6.0],[106.031,-6.001],[106.03,-6.0]]]}'),
  ('strings','{"type":"Polygon","coordinates":[[["106.02","-6.01"],[106.04,-6.01],[106.04,-5.99],["106.02","-6.01"]]]}');
-- More than 16 KiB: 257 positions with long decimals would still be small, so pad with digits.
insert into area
select 'huge', jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(
  (select jsonb_agg(jsonb_build_array(106.02 + i * 0.000000123456789012345678901234, -6.01 + i * 0.000000123456789012345678901234) order by i)
   from generate_series(0, 254) i) || jsonb_build_array(jsonb_build_array(106.02, -6.01))));
update area set geo = jsonb_set(geo, '{coordinates,0,0}', '[106.02,-6.01]') where name = 'huge';
grant select on area to authenticated, anon;

create function tests.declare_sql(p_incident text, p_area text, p_title text default 'Ledakan pabrik kimia, Ciwandan',
  p_script text default 'Tanyakan lokasi dan korban; minta menjauh dari asap.') returns text
language sql stable as $$
  select format('select public.declare_major_incident(%L, %L, %L, %L, (select geo from area where name = %L))',
    tests.id(p_incident), p_title, 'chemical_explosion', p_script, p_area)
$$;
grant execute on function tests.declare_sql(text, text, text, text) to authenticated, anon;

-- An emergency call by the operator, linked to an incident; returns the call id.
create function tests.link_new_call(p_incident text) returns uuid
language plpgsql as $$
declare
  v_call public.calls;
begin
  perform tests.authenticate_as(tests.id('operator'));
  v_call := public.start_call(gen_random_uuid(), '0813 1111 2222', 'Warga');
  v_call := public.answer_call(v_call.id, v_call.version);
  v_call := public.classify_call(v_call.id, 'emergency', v_call.version);
  v_call := public.link_call_to_incident(v_call.id, tests.id(p_incident));
  perform tests.as_owner();
  return v_call.id;
end;
$$;

-- who may declare ---------------------------------------------------------------------------------
select is(tests.try_as(null, tests.declare_sql('inc1', 'square')), 'error:42501', 'anon may not declare');
select is(tests.try_as(tests.id('operator'), tests.declare_sql('inc1', 'square')), 'forbidden_role', 'an operator may not declare');
select is(tests.try_as(tests.id('opd_own'), tests.declare_sql('inc1', 'square')), 'forbidden_role', 'an OPD liaison may not declare');
select is(tests.try_as(tests.id('leadership'), tests.declare_sql('inc1', 'square')), 'forbidden_role', 'leadership may not declare');
select is(tests.try_as(tests.id('admin'), tests.declare_sql('inc1', 'square')), 'forbidden_role', 'an admin may not declare');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square')), 'ok', 'a supervisor may');

-- validation --------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'point')), 'area_invalid', 'a point is not an area');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'open')), 'area_invalid', 'an unclosed ring is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'outside')), 'area_invalid', 'an area outside the service area is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'hole')), 'area_invalid', 'a polygon with a hole is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'strings')), 'area_invalid', 'coordinates as strings are refused');
select ok((select octet_length(geo::text) > 16384 from area where name = 'huge'), 'the huge area is over 16 KiB');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'huge')), 'area_invalid', 'an area over 16 KiB is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square', 'ab')), 'title_invalid', 'a title under 3 characters is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square', 'Ledakan', '  ')), 'script_invalid', 'an empty script is refused');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square', 'Ledakan', repeat('x', 1001))), 'script_invalid', 'a script over 1000 characters is refused');
select is(tests.try_as(tests.id('supervisor'), format('select public.declare_major_incident(%L, %L, null, %L, (select geo from area where name = %L))',
  tests.id('inc1'), 'Ledakan', 'Skrip', 'square')), 'template_invalid', 'a template is required');
select is(tests.try_as(tests.id('supervisor'), format('select public.declare_major_incident(%L, %L, %L, %L, (select geo from area where name = %L))',
  gen_random_uuid(), 'Ledakan', 'other', 'Skrip', 'square')), 'incident_not_found', 'an unknown incident is refused');
select is((select count(*)::int from public.major_incidents), 0, 'refusals declare nothing');

-- a real declaration ------------------------------------------------------------------------------
insert into tests.world
select 'major1', (tests.run_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square')) -> 'declare_major_incident' ->> 'id')::uuid;
select ok((select status = 'active' and version = 1 and declared_by = tests.id('supervisor') and template = 'chemical_explosion'
           from public.major_incidents where id = tests.id('major1')), 'the major incident is active, with who declared it');
select is((select count(*)::int from public.incident_events
           where incident_id = tests.id('inc1') and kind = 'major_declared' and actor_id = tests.id('supervisor')
             and data ->> 'major_incident_id' = tests.id('major1')::text), 1, 'one major_declared event on the ticket');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'bigger')), 'major_already_declared',
  'the same ticket cannot be declared twice while active');

-- the point test (the console mirrors it) -------------------------------------------------------
select is(tests.probe(tests.id('operator'), $$select * from public.major_incidents_at(-6.0, 106.03)$$), 'rows:1', 'a point inside the area finds it');
select is(tests.probe(tests.id('operator'), $$select * from public.major_incidents_at(-6.0, 106.05)$$), 'rows:0', 'a point east of it does not');
select is(tests.probe(tests.id('operator'), $$select * from public.major_incidents_at(-6.02, 106.03)$$), 'rows:0', 'a point south of it does not');
select is(tests.try_as(tests.id('leadership'), $$select * from public.major_incidents_at(-6.0, 106.03)$$), 'forbidden_role', 'leadership does not take calls');
select is(tests.try_as(null, $$select * from public.major_incidents_at(-6.0, 106.03)$$), 'error:42501', 'anon may not ask');

-- linked calls per minute -------------------------------------------------------------------------
select tests.link_new_call('inc1');
select is((select sum(calls)::int from public.major_incident_minutes where major_incident_id = tests.id('major1')), 1, 'a linked call counts in its minute');
select tests.link_new_call('inc1');
select is((select (sum(calls), max(version))::text from public.major_incident_minutes where major_incident_id = tests.id('major1')), '(2,2)',
  'a second call in the same minute bumps the count and the version');
select tests.new_incident('inc2', 'fire', -6.05, 106.0);
select tests.link_new_call('inc2');
select is((select sum(calls)::int from public.major_incident_minutes), 2, 'calls linked to another ticket do not count');

-- the RLS matrix ----------------------------------------------------------------------------------
create temp table probe_sql (tab text, op text, sql text, primary key (tab, op));
insert into probe_sql values
  ('major_incidents', 'select', 'select 1 from public.major_incidents where id = {major1}'),
  ('major_incidents', 'insert', 'insert into public.major_incidents (incident_id, title, template, script, area) select {inc2}, ''Judul'', ''other'', ''Skrip'', geo from area where name = ''square'''),
  ('major_incidents', 'update', 'update public.major_incidents set title = ''Diubah'' where id = {major1}'),
  ('major_incidents', 'delete', 'delete from public.major_incidents where id = {major1}'),
  ('major_incident_minutes', 'select', 'select 1 from public.major_incident_minutes where major_incident_id = {major1}'),
  ('major_incident_minutes', 'insert', 'insert into public.major_incident_minutes (major_incident_id, minute, calls) values ({major1}, now() + interval ''5 minutes'', 1)'),
  ('major_incident_minutes', 'update', 'update public.major_incident_minutes set calls = 99 where major_incident_id = {major1}'),
  ('major_incident_minutes', 'delete', 'delete from public.major_incident_minutes where major_incident_id = {major1}');

create temp table matrix (tab text, role text, s text, i text, u text, d text);
insert into matrix values
  ('major_incidents',        'anon',       'D', 'D', 'D', 'D'),
  ('major_incidents',        'operator',   '1', 'D', 'D', 'D'),
  ('major_incidents',        'supervisor', '1', 'D', 'D', 'D'),
  ('major_incidents',        'opd_own',    '0', 'D', 'D', 'D'),
  ('major_incidents',        'opd_other',  '0', 'D', 'D', 'D'),
  ('major_incidents',        'leadership', '1', 'D', 'D', 'D'),
  ('major_incidents',        'admin',      '1', 'D', 'D', 'D'),
  ('major_incident_minutes', 'anon',       'D', 'D', 'D', 'D'),
  ('major_incident_minutes', 'operator',   '0', 'D', 'D', 'D'),
  ('major_incident_minutes', 'supervisor', '1', 'D', 'D', 'D'),
  ('major_incident_minutes', 'opd_own',    '0', 'D', 'D', 'D'),
  ('major_incident_minutes', 'opd_other',  '0', 'D', 'D', 'D'),
  ('major_incident_minutes', 'leadership', '1', 'D', 'D', 'D'),
  ('major_incident_minutes', 'admin',      '1', 'D', 'D', 'D');

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

-- change ------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), format('select public.change_major_incident(%L, %L, %L, (select geo from area where name = %L), 1)',
  tests.id('major1'), 'Ledakan besar', 'Skrip baru', 'bigger')), 'forbidden_role', 'an operator may not change it');
select is(tests.try_as(tests.id('supervisor'), format('select public.change_major_incident(%L, %L, %L, (select geo from area where name = %L), 7)',
  tests.id('major1'), 'Ledakan besar', 'Skrip baru', 'bigger')), 'stale_version', 'a change against an old version is refused');
select is(tests.try_as(tests.id('supervisor'), format('select public.change_major_incident(%L, %L, %L, (select geo from area where name = %L), 1)',
  tests.id('major1'), 'Ledakan besar', 'Skrip baru', 'open')), 'area_invalid', 'a change to an invalid area is refused');
select is(tests.run_as(tests.id('supervisor'), format('select * from public.change_major_incident(%L, %L, %L, (select geo from area where name = %L), 1)',
  tests.id('major1'), 'Ledakan besar', 'Skrip baru', 'bigger')) ->> 'version', '2', 'a supervisor changes the area, title and script');
select is(tests.probe(tests.id('operator'), $$select * from public.major_incidents_at(-6.0, 106.05)$$), 'rows:1', 'the bigger area now takes the point east of it');
select ok((select data -> 'before' ->> 'title' = 'Ledakan pabrik kimia, Ciwandan' and data -> 'after' ->> 'title' = 'Ledakan besar'
           from public.incident_events where incident_id = tests.id('inc1') and kind = 'major_changed'),
  'one major_changed event with the title before and after');

-- end ---------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('leadership'), format('select public.end_major_incident(%L, %L, 2)', tests.id('major1'), 'Selesai')),
  'forbidden_role', 'leadership may not end it');
select is(tests.try_as(tests.id('supervisor'), format('select public.end_major_incident(%L, %L, 2)', tests.id('major1'), ' ')),
  'reason_required', 'ending needs a reason');
select is(tests.try_as(tests.id('supervisor'), format('select public.end_major_incident(%L, %L, 1)', tests.id('major1'), 'Selesai')),
  'stale_version', 'ending against an old version is refused');
select is(tests.run_as(tests.id('supervisor'), format('select * from public.end_major_incident(%L, %L, 2)', tests.id('major1'), 'Api padam')) ->> 'status',
  'ended', 'a supervisor ends it');
select ok((select ended_by = tests.id('supervisor') and ended_at is not null and end_reason = 'Api padam' from public.major_incidents where id = tests.id('major1')),
  'who ended it, when and why are stored');
select is((select count(*)::int from public.incident_events where incident_id = tests.id('inc1') and kind = 'major_ended'), 1, 'one major_ended event');
select is(tests.try_as(tests.id('supervisor'), format('select public.change_major_incident(%L, %L, %L, (select geo from area where name = %L), 3)',
  tests.id('major1'), 'Lagi', 'Skrip', 'square')), 'invalid_state', 'an ended major incident cannot change');
select is(tests.probe(tests.id('operator'), $$select * from public.major_incidents_at(-6.0, 106.03)$$), 'rows:0', 'an ended area takes no more calls');
select tests.link_new_call('inc1');
select is((select sum(calls)::int from public.major_incident_minutes where major_incident_id = tests.id('major1')), 2, 'calls after the end are not counted');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square', 'Ledakan kedua')), 'ok', 'the ticket may be declared again once ended');

-- the ticket's end ends it ----------------------------------------------------------------------
insert into tests.world
select 'major2', (tests.run_as(tests.id('supervisor'), tests.declare_sql('inc2', 'square', 'Kebakaran gudang')) -> 'declare_major_incident' ->> 'id')::uuid;
select tests.run_as(tests.id('supervisor'), format('select * from public.cancel_incident(%L, %L, %s)', tests.id('inc2'), 'Laporan ganda', tests.iv('inc2')));
select is((select (status, end_reason)::text from public.major_incidents where id = tests.id('major2')), '(ended,incident_cancelled)',
  'cancelling the ticket ends its major incident');
select is((select count(*)::int from public.incident_events where incident_id = tests.id('inc2') and kind = 'major_ended'), 1, 'with a major_ended event');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc2', 'square')), 'invalid_state', 'a cancelled ticket cannot be declared');

-- at most five at once ------------------------------------------------------------------------------
select tests.new_incident('inc' || i, 'fire', -6.0, 106.03) from generate_series(3, 7) i;
select tests.run_as(tests.id('supervisor'), tests.declare_sql('inc' || i, 'square')) from generate_series(3, 7) i;
select is((select count(*)::int from public.major_incidents where status = 'active'), 5, 'five are active');
select is(tests.try_as(tests.id('supervisor'), tests.declare_sql('inc1', 'square')), 'too_many_major_incidents', 'a sixth is refused');

-- audit rows are append-only ----------------------------------------------------------------------
select is(tests.probe(tests.id('supervisor'), $$update public.incident_events set data = '{}' where kind = 'major_declared'$$), 'error:42501',
  'nobody rewrites a major_declared event');

-- the monthly report ------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), $$select * from public.stats_major_incidents(now() - interval '1 day', now() + interval '1 day')$$),
  'error:42501', 'operators get no statistics');
select is(tests.try_as(tests.id('leadership'), $$select * from public.stats_major_incidents(now(), now() - interval '1 day')$$),
  'invalid_range', 'a reversed range is refused');
select is(tests.try_as(tests.id('leadership'), $$select * from public.stats_major_incidents(now() - interval '500 days', now())$$),
  'invalid_range', 'a range over 400 days is refused');
select is(tests.probe(tests.id('leadership'), $$select * from public.stats_major_incidents(now() - interval '1 day', now() + interval '1 day')$$),
  'rows:7', 'leadership gets each major incident once');
select tests.authenticate_as(tests.id('leadership'));
create temp table report as select * from public.stats_major_incidents(now() - interval '1 day', now() + interval '1 day');
select tests.as_owner();
select is((select (s.calls, s.peak_calls_per_minute, s.agencies, s.dead)::text from report s where s.id = tests.id('major1')),
  '(4,2,1,0)', 'with every caller of its ticket, the peak minute, the agencies sent and no victims reported');

select * from finish();
rollback;
