-- Victim counts of a field report (20261202000200_casualty_counts.sql): stored by complete_assignment
-- in range or refused with count_invalid, only by the assignment's own agency; readable exactly where
-- the assignment is; the counts the earlier form wrote into report texts read back.
begin;
\ir helpers/test-helpers.psql
select plan(41);

select tests.build_world();

-- columns and privileges ---------------------------------------------------------------------------
select results_eq(
  $$select column_name::text collate "default", data_type::text collate "default", is_nullable::text collate "default"
    from information_schema.columns
    where table_schema = 'public' and table_name = 'assignments'
      and column_name in ('dead_count', 'seriously_injured_count', 'lightly_injured_count', 'evacuated_count')
    order by column_name$$,
  $$values ('dead_count', 'integer', 'YES'), ('evacuated_count', 'integer', 'YES'),
           ('lightly_injured_count', 'integer', 'YES'), ('seriously_injured_count', 'integer', 'YES')$$,
  'assignments has the four counts as nullable integers (null = not reported)');
select ok((select bool_and(has_column_privilege('authenticated', 'public.assignments', c, 'select'))
           from unnest(array['dead_count', 'seriously_injured_count', 'lightly_injured_count', 'evacuated_count']) c),
  'signed-in users may select the counts (RLS then decides the rows)');
select ok((select bool_and(not has_column_privilege(r, 'public.assignments', c, p))
           from unnest(array['dead_count', 'seriously_injured_count', 'lightly_injured_count', 'evacuated_count']) c,
                unnest(array['authenticated', 'anon']) r, unnest(array['insert', 'update']) p),
  'nobody signed in writes the counts directly: only the workflow functions do');
select is(tests.probe(null, 'select dead_count from public.assignments'), 'error:42501', 'anon reads no counts at all');
select is(tests.probe(tests.id('opd_own'), tests.fill('update public.assignments set dead_count = 0 where id = {asg1}')),
  'error:42501', 'the agency cannot write its counts past the workflow');

-- refused --------------------------------------------------------------------------------------------
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.acknowledge_assignment({asg1}, tests.av(''asg1''))')$$,
  'the own agency acknowledges');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), -1, 0, 0, 0)$$),
  'count_invalid', 'a negative count is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 0, 0, 10000)$$),
  'count_invalid', 'a count above 9999 is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'),
                                                p_lightly_injured_count => -5)$$),
  'count_invalid', 'any one count out of range is refused, by name too');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('asg1'), ' ', tests.av('asg1'), 0, 0, 0, 0)$$),
  'report_required', 'counts do not replace the report text');
select is(tests.try_as(tests.id('supervisor'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 1, 2, 3)$$),
  'forbidden_role', 'a supervisor cannot report counts for an agency');
select is(tests.try_as(tests.id('operator'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 1, 2, 3)$$),
  'forbidden_role', 'an operator cannot');
select is(tests.try_as(tests.id('leadership'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 1, 2, 3)$$),
  'forbidden_role', 'leadership cannot');
select is(tests.try_as(tests.id('admin'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 1, 2, 3)$$),
  'forbidden_role', 'an admin cannot');
select is(tests.try_as(tests.id('opd_other'), $$select public.complete_assignment(tests.id('asg1'), 'Api padam', tests.av('asg1'), 0, 1, 2, 3)$$),
  'wrong_agency', 'another agency cannot');
select is(tests.try_as(null, $$select public.complete_assignment(tests.id('asg1'), 'Api padam', 1, 0, 1, 2, 3)$$),
  'error:42501', 'anon may not even call it');
select ok((select status = 'acknowledged' and version = 2 and num_nonnulls(dead_count, seriously_injured_count,
                    lightly_injured_count, evacuated_count) = 0
           from public.assignments where id = tests.id('asg1')),
  'refusals changed nothing: still acknowledged at version 2, no counts');
select throws_ok(tests.fill($$update public.assignments set dead_count = 0 where id = {asg1}$$), '23514', null,
  'even the owner cannot put counts on an assignment that is not completed');

-- allowed --------------------------------------------------------------------------------------------
select is(
  (select jsonb_build_array(r ->> 'status', r -> 'dead_count', r -> 'seriously_injured_count', r -> 'lightly_injured_count',
                            r -> 'evacuated_count', r ->> 'report')
   from tests.run_as(tests.id('opd_own'), $$select * from public.complete_assignment({asg1}, 'Api padam pukul 10.20.', tests.av('asg1'), 0, 1, 2, 9999)$$) r),
  '["completed", 0, 1, 2, 9999, "Api padam pukul 10.20."]'::jsonb,
  'the own agency completes with its counts (0 and 9999 included); the function returns them');
select ok((select dead_count = 0 and seriously_injured_count = 1 and lightly_injured_count = 2 and evacuated_count = 9999
                  and report = 'Api padam pukul 10.20.' and version = 3
           from public.assignments where id = tests.id('asg1')),
  'stored as given, the report text without counts in it, version bumped once');
