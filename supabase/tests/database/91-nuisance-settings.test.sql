-- The admin's change of the nuisance-number rules (issue #16 §5 under the issue #13 rules): admins
-- only, every other role refused, bounds checked, a version check against a second admin, and one
-- admin_events row with the rules before and after.
begin;
\ir helpers/test-helpers.psql
select plan(20);

select tests.build_world();

select is((select version from public.nuisance_settings), 1, 'the settings row starts at version 1');

-- who may ---------------------------------------------------------------------------------------
select is(tests.try_as(null, $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'error:42501', 'anon may not call it');
select is(tests.try_as(tests.id('operator'), $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'forbidden_role', 'an operator may not change the rules');
select is(tests.try_as(tests.id('supervisor'), $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'forbidden_role', 'a supervisor may not change the rules');
select is(tests.try_as(tests.id('opd_own'), $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'forbidden_role', 'an OPD liaison may not change the rules');
select is(tests.try_as(tests.id('leadership'), $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'forbidden_role', 'leadership may not change the rules');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(4, 12, 48, 1)$$), 'ok', 'an admin may');

-- validation ------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(51, 12, 48, 1)$$), 'invalid_settings', 'a threshold above 50 is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(3, 721, 48, 1)$$), 'invalid_settings', 'a window above 720 hours is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(3, 24, 0, 1)$$), 'invalid_settings', 'a block of 0 hours is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(null, 24, 24, 1)$$), 'invalid_settings', 'a missing threshold is refused');
select is((select (threshold, window_hours, block_hours, version)::text from public.nuisance_settings), '(3,24,24,1)',
  'refusals change nothing');
select is((select count(*)::int from public.admin_events where kind = 'nuisance_settings.changed'), 0, 'refusals write no audit row');

-- a real change ---------------------------------------------------------------------------------
select is(tests.run_as(tests.id('admin'), $$select * from public.set_nuisance_settings(4, 12, 48, 1)$$) ->> 'version', '2',
  'an admin changes the rules and the version moves on');
select ok((select threshold = 4 and window_hours = 12 and block_hours = 48 and updated_by = tests.id('admin') from public.nuisance_settings),
  'the new rules and who changed them are stored');
select ok((select count(*) = 1
                  and bool_and(actor_id = tests.id('admin') and target_table = 'nuisance_settings' and target_id = 'settings'
                               and before = '{"threshold": 3, "window_hours": 24, "block_hours": 24, "version": 1}'::jsonb
                               and after = '{"threshold": 4, "window_hours": 12, "block_hours": 48, "version": 2}'::jsonb)
           from public.admin_events where kind = 'nuisance_settings.changed'),
  'one admin_events row with the admin and the rules before and after');

-- a second admin with the old version -----------------------------------------------------------
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(5, 24, 24, 1)$$), 'stale_version',
  'a save against a version another admin already replaced is refused');
select is((select (threshold, version)::text from public.nuisance_settings), '(4,2)', 'the stale save changed nothing');

-- saving what is in force -----------------------------------------------------------------------
select is(tests.run_as(tests.id('admin'), $$select * from public.set_nuisance_settings(4, 12, 48, 2)$$) ->> 'version', '2',
  'saving the rules in force keeps the version');
select is((select count(*)::int from public.admin_events where kind = 'nuisance_settings.changed'), 1, 'and writes no second audit row');

select * from finish();
rollback;
