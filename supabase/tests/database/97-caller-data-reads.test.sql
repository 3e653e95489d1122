-- Caller data read on every screen (issue #22): for each screen value read_caller_data accepts, a
-- read by an allowed role writes exactly one access record per call read, with who, which call,
-- which incident and which screen; a denied role gets an error and writes nothing; no API role can
-- change or delete a record; the admin's access page names reader and ticket, filters, and is
-- logged itself (and a refused page read logs nothing).
begin;
\ir helpers/test-helpers.psql
select plan(110);

select tests.build_world();

-- A second caller of inc1 (a repeat call linked to it), so each read covers two calls.
do $$
declare
  v_call public.calls;
begin
  perform tests.authenticate_as(tests.id('spare'));
  v_call := public.start_call(gen_random_uuid(), '0877 1111 2222', 'Pak Budi');
  v_call := public.answer_call(v_call.id, v_call.version);
  v_call := public.classify_call(v_call.id, 'emergency', v_call.version);
  v_call := public.link_call_to_incident(v_call.id, tests.id('inc1'));
  perform tests.as_owner();
  insert into tests.world values ('call2', v_call.id);
end;
$$;

-- One read of call1 and call2 as p_user on p_screen, and what it left in the log:
-- 'rows:<returned> new:<records added> mine:<records of this reader, screen, call and incident>'.
create function tests.read_and_log(p_user uuid, p_screen text) returns text
language plpgsql
as $$
declare
  v_before integer;
  v_rows integer;
  v_after integer;
  v_mine integer;
begin
  select count(*) into v_before from public.caller_data_access;
  perform tests.authenticate_as(p_user);
  execute format('select count(*) from public.read_caller_data(array[%L, %L]::uuid[], %L)',
    tests.id('call1'), tests.id('call2'), p_screen) into v_rows;
  perform tests.as_owner();
  select count(*) into v_after from public.caller_data_access;
  -- the records this read added: each of the two calls once, naming reader, role, screen, incident
  select count(*) into v_mine
  from (
    select a.call_id from public.caller_data_access a
    join public.profiles p on p.id = a.actor_id
    where a.actor_id = p_user and a.actor_role = p.role and a.screen::text = p_screen
      and a.incident_id = tests.id('inc1') and a.call_id in (tests.id('call1'), tests.id('call2'))
      and a.reason is null and a.rows_shown is null
    group by a.call_id
    having count(*) = 1
  ) once;
  return format('rows:%s new:%s mine:%s', v_rows, v_after - v_before, v_mine);
end;
$$;

create temp table screens as
select s::text as screen from unnest(enum_range(null::public.caller_data_screen)) s
where s not in ('access_log', 'data_subject_request', 'data_subject_export');

select is((select count(*)::int from screens), 9, 'nine screens show caller data to a person');
select ok(exists (select 1 from screens where screen = 'incident_record'), 'the incident record (/incidents/[id]) has its own screen');

-- Allowed: operators and supervisors read every call; the liaison of the assigned agency reads
-- the calls of that incident. Each read writes exactly one record per call (one reader per screen
-- at a time, so "mine" counts only this read).
select is(tests.read_and_log(tests.id(r.role), s.screen), 'rows:2 new:2 mine:2',
  format('%s reads two calls on %s: two records, one per call', r.role, s.screen))
from screens s
cross join (values ('operator'), ('supervisor'), ('opd_own')) r (role)
order by s.screen, r.role;

-- Denied: the refusal, and nothing written.
create temp table denied (role text, expected text);
insert into denied values
  ('opd_other', 'not_found'), ('leadership', 'forbidden_role'), ('admin', 'forbidden_role'),
  ('no_profile', 'not_authenticated'), ('anon', 'error:42501');
create temp table log_count as select count(*)::int as n from public.caller_data_access;
select is(
  tests.try_as(case when d.role = 'anon' then null else tests.id(d.role) end,
    tests.fill(format('select * from public.read_caller_data(array[{call1}, {call2}]::uuid[], %L)', s.screen))),
  d.expected,
  format('%s is refused on %s (%s)', d.role, s.screen, d.expected))
from screens s
cross join denied d
order by s.screen, d.role;
select is((select count(*)::int from public.caller_data_access), (select n from log_count), 'the refused reads wrote nothing');

select is(
  tests.try_as(tests.id('opd_own'), tests.fill('select * from public.read_caller_data(array[{call1}, {call2}, gen_random_uuid()]::uuid[], ''opd_detail'')')),
  'not_found', 'all or nothing: one call beyond the reader refuses the whole read');
select is((select count(*)::int from public.caller_data_access), (select n from log_count), 'and writes nothing either');

-- Nobody changes or deletes a record through the API, the admin included.
select is(tests.probe(case when r.role = 'anon' then null else tests.id(r.role) end, tests.fill(o.sql)), 'error:42501',
  format('%s cannot %s access records', r.role, o.op))
from (values ('operator'), ('supervisor'), ('opd_own'), ('leadership'), ('admin'), ('anon')) r (role)
cross join (values
  ('update', 'update public.caller_data_access set reason = ''ganti'' where call_id = {call1}'),
  ('delete', 'delete from public.caller_data_access where call_id = {call1}')) o (op, sql)
order by r.role, o.op;

create function tests.as_service_role(p_sql text) returns text
language plpgsql
as $$
begin
  begin
    perform tests.authenticate_as_service_role();
    execute p_sql;
    raise exception using errcode = 'TPROB', message = 'ok';
  exception
    when sqlstate 'TPROB' then return sqlerrm;
    when others then return 'error:' || sqlstate;
  end;
end;
$$;
select is(tests.as_service_role(tests.fill('update public.caller_data_access set reason = ''ganti'' where call_id = {call1}')), 'error:42501',
  'the service role cannot update access records');
select is(tests.as_service_role(tests.fill('delete from public.caller_data_access where call_id = {call1}')), 'error:42501',
  'the service role cannot delete access records');
select is((select count(*)::int from public.caller_data_access), (select n from log_count), 'the log is unchanged');
select is((select count(*)::int from public.caller_data_access where reason is not null), 0, 'no record got a reason');

-- ---------------------------------------------------------------------------------------------
-- the admin's access page
-- ---------------------------------------------------------------------------------------------
create temp table ticket as select i.ticket_no from public.incidents i where i.id = tests.id('inc1');

select is(tests.try_as(tests.id(r.role), 'select * from public.caller_data_access_page()'), 'forbidden_role',
  r.role || ' may not read the access log')
from (values ('operator'), ('supervisor'), ('opd_own'), ('leadership')) r (role);
select is(tests.try_as(null, 'select * from public.caller_data_access_page()'), 'error:42501', 'anon may not read the access log');
select is((select count(*)::int from public.caller_data_access), (select n from log_count), 'refused page reads wrote nothing');

-- One page of the drawer reads of inc1's ticket: 3 readers × 2 calls, with names and the ticket.
select is(
  tests.run_as(tests.id('admin'), format(
    $$select count(*)::int as n, count(distinct actor_name)::int as names, bool_and(ticket_no = %L) as ticket, bool_and(screen = 'dispatch_drawer') as screen
      from public.caller_data_access_page(p_limit => 200, p_ticket_no => %L, p_screen => 'dispatch_drawer')$$,
    (select ticket_no from ticket), (select ticket_no from ticket))),
  '{"n": 6, "names": 3, "ticket": true, "screen": true}'::jsonb,
  'the page filters by ticket and screen and names reader and ticket');
select is((select count(*)::int from public.caller_data_access), (select n from log_count) + 1, 'reading the page wrote exactly one record');
select is(
  (select jsonb_build_object('actor', a.actor_id = tests.id('admin'), 'role', a.actor_role, 'incident', a.incident_id = tests.id('inc1'),
     'call', a.call_id, 'rows', a.rows_shown)
   from public.caller_data_access a where a.screen = 'access_log'),
  '{"actor": true, "role": "admin", "incident": true, "call": null, "rows": 6}'::jsonb,
  'recorded as the admin''s access_log read of six rows about the ticket''s incident');

select is(
  (tests.run_as(tests.id('admin'), format(
    $$select count(*)::int as n from public.caller_data_access_page(p_limit => 200, p_actor_id => %L, p_screen => 'opd_detail')$$,
    tests.id('opd_own'))) ->> 'n')::int,
  2, 'filtered by reader and screen: the liaison''s two detail reads');
select is(
  (tests.run_as(tests.id('admin'), $$select count(*)::int as n from public.caller_data_access_page(p_ticket_no => '112-19990101-0001')$$) ->> 'n')::int,
  0, 'an unknown ticket matches nothing, not everything');
select is(
  (select string_agg(coalesce(a.rows_shown::text, '-'), ',' order by a.rows_shown) from public.caller_data_access a where a.screen = 'access_log'),
  '0,2,6', 'every page read is logged with the rows it showed');

-- Keyset paging: two pages of 4 join up without overlap.
select is(
  tests.run_as(tests.id('admin'), $$
    with p1 as (select * from public.caller_data_access_page(p_limit => 4, p_screen => 'incident_record')),
         last as (select at, id from p1 order by at, id limit 1),
         p2 as (select p.* from last, public.caller_data_access_page(last.at, last.id, 4, p_screen => 'incident_record') p)
    select (select count(*) from p1)::int as first, (select count(*) from p2)::int as second,
           (select count(*) from (select id from p1 intersect select id from p2) x)::int as overlap$$),
  '{"first": 4, "second": 2, "overlap": 0}'::jsonb,
  'the second page continues where the first ended');

select is(tests.try_as(tests.id('admin'), 'select * from public.caller_data_access_page(p_ticket_no => repeat(''1'', 31))'), 'invalid_ticket',
  'a ticket filter is bounded');
select is(tests.try_as(tests.id('admin'), 'select * from public.caller_data_access_page(p_ticket_no => ''  '')'), 'invalid_ticket',
  'a blank ticket filter is refused');
select is(tests.try_as(tests.id('admin'), 'select * from public.caller_data_access_page(p_limit => 0)'), 'invalid_limit', 'pages are bounded');
select is(has_function_privilege('anon', 'public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid, text, public.caller_data_screen)', 'execute'),
  false, 'anon has no execute on the page function');

select * from finish();
rollback;
