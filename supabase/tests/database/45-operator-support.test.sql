-- The operator console's read helpers: server_now() for the clock offset, and caller_call_history()
-- which counts a number's earlier calls only as far as the caller may read calls under RLS.
begin;
\ir helpers/test-helpers.psql
select plan(12);

select tests.build_world();

-- Two prank calls and one ghost call from the same number as call1, and one prank from another number.
do $$
declare
  v_call public.calls;
  v_type public.call_type;
  v_phone text;
begin
  perform tests.authenticate_as(tests.id('operator'));
  for v_type, v_phone in
    values ('prank'::public.call_type, '0812 3456 7890'), ('prank', '0812 3456 7890'),
           ('ghost', '0812 3456 7890'), ('prank', '0857 0000 1111')
  loop
    v_call := public.start_call(gen_random_uuid(), v_phone);
    v_call := public.answer_call(v_call.id, v_call.version);
    v_call := public.classify_call(v_call.id, v_type, v_call.version);
    v_call := public.end_call(v_call.id, v_call.version);
  end loop;
  perform tests.as_owner();
end
$$;

create function tests.history_as(p_user uuid, p_exclude uuid default null) returns text
language plpgsql
as $$
declare
  v_text text;
begin
  perform tests.authenticate_as(p_user);
  select coalesce(string_agg(h.call_type || '=' || h.calls, ',' order by h.call_type), '')
  into v_text
  from public.caller_call_history('0812 3456 7890', 30, p_exclude) h;
  perform tests.as_owner();
  return v_text;
end;
$$;

select is(tests.history_as(tests.id('operator')), 'emergency=1,ghost=1,prank=2', 'an operator sees the number''s calls per type');
select is(tests.history_as(tests.id('supervisor')), 'emergency=1,ghost=1,prank=2', 'a supervisor sees the same');
select is(tests.history_as(tests.id('operator'), tests.id('call1')), 'ghost=1,prank=2', 'the call being taken is left out');
select is(tests.history_as(tests.id('opd_own')), 'emergency=1',
  'the assigned agency counts only the call of its incident');
select is(tests.history_as(tests.id('opd_other')), '', 'another agency counts nothing');
select is(tests.history_as(tests.id('leadership')), '', 'leadership counts nothing: no caller data');
select is(tests.probe(null, 'select * from public.caller_call_history(''0812 3456 7890'')'), 'error:42501',
  'anon may not call caller_call_history');

-- Surrounding spaces are trimmed, other numbers are not counted, and old calls fall out of the window.
select is(
  (select sum(calls)::int from public.caller_call_history(' 0812 3456 7890 ')), 4,
  'the owner (as the API would for a service process) counts all four, trimming spaces');
update public.calls set received_at = received_at - interval '40 days', answered_at = answered_at - interval '40 days',
  classified_at = classified_at - interval '40 days', recorded_at = recorded_at - interval '40 days',
  ended_at = ended_at - interval '40 days'
where call_type = 'ghost';
select is(tests.history_as(tests.id('operator')), 'emergency=1,prank=2', 'a call older than 30 days is not counted');

-- try_as, not probe: probe counts rows, and the planner never calls a function whose value is unused.
select is(tests.try_as(null, 'select public.server_now()'), 'error:42501', 'anon may not read the clock');
select is(tests.try_as(tests.id('opd_own'), 'select public.server_now()'), 'ok', 'a signed-in user reads the clock');
-- Exact, not within a few seconds of clock_timestamp(): a file that runs long (seeded, loaded machine)
-- drifted past any such margin.
select is(public.server_now(), statement_timestamp(), 'server_now is the database clock (this statement''s time)');

select * from finish();
rollback;
