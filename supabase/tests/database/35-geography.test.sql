-- The service area and the kecamatan list, defined once (private.in_service_area,
-- private.kecamatan_names) and enforced alike by report_incident, the table constraints and the
-- statistics: edges in, just outside out, every kecamatan in, anything else (case included) out.
begin;
\ir helpers/test-helpers.psql
select plan(47);

select tests.build_world();

-- private.in_service_area --------------------------------------------------------------------------
select ok(private.in_service_area(-6.002685, 106.011202), 'the city centre is in the area');
select ok(private.in_service_area(-6.12, 105.85), 'the south-west corner is in the area');
select ok(private.in_service_area(-6.12, 106.14), 'the south-east corner is in the area');
select ok(private.in_service_area(-5.82, 105.85), 'the north-west corner is in the area');
select ok(private.in_service_area(-5.82, 106.14), 'the north-east corner is in the area');
select ok(not private.in_service_area(-6.1200001, 106.0), 'just south of the area is outside');
select ok(not private.in_service_area(-5.8199999, 106.0), 'just north of the area is outside');
select ok(not private.in_service_area(-6.0, 105.8499999), 'just west of the area is outside');
select ok(not private.in_service_area(-6.0, 106.1400001), 'just east of the area is outside');
select ok(not private.in_service_area(-6.2, 106.85), 'Jakarta is outside');
select is(private.in_service_area(null, 106.0), false, 'a missing latitude is outside, not unknown');
select is(private.in_service_area(-6.0, null), false, 'a missing longitude is outside, not unknown');

-- private.kecamatan_names ----------------------------------------------------------------------------
select is(private.kecamatan_names(),
  array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan'],
  'the 8 kecamatan of Kota Cilegon, north to south-west');

-- report_incident -------------------------------------------------------------------------------------
-- An emergency call without incident; every attempt below is rolled back, so it stays unreported.
insert into tests.world
select 'g1', (tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0812 0000 1111', 'Pelapor')$$) ->> 'id')::uuid;
select lives_ok($$select tests.run_as(tests.id('operator'), 'select * from public.answer_call({g1}, tests.cv(''g1''))')$$, 'the call is answered');
select lives_ok($$select tests.run_as(tests.id('operator'), 'select * from public.classify_call({g1}, ''emergency'', tests.cv(''g1''))')$$,
  'the call is an emergency');

create temp table report_cases (lat double precision, lng double precision, kecamatan text, expected text, label text);
insert into report_cases values
  (-6.12, 105.85, null, 'ok', 'on the south-west corner'),
  (-6.12, 106.14, null, 'ok', 'on the south-east corner'),
  (-5.82, 105.85, null, 'ok', 'on the north-west corner'),
  (-5.82, 106.14, null, 'ok', 'on the north-east corner'),
  (-6.1200001, 106.0, null, 'location_out_of_area', 'just south of the area'),
  (-5.8199999, 106.0, null, 'location_out_of_area', 'just north of the area'),
  (-6.0, 105.8499999, null, 'location_out_of_area', 'just west of the area'),
  (-6.0, 106.1400001, null, 'location_out_of_area', 'just east of the area'),
  (null, 106.0, null, 'location_out_of_area', 'without latitude'),
  (-6.0, null, null, 'location_out_of_area', 'without longitude'),
  (-6.0, 106.0, 'Pulomerak', 'ok', 'in Pulomerak'),
  (-6.0, 106.0, 'Grogol', 'ok', 'in Grogol'),
  (-6.0, 106.0, 'Purwakarta', 'ok', 'in Purwakarta'),
  (-6.0, 106.0, 'Jombang', 'ok', 'in Jombang'),
  (-6.0, 106.0, 'Cilegon', 'ok', 'in Cilegon'),
  (-6.0, 106.0, 'Cibeber', 'ok', 'in Cibeber'),
  (-6.0, 106.0, 'Citangkil', 'ok', 'in Citangkil'),
  (-6.0, 106.0, 'Ciwandan', 'ok', 'in Ciwandan'),
  (-6.0, 106.0, 'Serang', 'invalid_kecamatan', 'in Serang (not a kecamatan of Cilegon)'),
  (-6.0, 106.0, 'pulomerak', 'invalid_kecamatan', 'in "pulomerak" (lower case)'),
  (-6.0, 106.0, 'CIWANDAN', 'invalid_kecamatan', 'in "CIWANDAN" (upper case)'),
  (-6.0, 106.0, ' Jombang', 'invalid_kecamatan', 'in " Jombang" (leading space)'),
  (-6.0, 106.0, '', 'invalid_kecamatan', 'with an empty kecamatan');

select is(
  tests.try_as(tests.id('operator'), format(
    $$select public.report_incident(tests.id('g1'), 'fire', 'Kebakaran', %s, %s, 'high', null, %s)$$,
    coalesce(c.lat::text, 'null'), coalesce(c.lng::text, 'null'), coalesce(quote_literal(c.kecamatan), 'null'))),
  c.expected,
  'report_incident ' || c.label || ': ' || c.expected)
from report_cases c;

-- table constraints (the owner bypasses the workflow functions, not the constraints) ---------------
select throws_ok(
  $$insert into public.incidents (ticket_no, category, description, lat, lng) values ('112-20261128-9001', 'fire', 'x', -6.1200001, 106.0)$$,
  '23514', null, 'an incident just south of the area breaks the table constraint');
select throws_ok(
  $$insert into public.incidents (ticket_no, category, description, lat, lng) values ('112-20261128-9002', 'fire', 'x', -6.0, 106.1400001)$$,
  '23514', null, 'an incident just east of the area breaks the table constraint');
select throws_ok(
  $$insert into public.incidents (ticket_no, category, description, lat, lng, kecamatan) values ('112-20261128-9003', 'fire', 'x', -6.0, 106.0, 'jombang')$$,
  '23514', null, 'a kecamatan in the wrong case breaks the table constraint');
select lives_ok(
  $$insert into public.incidents (ticket_no, category, description, lat, lng, kecamatan) values ('112-20261128-9004', 'fire', 'x', -5.82, 106.14, 'Ciwandan')$$,
  'an incident on the area''s corner in a known kecamatan is stored');
-- Admins place posts through admin_create_post / admin_move_post (86-admin-config), which check the
-- same box with private.in_service_area before the constraint would.
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_post(tests.id('aga'), 'Pos tepi', 'other', -6.12, 105.85)$$),
  'ok', 'an admin adds a post on the area''s corner');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_post(tests.id('aga'), 'Pos luar', 'other', -6.0, 105.8499999)$$),
  'location_out_of_area', 'an admin cannot add a post just west of the area');
select is(tests.try_as(tests.id('admin'), $$select public.admin_move_post(tests.id('post1'), -5.8199999, 106.0, 1)$$),
  'location_out_of_area', 'an admin cannot move a post just north of the area');
select throws_ok($$update public.agency_posts set lat = -5.8199999 where id = tests.id('post1')$$,
  '23514', null, 'the table constraint still holds a post inside the area');

-- statistics ---------------------------------------------------------------------------------------------
select tests.authenticate_as(tests.id('leadership'));
select is((select array_agg(s.kecamatan) from public.stats_incidents_by_kecamatan(now() - interval '1 day', now() + interval '1 minute') s),
  array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan'],
  'the statistics list every kecamatan in the city''s order');
select tests.as_owner();

select * from finish();
rollback;
