-- The wall's live feed (migration 20261205020000): Broadcast from Database on the private topic
-- wall:live. Receiving is probed the way Realtime probes a join (a message row of the topic selected
-- as the caller with realtime.topic set: rows:1 may receive, rows:0 may not); sending is an insert as
-- the caller (42501: may not). Then what the triggers store: anonymised call events and counter
-- events, never the caller's number, name, notes or location.
begin;
\ir helpers/test-helpers.psql
select plan(8 * 3 + 22);

select tests.build_world();
insert into tests.world values ('inactive_lead', tests.create_user('inactive-lead@test.local', 'leadership'));
update public.profiles set active = false where id = tests.id('inactive_lead');

select is(
  (select array_agg(p.policyname::text) from pg_policies p
   where p.schemaname = 'realtime' and p.tablename = 'messages' and p.policyname like '%wall%'),
  array['the statistics audience receives the wall feed'], 'one policy on realtime.messages is about the wall');
select is(
  (select p.cmd || ' ' || array_to_string(p.roles, ',') from pg_policies p
   where p.schemaname = 'realtime' and p.tablename = 'messages' and p.policyname = 'the statistics audience receives the wall feed'),
  'SELECT authenticated', 'it lets authenticated users receive only (no policy lets anyone send on the wall topic)');

-- One probe: as p_who on topic p_topic, receive (select) or send (insert) a p_extension message.
create function pg_temp.probe(p_who text, p_topic text, p_extension text, p_op text) returns text
language plpgsql
as $$
declare
  v_id uuid;
begin
  perform set_config('realtime.topic', p_topic, true);
  if p_op = 'select' then
    insert into realtime.messages (topic, extension) values (p_topic, p_extension) returning id into v_id;
    return tests.probe(case when p_who = 'anon' then null else tests.id(p_who) end,
                       format('select 1 from realtime.messages where id = %L', v_id));
  end if;
  return tests.probe(case when p_who = 'anon' then null else tests.id(p_who) end,
                     format('insert into realtime.messages (topic, extension, event, payload) values (realtime.topic(), %L, %L, %L)',
                            p_extension, 'call', '{"op":"insert"}'));
end;
$$;

create temp table cells as
select w.who, o.op, e.extension,
       case
         when o.op = 'select' and e.extension = 'broadcast' and w.who in ('leadership', 'supervisor', 'admin') then 'rows:1'
         when o.op = 'select' then 'rows:0'
         else 'error:42501'
       end as expected
from (values ('anon'), ('operator'), ('supervisor'), ('opd_own'), ('leadership'), ('admin'), ('inactive_lead'), ('no_profile')) w (who)
cross join (values ('select', 'broadcast'), ('select', 'presence'), ('insert', 'broadcast')) o (op, extension)
cross join lateral (select o.extension) e;

select is(
  pg_temp.probe(c.who, 'wall:live', c.extension, c.op),
  c.expected,
  format('%s %s %s on wall:live → %s', c.who, case c.op when 'select' then 'receives' else 'sends' end, c.extension, c.expected)
)
from cells c
order by c.who, c.op, c.extension;

select is((select count(*)::int from cells), 8 * 3, 'one cell per caller × receive broadcast, receive presence, send broadcast');
select is(pg_temp.probe('leadership', 'wall:other', 'broadcast', 'select'), 'rows:0', 'the policy is for wall:live only');
select is(pg_temp.probe('leadership', '', 'broadcast', 'select'), 'rows:0', 'no topic set (a direct read of realtime.messages): nothing');

-- realtime.send() is for the database's own triggers: an API user may not call it (and, could they,
-- no policy would let them store a wall message).
select is(tests.try_as(tests.id('leadership'), $$select realtime.send('{"op":"insert"}', 'call', 'wall:live', true)$$),
  'error:42501', 'an API user may not even call realtime.send()');

-- What the triggers store ---------------------------------------------------------------------------
-- The wall messages stored since the last take() (those of build_world are taken first).
create temp table seen as select id from realtime.messages where false;
create function pg_temp.take() returns table (event text, payload jsonb)
language plpgsql
as $$
begin
  return query
    select m.event, m.payload from realtime.messages m
    where m.topic = 'wall:live' and m.extension = 'broadcast' and m.private and m.id not in (select id from seen);
  insert into seen select m.id from realtime.messages m where m.topic = 'wall:live' and m.id not in (select id from seen);
