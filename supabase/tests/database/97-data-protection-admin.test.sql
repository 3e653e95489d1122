-- The reads behind /admin/legal-holds and the hold panel of /incidents/[id] (issue #22):
-- legal_hold_incident (a ticket's incident, no caller data) and legal_hold_list (holds with ticket
-- and names) for every role, allowed and refused, their bounds, and what they answer.
begin;
\ir helpers/test-helpers.psql
select plan(27);

select tests.build_world();
select tests.new_incident('inc2');

insert into tests.world
select 'hold1', (tests.run_as(tests.id('supervisor'),
  'select * from public.place_legal_hold({inc1}, ''Penyidikan polisi'', now() + interval ''30 days'')') ->> 'id')::uuid;
insert into tests.world
select 'hold2', (tests.run_as(tests.id('admin'),
  'select * from public.place_legal_hold({inc2}, ''Sengketa asuransi'', now() + interval ''10 days'')') ->> 'id')::uuid;
select tests.run_as(tests.id('admin'), 'select * from public.lift_legal_hold({hold2}, ''Sengketa selesai'')');

create temp table ticket1 as select ticket_no from public.incidents where id = tests.id('inc1');

-- who may read -----------------------------------------------------------------------------------
select is(tests.try_as(case when r.role = 'anon' then null else tests.id(r.role) end,
                       format('select * from public.legal_hold_incident(%L)', (select ticket_no from ticket1))),
  r.outcome, r.role || ' looking up a ticket for a hold → ' || r.outcome)
from (values ('anon', 'error:42501'), ('operator', 'forbidden_role'), ('opd_own', 'forbidden_role'),
             ('leadership', 'forbidden_role'), ('no_profile', 'not_authenticated'),
             ('supervisor', 'ok'), ('admin', 'ok')) r (role, outcome);

select is(tests.try_as(case when r.role = 'anon' then null else tests.id(r.role) end, 'select * from public.legal_hold_list()'),
  r.outcome, r.role || ' listing the holds → ' || r.outcome)
from (values ('anon', 'error:42501'), ('operator', 'forbidden_role'), ('opd_own', 'forbidden_role'),
             ('leadership', 'forbidden_role'), ('no_profile', 'not_authenticated'),
             ('supervisor', 'ok'), ('admin', 'ok')) r (role, outcome);

-- bounds -----------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), 'select * from public.legal_hold_incident(''0042'')'), 'invalid_ticket',
  'a text that is no ticket number is refused');
select is(tests.try_as(tests.id('admin'), 'select * from public.legal_hold_incident(null)'), 'invalid_ticket', 'so is none');
select is(tests.try_as(tests.id('admin'), 'select * from public.legal_hold_list(null, 0)'), 'invalid_limit', 'a page of 0 is refused');
select is(tests.try_as(tests.id('admin'), 'select * from public.legal_hold_list(null, 201)'), 'invalid_limit', 'a page over 200 is refused');

-- what they answer -------------------------------------------------------------------------------
select is(
  (tests.run_as(tests.id('admin'), format('select * from public.legal_hold_incident(%L)', (select ticket_no from ticket1))) ->> 'id')::uuid,
  tests.id('inc1'), 'an admin, who reads no incident, finds the incident of a ticket');
select is(
  tests.run_as(tests.id('admin'), 'select count(*) as n from public.legal_hold_incident(''112-19990101-0001'')') ->> 'n',
  '0', 'an unknown ticket gives no row');
select ok(
  not exists (select 1 from unnest((select p.proargnames from pg_proc p where p.proname = 'legal_hold_incident')) n where n like 'caller%'),
  'legal_hold_incident hands out nothing of the caller');
select ok(
  not exists (select 1 from unnest((select p.proargnames from pg_proc p where p.proname = 'legal_hold_list')) n where n like 'caller%'),
  'legal_hold_list hands out nothing of the caller');

select is(
  tests.run_as(tests.id('admin'),
    'select ticket_no, reason, placed_by_name, active, lifted_at is null as open from public.legal_hold_list({inc1})'),
  jsonb_build_object('ticket_no', (select ticket_no from ticket1), 'reason', 'Penyidikan polisi',
                     'placed_by_name', 'Test supervisor@test.local', 'active', true, 'open', true),
  'an active hold comes with its ticket and who placed it');
select is(
  tests.run_as(tests.id('supervisor'),
    'select reason, placed_by_name, lifted_by_name, lift_reason, active from public.legal_hold_list({inc2})'),
  jsonb_build_object('reason', 'Sengketa asuransi', 'placed_by_name', 'Test admin@test.local',
                     'lifted_by_name', 'Test admin@test.local', 'lift_reason', 'Sengketa selesai', 'active', false),
  'a lifted hold is inactive and says who lifted it and why');
select is(
  tests.run_as(tests.id('admin'), 'select count(*) as n from public.legal_hold_list({inc2})') ->> 'n', '1',
  'one incident''s holds only');
select is(
  tests.run_as(tests.id('admin'),
    'select array_agg(id order by ord) as ids from (select id, row_number() over () as ord from public.legal_hold_list()) l
      where id in ({hold1}, {hold2})') -> 'ids',
  jsonb_build_array(tests.id('hold1'), tests.id('hold2')), 'active holds come before lifted ones');
select is(
  tests.run_as(tests.id('admin'), 'select count(*) as n from public.legal_hold_list(null, 1)') ->> 'n', '1',
  'the page size bounds the list');

select * from finish();
rollback;
