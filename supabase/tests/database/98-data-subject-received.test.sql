-- The received date of a data-subject request (issue #22): record_data_subject_request takes the day
-- the request reached the center (default today in WIB), refuses a day after today or more than one
-- year ago, stores it in received_on, and data_subject_search (the exports) hands it out. Only the
-- admin records a request; every other role is refused and nothing is stored.
begin;
\ir helpers/test-helpers.psql
select plan(21);

select tests.build_world();

create temp table wib as select (now() at time zone 'Asia/Jakarta')::date as today;

-- who may record ---------------------------------------------------------------------------------
select is(tests.try_as(case when r.role = 'anon' then null else tests.id(r.role) end,
                       format('select * from public.record_data_subject_request(''0812 9999 0001'', ''access'', ''Pak Budi'', null, %L)',
                              (select today - 3 from wib))),
  r.outcome, r.role || ' recording a request with a received date → ' || r.outcome)
from (values ('anon', 'error:42501'), ('operator', 'forbidden_role'), ('supervisor', 'forbidden_role'),
             ('opd_own', 'forbidden_role'), ('leadership', 'forbidden_role'), ('no_profile', 'not_authenticated'),
             ('admin', 'ok')) r (role, outcome);

select tests.run_as(tests.id('admin'),
  format('select * from public.record_data_subject_request(''0812 9999 0001'', ''access'', ''Pak Budi'', null, %L)', (select today - 3 from wib)));
select is((select count(*)::int from public.data_subject_requests where requester = 'Pak Budi'), 1,
  'the admin''s request is stored once');
select is((select received_on from public.data_subject_requests where requester = 'Pak Budi'), (select today - 3 from wib),
  'the request keeps the day it was received, not the day it was typed in');
select ok((select received_at > now() - interval '1 minute' from public.data_subject_requests where requester = 'Pak Budi'),
  'received_at stays the moment it was recorded');

-- the default ------------------------------------------------------------------------------------
select tests.run_as(tests.id('admin'), 'select * from public.record_data_subject_request(''0812 9999 0001'', ''correction'', ''Bu Sari'')');
select is((select received_on from public.data_subject_requests where requester = 'Bu Sari'), (select today from wib),
  'without a date the request was received today (WIB)');
select tests.run_as(tests.id('admin'), 'select * from public.record_data_subject_request(''0812 9999 0001'', ''erasure'', ''Bu Rina'', null, null)');
select is((select received_on from public.data_subject_requests where requester = 'Bu Rina'), (select today from wib),
  'a null date is today (WIB) as well');

-- bounds -----------------------------------------------------------------------------------------
-- The SQL is the authority on the received day; the form's pre-check (parseReceivedOn) is tested
-- against this very table: lib/domain/data-subject-input.test.ts reads the rows between the markers
-- and fails when its own table differs.
select is(tests.try_as(tests.id('admin'),
  format('select * from public.record_data_subject_request(''0812 9999 0001'', ''access'', %L, null, %L)', 'Kasus ' || c.name, c.day)),
  c.outcome, 'received ' || c.name || ' (WIB) → ' || c.outcome)
from (
  select v.name, v.outcome,
         case v.name
           when 'today' then w.today
           when 'tomorrow' then w.today + 1
           when 'one_year_ago' then (w.today - interval '1 year')::date
           when 'one_year_and_a_day_ago' then (w.today - interval '1 year' - interval '1 day')::date
         end as day
  from wib w,
  (values
    -- received-on cases: begin
    ('today', 'ok'),
    ('tomorrow', 'received_in_future'),
    ('one_year_ago', 'ok'),
    ('one_year_and_a_day_ago', 'received_too_old')
    -- received-on cases: end
  ) v (name, outcome)
) c;
select is((select e.after ->> 'received_on' from public.admin_events e
            where e.kind = 'data_subject_request.recorded' and e.after ->> 'requester' = 'Pak Budi'),
  (select (today - 3)::text from wib), 'the audit record names the received day');

-- the column -------------------------------------------------------------------------------------
select col_not_null('public', 'data_subject_requests', 'received_on', 'every request has a received day');
select col_type_is('public', 'data_subject_requests', 'received_on', 'date', 'the received day is a date');
select ok(not exists (select 1 from pg_proc p where p.proname = 'record_data_subject_request' and p.pronargs <> 5),
  'the four-argument form is gone: one record_data_subject_request');

-- the exports ------------------------------------------------------------------------------------
select is(
  (select r ->> 'received_on'
   from jsonb_array_elements(tests.run_as(tests.id('admin'), 'select public.data_subject_search(''081299990001'', true) as d') -> 'd' -> 'requests') r
   where r ->> 'requester' = 'Pak Budi'),
  (select (today - 3)::text from wib), 'the export carries the received day of each request');

select * from finish();
rollback;