end;
$$;
create temp table taken_before as select * from pg_temp.take();

-- An operator's new call (a security definer trigger stores the message although the operator may not).
select tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0812 9999 0001', 'Pak Rahasia')$$);
create temp table got as select * from pg_temp.take();
select is((select array_agg(event order by event) from got), array['call', 'counters'],
  'a new call sends one call event and one counters event');
select is((select payload ->> 'op' from got where event = 'call'), 'insert', 'the call event says the call was inserted');
select is(
  (select array_agg(k order by k) from got, jsonb_object_keys(payload -> 'call') k where event = 'call'),
  array['answered_at', 'call_type', 'classified_at', 'ended_at', 'id', 'received_at', 'recorded_at'],
  'the call event carries only the id, stage times and type');
select ok(
  (select bool_and(payload::text !~ '(0812|9999|Rahasia|caller|notes|lat|lng|operator)') from got),
  'no message holds the caller''s number, name, notes, location or operator');
select is((select payload - 'id' from got where event = 'counters'), '{"table": "calls"}'::jsonb,
  'the counters event names the table only');
select ok((select bool_and(payload ? 'id') from got), 'each payload carries its message id, as realtime.send() adds it');

-- Editing caller data moves nothing on the wall.
update public.calls set caller_name = 'Nama Lain', notes = 'catatan', caller_phone = '081200000000'
where caller_name = 'Pak Rahasia';
select is((select count(*)::int from pg_temp.take()), 0, 'changing the caller''s name, number or notes sends nothing');

-- A stage moves on: a call event with the new stage time.
update public.calls set answered_at = now() where caller_name = 'Nama Lain';
drop table got;
create temp table got as select * from pg_temp.take();
select is((select array_agg(event order by event) from got), array['call', 'counters'], 'answering sends a call and a counters event');
select ok((select (payload -> 'call' ->> 'answered_at') is not null from got where event = 'call'), 'the call event carries the answer time');

-- Classified as an emergency and reported: report_incident stamps recorded_at in a BEFORE trigger
-- (not in its SET list), and the wall must still hear of it.
insert into tests.world select 'wall_call', id from public.calls where caller_name = 'Nama Lain';
select tests.run_as(tests.id('operator'),
  $$select * from public.classify_call({wall_call}, 'emergency', (select version from public.calls where id = {wall_call}))$$);
select tests.run_as(tests.id('operator'),
  $$select * from public.report_incident({wall_call}, 'fire', 'Gudang terbakar', -6.01, 106.04, 'high', 'Jl. Rahasia 9', 'Jombang')$$);
drop table got;
create temp table got as select * from pg_temp.take();
select ok(
  (select bool_or((payload -> 'call' ->> 'recorded_at') is not null) from got where event = 'call'),
  'reporting the incident sends a call event with the record time');
select ok(
  (select bool_and(payload::text !~ '(Gudang|Rahasia|Jombang|106\.04)') from got),
  'no message holds the incident''s description, address or location');

-- A call older than the wall's 12-hour window is not on the wall: no call event.
insert into public.calls (received_at, caller_phone) values (now() - interval '13 hours', '081211110005');
drop table got;
create temp table got as select * from pg_temp.take();
select is((select array_agg(event) from got), array['counters'], 'a call received 13 hours ago sends only a counters event');

-- Incidents and SLA targets move the counters.
update public.incidents set priority = 'low' where id = tests.id('inc1');
select is((select array_agg(event) from pg_temp.take()), array['counters'], 'an incident change sends a counters event');
update public.incidents set description = 'teks lain' where id = tests.id('inc1');
select is((select count(*)::int from pg_temp.take()), 0, 'an incident''s free text does not move the counters');
update public.sla_targets set target_seconds = target_seconds where stage = 'answer';
select is((select payload ->> 'table' from pg_temp.take()), 'sla_targets', 'an SLA target change sends a counters event');

-- A bulk statement costs one counters event.
insert into public.calls (received_at, caller_phone)
select now() - interval '14 hours', '0812111100' || lpad(g::text, 2, '0') from generate_series(1, 5) g;
select is((select count(*)::int from pg_temp.take()), 1, 'five calls in one statement: one counters event');

select * from finish();
rollback;
