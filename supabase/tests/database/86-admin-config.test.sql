-- The admin's configuration functions (agencies, posts, run cards): allowed for admins and refused
-- for every other role, validation with refusal codes that change nothing, version checks between
-- two admins, one admin_events row per change with before/after, and what dispatch sees of it.
begin;
\ir helpers/test-helpers.psql
select plan(48 + 40);

select tests.build_world();
-- Agencies there are before any create is tried (the fixture's three, and a seeded database's own).
create temp table agencies_before as select count(*)::int as n from public.agencies;

-- every function × every role ------------------------------------------------------------------
create temp table admin_calls (fn text, sql text);
insert into admin_calls values
  ('admin_create_agency', $$select public.admin_create_agency('NEWX', 'Agensi baru', 'other', '(0254) 1', '#123abc')$$),
  ('admin_update_agency', $$select public.admin_update_agency({agc}, 'AGC', 'Nama baru', 'other', null, null, 1)$$),
  ('admin_set_agency_active', $$select public.admin_set_agency_active({agc}, false, 1)$$),
  ('admin_create_post', $$select public.admin_create_post({aga}, 'Pos baru', 'fire_station', -6.01, 106.02)$$),
  ('admin_update_post', $$select public.admin_update_post({post1}, {aga}, 'Pos ganti nama', 'fire_station', null, 1)$$),
  ('admin_move_post', $$select public.admin_move_post({post1}, -6.02, 106.03, 1)$$),
  ('admin_set_post_active', $$select public.admin_set_post_active({post1}, false, 1)$$),
  ('admin_set_run_card', $$select public.admin_set_run_card('fire', array['medical']::public.agency_kind[], array['fire']::public.agency_kind[], 1)$$);
create temp table admin_roles (role text, expected text);
insert into admin_roles values
  ('admin', 'ok'), ('operator', 'forbidden_role'), ('supervisor', 'forbidden_role'), ('opd_own', 'forbidden_role'),
  ('leadership', 'forbidden_role'), ('anon', 'error:42501');

select is(
  tests.try_as(case when r.role = 'anon' then null else tests.id(r.role) end, tests.fill(c.sql)),
  r.expected,
  format('%s: %s → %s', c.fn, r.role, r.expected)
)
from admin_calls c cross join admin_roles r
order by c.fn, r.role;

-- agencies -------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('aga', 'Dobel', 'fire')$$),
  'code_taken', 'a code another agency has is refused (compared after upper-casing)');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('A B', 'Spasi', 'fire')$$),
  'invalid_code', 'a code with a space is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('NEWY', '   ', 'fire')$$),
  'name_required', 'a blank name is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('NEWY', 'Telp', 'fire', 'satu dua')$$),
  'invalid_phone', 'a phone number with letters is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('NEWY', 'Warna', 'fire', null, 'red')$$),
  'invalid_color', 'a colour that is not #rrggbb is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_create_agency('NEWY', 'Jenis', null)$$),
  'invalid_state', 'an agency without kind is refused');
select is((select count(*)::int from public.agencies), (select n from agencies_before), 'no refused create left an agency behind');
select is((select count(*)::int from public.admin_events), 0, 'and no admin event');

select is(
  tests.run_as(tests.id('admin'), $$select * from public.admin_create_agency(' dishub2 ', ' Dishub Dua ', 'transport', ' 0254 1 ', '#ABCDEF')$$)
    - array['id', 'created_at', 'updated_at'],
  '{"code": "DISHUB2", "name": "Dishub Dua", "kind": "transport", "phone": "0254 1", "color": "#abcdef", "active": true, "version": 1}'::jsonb,
  'a new agency is stored trimmed, its code upper-cased and its colour lower-cased'
);
select results_eq(
  $$ select kind, target_table, actor_id, before is null, after ->> 'code' from public.admin_events $$,
  $$ values ('agency.created'::text, 'agencies'::text, tests.id('admin'), true, 'DISHUB2'::text) $$,
  'creating writes agency.created with the admin and the new row'
);

select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_agency({agc}, 'AGA', 'X', 'other', null, null, 1)$$)),
  'code_taken', 'renaming a code to another agency''s is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_agency({agc}, 'AGC', 'X', 'other', null, null, 7)$$)),
  'stale_version', 'an edit on an old version is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_update_agency(gen_random_uuid(), 'AGZ', 'X', 'other', null, null, 1)$$),
  'agency_not_found', 'an edit of an unknown agency is refused');

select is(
  (tests.run_as(tests.id('admin'), $$select * from public.admin_update_agency({agc}, 'AGC', 'Agensi C', 'social', '112', null, 1)$$)) ->> 'version',
  '2', 'an edit bumps the version'
);
select results_eq(
  $$ select before ->> 'name', after ->> 'name', before ->> 'kind', after ->> 'kind', (before ->> 'version')::int, (after ->> 'version')::int
     from public.admin_events where kind = 'agency.updated' $$,
  $$ values ('Test agency AGC'::text, 'Agensi C'::text, 'other'::text, 'social'::text, 1, 2) $$,
  'the edit is recorded with the row before and after'
);
-- The second admin still holds version 1: the clear conflict, and the first admin's edit stays.
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_update_agency({agc}, 'AGC', 'Tertimpa', 'other', null, null, 1)$$)),
  'stale_version', 'the second of two admins editing the same version gets the conflict');
