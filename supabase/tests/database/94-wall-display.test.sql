-- profiles.wall_display (issue #17 bug 7): the wall PC's account lands on /wall by its profile.
-- Off by default, only on a leadership account, set by an admin and by nobody else, its own
-- holder included; every signed-in user reads their own flag (the landing page needs it).
begin;
\ir helpers/test-helpers.psql
select plan(10);

select tests.build_world();

select is((select count(*)::int from public.profiles p where p.wall_display and p.id in (select w.id from tests.world w)), 0, 'no account is a wall display by default');
select throws_ok(
  format($$update public.profiles set wall_display = true where id = %L$$, tests.id('supervisor')),
  '23514', null, 'only a leadership account can be the wall display');

-- who may set it ----------------------------------------------------------------------------------
select is(tests.probe(null, format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'error:42501', 'anon may not');
select is(tests.probe(tests.id('leadership'), format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'rows:0', 'the leadership account may not make itself the wall display');
select is(tests.probe(tests.id('supervisor'), format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'rows:0', 'a supervisor may not');
select is(tests.probe(tests.id('operator'), format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'rows:0', 'an operator may not');
select is(tests.probe(tests.id('opd_own'), format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'rows:0', 'an OPD liaison may not');
select is(tests.probe(tests.id('admin'), format($$update public.profiles set wall_display = true where id = %L$$, tests.id('leadership'))),
  'rows:1', 'an admin may');

-- who reads it ------------------------------------------------------------------------------------
update public.profiles set wall_display = true where id = tests.id('leadership');
select is(tests.run_as(tests.id('leadership'), format($$select wall_display from public.profiles where id = %L$$, tests.id('leadership'))) ->> 'wall_display',
  'true', 'the wall account reads its own flag');
select is(tests.probe(tests.id('operator'), format($$select 1 from public.profiles where id = %L and wall_display$$, tests.id('leadership'))),
  'rows:0', 'an operator does not read other profiles');

select * from finish();
rollback;
