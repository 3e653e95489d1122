-- Wall display support (migration 001000): public.wall_open_calls gives leadership the calls in
-- progress without any caller data, and only to the roles that should see the wall.
begin;
\ir helpers/test-helpers.psql
select plan(18);

select tests.create_agency('FIRE', 'fire');
select tests.create_user('op@wall.test', 'operator');
select tests.create_user('lead@wall.test', 'leadership');
select tests.create_user('sup@wall.test', 'supervisor');
select tests.create_user('adm@wall.test', 'admin');
select tests.create_user('opd@wall.test', 'opd', 'FIRE');

create temp table fx_user as
select p.id, split_part(u.email, '@', 1) as name from public.profiles p join auth.users u on u.id = p.id
where u.email like '%@wall.test';
grant select on fx_user to anon, authenticated, service_role;

create function pg_temp.uid(p_name text) returns uuid language sql as $$ select id from fx_user where name = p_name $$;

-- calls: ringing 30 s, answered 90 s ago, classified 200 s ago, an emergency whose report was recorded
-- 330 s ago but still on the line, one ended, one abandoned 13 h ago.
insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, operator_id, caller_phone, caller_name, notes)
values
  (now() - interval '30 seconds', null, null, null, null, null, '081211110001', 'Penelepon Satu', 'rahasia'),
  (now() - interval '90 seconds', now() - interval '80 seconds', null, null, null, pg_temp.uid('op'), '081211110002', 'Penelepon Dua', null),
  (now() - interval '200 seconds', now() - interval '190 seconds', now() - interval '150 seconds', null, 'info',
   pg_temp.uid('op'), '081211110003', null, null),
  (now() - interval '300 seconds', now() - interval '290 seconds', now() - interval '280 seconds', now() - interval '270 seconds',
   'prank', pg_temp.uid('op'), '081211110004', null, null),
  (now() - interval '13 hours', null, null, null, null, null, '081211110005', null, null);
insert into public.calls (received_at, answered_at, classified_at, recorded_at, call_type, operator_id, caller_phone)
values (now() - interval '400 seconds', now() - interval '395 seconds', now() - interval '380 seconds',
        now() - interval '330 seconds', 'emergency', pg_temp.uid('op'), '081211110006');


-- leadership sees the open calls, oldest first, with their stage ----------------------------------
select tests.authenticate_as(pg_temp.uid('lead'));
select is(
  (select array_agg(w.stage order by w.received_at) from public.wall_open_calls() w),
  array['recorded', 'classified', 'answered', 'ringing'], 'leadership gets the four open calls, oldest first, with their stage');
select is(
  (select array_agg(distinct w.open_total) from public.wall_open_calls() w), array[4::bigint],
  'each row carries the number of open calls');
select is(
  (select w.call_type from public.wall_open_calls() w where w.stage = 'classified'), 'info'::public.call_type,
  'a classified call shows its type');
select is(
  (select w.recorded_at from public.wall_open_calls() w where w.stage = 'recorded'), now() - interval '330 seconds',
  'a call whose report is recorded carries the time its penyelesaian began');
select is(
  (select count(*) from public.wall_open_calls(1)), 1::bigint, 'p_limit caps the rows');
select is(
  (select w.open_total from public.wall_open_calls(1) w), 4::bigint, 'the total still counts every open call');
select is(
  (select count(*) from public.wall_open_calls(-5)), 1::bigint, 'a limit below 1 is raised to 1');
select is(tests.probe(pg_temp.uid('lead'), 'select 1 from public.calls'), 'rows:0',
  'leadership still reads no call directly');
select tests.as_owner();

-- no caller data in the result ------------------------------------------------------------------
select is(
  (select array_to_string(p.proargnames, ',') from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname = 'wall_open_calls'),
  'p_limit,id,received_at,answered_at,classified_at,recorded_at,call_type,stage,open_total',
  'the result has exactly the anonymous columns (no phone, name, notes, operator or incident)');
select ok(
  (select p.prosecdef and p.proconfig @> array['search_path=""'] from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = 'wall_open_calls'),
  'security definer with an empty search_path');
select tests.authenticate_as(pg_temp.uid('lead'));
select is(
  (select count(*) from (
     select to_jsonb(w) as j from public.wall_open_calls() w
   ) r where r.j::text ~ '(0812111100|Penelepon|rahasia)'), 0::bigint,
  'no returned value carries the phone, name or notes');
select tests.as_owner();

-- who may call it ---------------------------------------------------------------------------------
select is(tests.outcome_as('lead', pg_temp.uid('lead'), 'select * from public.wall_open_calls()'), 'ok', 'leadership may');
select is(tests.outcome_as('sup', pg_temp.uid('sup'), 'select * from public.wall_open_calls()'), 'ok', 'a supervisor may');
select is(tests.outcome_as('adm', pg_temp.uid('adm'), 'select * from public.wall_open_calls()'), 'ok', 'an admin may');
select is(tests.outcome_as('service_role', pg_temp.uid('service_role'), 'select * from public.wall_open_calls()'), 'ok', 'the service role may');
select is(tests.outcome_as('op', pg_temp.uid('op'), 'select * from public.wall_open_calls()'), '42501 forbidden_role',
  'an operator is refused (they read calls in their own console)');
select is(tests.outcome_as('opd', pg_temp.uid('opd'), 'select * from public.wall_open_calls()'), '42501 forbidden_role',
  'an OPD liaison is refused');
select is(left(tests.outcome_as('anon', pg_temp.uid('anon'), 'select * from public.wall_open_calls()'), 5), '42501',
  'anon may not execute it');

select * from finish();
rollback;