select is((select name from public.agencies where id = tests.id('agc')), 'Agensi C', 'and the first admin''s edit stands');

-- Deactivation: kept, refused by dispatch.
select is(
  (tests.run_as(tests.id('admin'), $$select * from public.admin_set_agency_active({agc}, false, 2)$$)) ->> 'active',
  'false', 'an admin deactivates an agency');
select is((select count(*)::int from public.admin_events where kind = 'agency.deactivated'), 1, 'deactivation is recorded');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_set_agency_active({agc}, false, 3)$$)),
  'invalid_state', 'deactivating an inactive agency again is refused');
select is(tests.try_as(tests.id('supervisor'), tests.fill(format('select public.add_agency({inc1}, {agc}, %s)', tests.iv('inc1')))),
  'agency_inactive', 'dispatch refuses the deactivated agency');

-- posts ----------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_post({agc}, 'Pos C', 'other', -6.0, 106.0)$$)),
  'agency_inactive', 'a post of an inactive agency is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_post({aga}, 'Pos laut', 'other', -6.0, 105.8)$$)),
  'location_out_of_area', 'a post outside the service area is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_create_post({aga}, '', 'other', -6.0, 106.0)$$)),
  'name_required', 'a post without name is refused');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_move_post({post1}, -5.81, 106.0, 1)$$)),
  'location_out_of_area', 'moving a post out of the service area is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_move_post(gen_random_uuid(), -6.0, 106.0, 1)$$),
  'post_not_found', 'moving an unknown post is refused');
select results_eq($$ select lat, lng, version from public.agency_posts where id = tests.id('post1') $$,
  $$ values (-6.0::double precision, 106.02::double precision, 1) $$, 'the refused moves changed nothing');

select is(
  (tests.run_as(tests.id('admin'), $$select * from public.admin_move_post({post1}, -6.03, 106.04, 1)$$)) ->> 'version',
  '2', 'an admin moves a post; the version grows');
select results_eq(
  $$ select (before ->> 'lat')::float8, (after ->> 'lat')::float8, (after ->> 'lng')::float8, target_id
     from public.admin_events where kind = 'post.moved' $$,
  $$ values (-6.0::float8, -6.03::float8, 106.04::float8, tests.id('post1')::text) $$,
  'the move is recorded with the place before and after');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.admin_move_post({post1}, -6.01, 106.01, 1)$$)),
  'stale_version', 'a second admin dragging the old version gets the conflict');

select is(
  (tests.run_as(tests.id('admin'), $$select * from public.admin_set_post_active({post1}, false, 2)$$)) ->> 'active',
  'false', 'an admin deactivates a post');

-- run cards ------------------------------------------------------------------------------------
select is((select count(*)::int from public.run_cards), (select count(*)::int from unnest(enum_range(null::public.incident_category))),
  'every incident category has a run card');
select is((select lead_kinds::text from public.run_cards where category = 'fire'), '{fire}', 'a fire is led by the fire brigade by default');
select is(tests.try_as(tests.id('admin'), $$select public.admin_set_run_card('fire', '{}', array['medical']::public.agency_kind[], 1)$$),
  'lead_kinds_required', 'a run card without lead kind is refused');
select is(tests.try_as(tests.id('admin'), $$select public.admin_set_run_card('fire', array['fire', 'medical']::public.agency_kind[], array['medical']::public.agency_kind[], 1)$$),
  'kinds_overlap', 'a kind both leading and supporting is refused');
select is(
  tests.run_as(tests.id('admin'), $$select lead_kinds, support_kinds, version from public.admin_set_run_card('fire', array['medical', 'fire', 'medical']::public.agency_kind[], array['police']::public.agency_kind[], 1)$$),
  '{"lead_kinds": ["fire", "medical"], "support_kinds": ["police"], "version": 2}'::jsonb,
  'a run card is saved with each kind once, in enum order, and a new version');
select results_eq(
  $$ select target_id, before -> 'lead_kinds', after -> 'lead_kinds' from public.admin_events where kind = 'run_card.changed' $$,
  $$ values ('fire'::text, '["fire"]'::jsonb, '["fire", "medical"]'::jsonb) $$,
  'the run card change is recorded with before and after');
select is(tests.try_as(tests.id('admin'), $$select public.admin_set_run_card('fire', array['police']::public.agency_kind[], '{}', 1)$$),
  'stale_version', 'a run card saved on an old version is refused');

-- the trail and live updates -------------------------------------------------------------------
select is((select count(*)::int from public.admin_events where actor_id = tests.id('admin')), 6,
  'each successful change wrote exactly one admin event');
select set_eq(
  $$ select tablename::text from pg_publication_tables where pubname = 'supabase_realtime'
     and tablename in ('agencies', 'agency_posts', 'run_cards') $$,
  array['agencies', 'agency_posts', 'run_cards'],
  'agencies, posts and run cards are in the realtime publication');

select * from finish();
rollback;
