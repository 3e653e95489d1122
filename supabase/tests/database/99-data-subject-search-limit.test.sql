-- The bound of the data-subject document (issue #22 review): data_subject_search counts the rows its
-- document would hold and refuses more than private.data_subject_row_limit() with
-- data_subject_too_large, before it logs the read, so a refused export is no read of caller data.
-- A search at the limit is still served and logged once. The number here has access records only
-- (inserted as the table owner, as the admin functions would), which the document counts like any row.
begin;
\ir helpers/test-helpers.psql
select plan(10);

select tests.build_world();

create temp table subject as select private.phone_pseudonym('0899 1234 5678') as pseudonym;

-- how many reads of this number the log holds, by screen
create function pg_temp.logged(p_screen text) returns integer language sql as $$
  select count(*)::int from public.caller_data_access a
  where a.phone_pseudonym = (select pseudonym from subject) and a.screen::text = p_screen
$$;

select is(private.data_subject_row_limit(), 10000,
  'the limit is 10 000 rows, as DATA_SUBJECT_ROW_LIMIT in lib/domain/data-subject-input.ts says');

-- One row short of the limit: the search is served, and its own log row brings the number to the limit.
insert into public.caller_data_access (screen, phone_pseudonym)
select 'access_log', (select pseudonym from subject) from generate_series(1, private.data_subject_row_limit() - 1);

select is(jsonb_array_length(tests.run_as(tests.id('admin'), 'select public.data_subject_search(''0899 1234 5678'', true) as d') -> 'd' -> 'access'),
  10000 - 1, 'under the limit the export holds every row');
select is(pg_temp.logged('data_subject_export'), 1, 'under the limit the export is logged once');

-- Exactly at the limit (the export's own log row counts now): still served, logged once more.
select is(tests.try_as(tests.id('admin'), 'select public.data_subject_search(''0899 1234 5678'', false)'), 'ok',
  'a search of exactly the limit is served');
select tests.run_as(tests.id('admin'), 'select public.data_subject_search(''0899 1234 5678'', false) as d');
select is(pg_temp.logged('data_subject_request'), 1, 'the search at the limit is logged once');

-- One over the limit: refused, for the export and the search alike, and neither is logged.
select is(tests.try_as(tests.id('admin'), 'select public.data_subject_search(''0899 1234 5678'', true)'), 'data_subject_too_large',
  'an export over the limit is refused');
select is(tests.try_as(tests.id('admin'), 'select public.data_subject_search(''0899 1234 5678'', false)'), 'data_subject_too_large',
  'a search over the limit is refused');
select is(tests.try_as(tests.id('operator'), 'select public.data_subject_search(''0899 1234 5678'', true)'), 'forbidden_role',
  'the role check still comes first: an operator learns nothing about the number''s size');

-- try_as rolls back, so the refusals are called once more for real, inside a block that keeps going.
do $$
begin
  perform tests.authenticate_as(tests.id('admin'));
  begin
    perform public.data_subject_search('0899 1234 5678', true);
  exception when sqlstate 'P0001' then null;
  end;
  begin
    perform public.data_subject_search('0899 1234 5678', false);
  exception when sqlstate 'P0001' then null;
  end;
  perform tests.as_owner();
end;
$$;
select is(pg_temp.logged('data_subject_export'), 1, 'the refused export is not logged');
select is(pg_temp.logged('data_subject_request'), 1, 'the refused search is not logged');

select * from finish();
rollback;