select is((select count(*)::int from public.incident_events where assignment_id = tests.id('asg1') and kind = 'completed'), 1,
  'exactly one completed event');
select throws_ok(tests.fill($$update public.assignments set evacuated_count = 10000 where id = {asg1}$$), '23514', null,
  'the table itself holds no count above 9999');
select throws_ok(tests.fill($$update public.assignments set dead_count = -1 where id = {asg1}$$), '23514', null,
  'nor a negative one');

-- read where the assignment is read -----------------------------------------------------------------
select is(tests.probe(tests.id('opd_own'), tests.fill('select dead_count from public.assignments where id = {asg1} and evacuated_count = 9999')),
  'rows:1', 'the agency reads its counts');
select is(tests.probe(tests.id('supervisor'), tests.fill('select dead_count from public.assignments where id = {asg1} and evacuated_count = 9999')),
  'rows:1', 'the supervisor reads them');
select is(tests.probe(tests.id('leadership'), tests.fill('select dead_count from public.assignments where id = {asg1} and evacuated_count = 9999')),
  'rows:1', 'leadership reads them (they are not caller data)');
select is(tests.probe(tests.id('operator'), tests.fill('select dead_count from public.assignments where id = {asg1} and evacuated_count = 9999')),
  'rows:1', 'the reporting operator reads them with the incident');
select is(tests.probe(tests.id('opd_other'), tests.fill('select dead_count from public.assignments where id = {asg1}')),
  'rows:0', 'an agency not on the incident does not');

-- existing callers -----------------------------------------------------------------------------------
select tests.new_incident('inc3', 'public_order');
select lives_ok($$select tests.run_as(tests.id('supervisor'), 'select * from public.dispatch_incident({inc3}, array[{aga}]::uuid[], tests.iv(''inc3''))')$$,
  'a second incident is dispatched to the same agency');
select tests.name_assignment('a3', 'inc3', 'aga');
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.acknowledge_assignment({a3}, tests.av(''a3''))')$$,
  'acknowledged');
select is(
  (select r ->> 'status' from tests.run_as(tests.id('opd_own'), $$select * from public.complete_assignment({a3}, 'Massa bubar', tests.av('a3'))$$) r),
  'completed', 'the three-argument call still completes');
select ok((select num_nonnulls(dead_count, seriously_injured_count, lightly_injured_count, evacuated_count) = 0
           from public.assignments where id = tests.id('a3')),
  'without counts, none are stored');

-- counts in the text of the earlier form ---------------------------------------------------------------
select is((select row(l.*)::text from private.legacy_report_counts(
            E'Api padam pukul 10.20.\n\nKorban:\n- Meninggal dunia: 0\n- Luka berat: 1\n- Luka ringan: 2\n- Dievakuasi: 5') l),
  '(0,1,2,5)', 'the form''s four lines read back');
select is((select row(l.*)::text from private.legacy_report_counts('Massa bubar') l), '(,,,)',
  'a report without them has none');
select is((select row(l.*)::text from private.legacy_report_counts(
            E'x\n\nKorban:\n- Meninggal dunia: 0\n- Luka berat: 1\n- Dievakuasi: 5') l),
  '(,,,)', 'a missing line gives no counts rather than three of four');
select is((select row(l.*)::text from private.legacy_report_counts(
            E'x\n\nKorban:\n- Meninggal dunia: 12345\n- Luka berat: 1\n- Luka ringan: 2\n- Dievakuasi: 5') l),
  '(,,,)', 'a number the form could not have written gives no counts');
select is((select row(l.*)::text from private.legacy_report_counts('Korban: - Meninggal dunia: 2') l), '(,,,)',
  'the word in free text is not a section');
select is((select row(l.*)::text from private.legacy_report_counts(null) l), '(,,,)', 'no report, no counts');

select tests.new_incident('inc4', 'traffic_accident');
select lives_ok($$select tests.run_as(tests.id('supervisor'), 'select * from public.dispatch_incident({inc4}, array[{aga}]::uuid[], tests.iv(''inc4''))')$$,
  'a third incident is dispatched');
select tests.name_assignment('a4', 'inc4', 'aga');
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.acknowledge_assignment({a4}, tests.av(''a4''))')$$,
  'acknowledged');
select is(
  (select jsonb_build_array(r -> 'dead_count', r -> 'seriously_injured_count', r -> 'lightly_injured_count', r -> 'evacuated_count', r ->> 'report')
   from tests.run_as(tests.id('opd_own'),
     $$select * from public.complete_assignment({a4}, E'Korban dievakuasi.\n\nKorban:\n- Meninggal dunia: 1\n- Luka berat: 0\n- Luka ringan: 3\n- Dievakuasi: 4', tests.av('a4'))$$) r),
  jsonb_build_array(1, 0, 3, 4, E'Korban dievakuasi.\n\nKorban:\n- Meninggal dunia: 1\n- Luka berat: 0\n- Luka ringan: 3\n- Dievakuasi: 4'),
  'a step queued by the earlier page (counts only in the text) stores them too, the text unchanged');

select * from finish();
rollback;
