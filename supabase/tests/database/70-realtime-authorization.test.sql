-- Private realtime channels (migration 20261201000100): the policies on realtime.messages that
-- Realtime evaluates when someone joins a private channel, probed the way it probes them. With
-- realtime.topic set to the channel's topic, "receive" is selecting a message row of that topic and
-- extension (rows:1 allowed, rows:0 refused), "send" is inserting one (rows:1 allowed, D = refused
-- with 42501). Only an active supervisor may receive and send presence in an incident room; nobody
-- gets broadcast there, and nobody gets anything on other topics.
begin;
\ir helpers/test-helpers.psql
select plan(8 * 2 * 2 * 2 + 10);

select tests.build_world();
insert into tests.world values ('inactive_sup', tests.create_user('inactive-sup@test.local', 'supervisor'));
update public.profiles set active = false where id = tests.id('inactive_sup');

-- The platform's table, as supabase/realtime creates it: RLS on, and the API roles granted what
-- hosted Supabase grants them, so that only policies decide.
select ok(
  (select c.relrowsecurity from pg_class c where c.oid = 'realtime.messages'::regclass),
  'row-level security is enabled on realtime.messages'
);
select ok(
  has_table_privilege('anon', 'realtime.messages', 'select, insert, update')
    and has_table_privilege('authenticated', 'realtime.messages', 'select, insert, update'),
  'anon and authenticated have the select, insert and update privileges hosted Supabase grants'
);
select is(
  (select array_agg(p.policyname::text order by p.policyname) from pg_policies p
   where p.schemaname = 'realtime' and p.tablename = 'messages'),
  array['active supervisors announce themselves in an incident room', 'active supervisors see who is in an incident room',
        'the statistics audience receives the wall feed'],
  'realtime.messages has exactly the two incident room policies and the wall feed''s (94-wall-broadcast)'
);
select is(
  (select count(*)::int from pg_policies p
   where p.schemaname = 'realtime' and p.tablename = 'messages' and p.roles <> '{authenticated}'),
  0, 'every policy on realtime.messages is for authenticated only: anon matches none'
);

select set_config('realtime.topic', '', true);
select is(realtime.topic(), null, 'realtime.topic() is null when no topic is set');
select set_config('realtime.topic', 'incident:' || tests.id('inc1'), true);
select is(realtime.topic(), 'incident:' || tests.id('inc1'), 'realtime.topic() returns the topic being authorised');

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
                     format('insert into realtime.messages (topic, extension) values (realtime.topic(), %L)', p_extension));
end;
$$;

create temp table topics (name text primary key, topic text);
insert into topics values
  ('incident room', 'incident:' || tests.id('inc1')),
  -- The public room name the app used before: nothing private lives there.
  ('other topic', 'presence:incident:' || tests.id('inc1'));

create temp table cells as
select w.who, t.name as topic_name, t.topic, e.extension, o.op,
       case
         when w.who = 'supervisor' and t.name = 'incident room' and e.extension = 'presence' then 'rows:1'
         when o.op = 'select' then 'rows:0'
         else 'error:42501'
       end as expected
from (values ('anon'), ('operator'), ('supervisor'), ('opd_own'), ('leadership'), ('admin'), ('inactive_sup'), ('no_profile')) w (who)
cross join topics t
cross join (values ('presence'), ('broadcast')) e (extension)
cross join (values ('select'), ('insert')) o (op);

select is(
  pg_temp.probe(c.who, c.topic, c.extension, c.op),
  c.expected,
  format('%s %s %s on %s → %s', c.who, case c.op when 'select' then 'receives' else 'sends' end, c.extension, c.topic_name, c.expected)
)
from cells c
order by c.topic_name, c.who, c.extension, c.op;

select is((select count(*)::int from cells), 8 * 2 * 2 * 2, 'one cell per caller × topic × extension × receive/send');

-- The topic is what is authorised, not the row's own topic column: with no topic set, or a malformed
-- incident topic, even an active supervisor gets nothing.
select is(pg_temp.probe('supervisor', '', 'presence', 'select'), 'rows:0', 'no topic set: a supervisor receives nothing');
select is(pg_temp.probe('supervisor', 'incident:not-a-uuid', 'presence', 'insert'), 'error:42501', 'a malformed incident topic: a supervisor may not send');

-- Deactivating a supervisor takes the room away at once (private.my_role() reads profiles.active).
update public.profiles set active = false where id = tests.id('supervisor');
select is(pg_temp.probe('supervisor', 'incident:' || tests.id('inc1'), 'presence', 'select'), 'rows:0', 'a deactivated supervisor no longer receives presence');

select * from finish();
rollback;
