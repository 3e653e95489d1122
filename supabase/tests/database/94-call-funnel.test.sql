-- The monthly report's call funnel (20261205050100, issue #17): counts on a small fixture on
-- 15 March 2025 (WIB), away from anything else a test creates; who may call it, every role.
begin;
\ir helpers/test-helpers.psql
select plan(8);

select tests.create_agency('FUN', 'fire');
select tests.create_user('op@funnel.test', 'operator');
select tests.create_user('lead@funnel.test', 'leadership');
select tests.create_user('sup@funnel.test', 'supervisor');
select tests.create_user('adm@funnel.test', 'admin');
select tests.create_user('opd@funnel.test', 'opd', 'FUN');

create temp table fx_user as
select p.id, split_part(u.email, '@', 1) as name from public.profiles p join auth.users u on u.id = p.id
where u.email like '%@funnel.test';
grant select on fx_user to anon, authenticated, service_role;
create function pg_temp.uid(p_name text) returns uuid language sql as $$ select id from fx_user where name = p_name $$;

-- Seven calls on 15 March: four classified (2 emergency, 1 ghost, 1 info), one answered and not yet
-- classified, one that rang out (ended unanswered), one still ringing; one call on either side.
insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, operator_id)
select r.at, r.at + r.a * interval '1 second',
       case when r.t is not null then r.at + (r.a + 10) * interval '1 second' end,
       case when r.t is not null then r.at + (r.a + 60) * interval '1 second' end,
       r.t::public.call_type, pg_temp.uid('op')
from (values
  ('2025-03-15 08:00:00+07'::timestamptz, 5, 'emergency'),
  ('2025-03-15 09:00:00+07', 5, 'emergency'),
  ('2025-03-15 10:00:00+07', 5, 'ghost'),
  ('2025-03-15 23:59:59+07', 5, 'info'),
  ('2025-03-15 11:00:00+07', 5, null),
  ('2025-03-14 23:59:59+07', 5, 'prank'),
  ('2025-03-16 00:00:00+07', 5, 'prank')
) as r (at, a, t);
insert into public.calls (received_at, ended_at) values ('2025-03-15 12:00:00+07', '2025-03-15 12:00:30+07');
insert into public.calls (received_at) values ('2025-03-15 13:00:00+07');

select tests.authenticate_as(pg_temp.uid('lead'));
create temp table r_funnel as select * from public.stats_call_funnel('2025-03-15 00:00+07', '2025-03-16 00:00+07');
select tests.as_owner();

select results_eq(
  $$select incoming, answered, unanswered_ended, classified, emergency, ghost, prank, info from r_funnel$$,
  $$values (7::bigint, 5::bigint, 1::bigint, 4::bigint, 2::bigint, 1::bigint, 0::bigint, 1::bigint)$$,
  'one WIB day: 7 incoming, 5 answered, 1 rang out, 4 classified (2 emergency, 1 ghost, 1 info); the calls either side not counted');

create temp table fx_sql (sql text);
insert into fx_sql values ($$select * from public.stats_call_funnel(now() - interval '1 day', now())$$);
grant select on fx_sql to anon, authenticated, service_role;

select is(tests.outcome_as('lead', pg_temp.uid('lead'), (select sql from fx_sql)), 'ok', 'leadership may read the funnel');
select is(tests.outcome_as('sup', pg_temp.uid('sup'), (select sql from fx_sql)), 'ok', 'a supervisor may read the funnel');
select is(tests.outcome_as('adm', pg_temp.uid('adm'), (select sql from fx_sql)), 'ok', 'an admin may read the funnel');
select is(tests.outcome_as('service_role', null, (select sql from fx_sql)), 'ok', 'the service role may read the funnel');
select is(tests.outcome_as('op', pg_temp.uid('op'), (select sql from fx_sql)), '42501 forbidden_role', 'an operator is refused');
select is(tests.outcome_as('opd', pg_temp.uid('opd'), (select sql from fx_sql)), '42501 forbidden_role', 'an OPD liaison is refused');
select is(left(tests.outcome_as('anon', null, (select sql from fx_sql)), 5), '42501', 'anon may not even execute it');

select * from finish();
rollback;
