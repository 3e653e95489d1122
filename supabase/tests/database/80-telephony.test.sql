-- The telephony feed: record_telephony_event (service role only), idempotent per event id, in any
-- order per call, stamping the PBX's times; operator extensions; who reads the feed.
begin;
\ir helpers/test-helpers.psql
select plan(46);

select tests.build_world();
update public.profiles set extension = '7101' where id = tests.id('operator');

-- One PBX event as the service role; returns the function's answer.
create function tests.pbx(p_event_id text, p_type public.telephony_event_type, p_call_id text, p_at timestamptz,
                          p_phone text default null, p_extension text default null, p_ended_by text default null)
returns jsonb
language plpgsql
as $$
declare
  v_result jsonb;
begin
  perform tests.authenticate_as_service_role();
  v_result := public.record_telephony_event(p_event_id, p_type, p_call_id, p_at, p_phone, 'trunk-1', p_extension, p_ended_by);
  perform tests.as_owner();
  return v_result;
end;
$$;

-- The same, but says 'ok' or the refusal code, and is always rolled back.
create function tests.try_pbx(p_event_id text, p_type public.telephony_event_type, p_call_id text, p_at timestamptz,
                              p_extension text default null, p_ended_by text default null)
returns text
language plpgsql
as $$
begin
  begin
    perform tests.authenticate_as_service_role();
    perform public.record_telephony_event(p_event_id, p_type, p_call_id, p_at, null, null, p_extension, p_ended_by);
    raise exception using errcode = 'TPROB', message = 'ok';
  exception
    when sqlstate 'TPROB' then return sqlerrm;
    when sqlstate 'P0001' then return sqlerrm;
    when others then return 'error:' || sqlstate;
  end;
end;
$$;

create function tests.call_of(p_external_id text) returns public.calls
language sql stable
as $$ select * from public.calls c where c.external_id = p_external_id $$;

-- who may call it -------------------------------------------------------------------------------
select is(tests.try_as(null, $$select public.record_telephony_event('e0', 'ringing', 'x0', now())$$),
  'error:42501', 'anon may not record PBX events');
select is(tests.try_as(tests.id('operator'), $$select public.record_telephony_event('e0', 'ringing', 'x0', now())$$),
  'error:42501', 'an operator may not record PBX events');
select is(tests.try_as(tests.id('admin'), $$select public.record_telephony_event('e0', 'ringing', 'x0', now())$$),
  'error:42501', 'an admin may not record PBX events');
select is((select count(*)::int from public.calls where external_id = 'x0'), 0, 'refused events write nothing');

-- ringing, answered at a known extension, line ended --------------------------------------------
select is(tests.pbx('a-1', 'ringing', 'call-a', now() - interval '90 seconds', '+62 812 1111 2222') ->> 'state',
  'ringing', 'a ringing event starts a call');
select ok((select source = 'telephony' and received_at = now() - interval '90 seconds' and operator_id is null
                  and caller_phone = '+62 812 1111 2222' and trunk = 'trunk-1' and answered_at is null
           from tests.call_of('call-a')), 'the call carries the PBX''s ringing time, number and trunk');
select is((select count(*)::int from public.incident_events e where e.call_id = (tests.call_of('call-a')).id
           and e.kind = 'call_started' and e.at = now() - interval '90 seconds'), 1,
  'call_started is audited at the PBX''s time');

select is(tests.pbx('a-1', 'ringing', 'call-a', now() - interval '90 seconds', '+62 812 1111 2222'),
  (select result from public.telephony_events where event_id = 'a-1'), 'a repeated event answers the first answer');
select is((select version from tests.call_of('call-a')), 1, 'a repeated event changes nothing');
select is((select count(*)::int from public.telephony_events where external_call_id = 'call-a'), 1, 'one event row per event id');
select is(tests.try_pbx('a-1', 'ringing', 'call-a', now() - interval '80 seconds'),
  'invalid_state', 'an event id reused for a different event is refused');

select is(tests.pbx('a-2', 'answered', 'call-a', now() - interval '84 seconds', null, '7101') ->> 'operator_id',
  tests.id('operator')::text, 'answered at extension 7101 assigns the call to its operator');
select ok((select answered_at = now() - interval '84 seconds' from tests.call_of('call-a')),
  'answered_at is the PBX''s answer time (6 s after ringing)');
select is((select count(*)::int from public.incident_events e where e.call_id = (tests.call_of('call-a')).id
           and e.kind = 'call_answered' and e.actor_id is null and e.data ->> 'extension' = '7101'), 1,
  'the answer is audited with its extension and no human actor');

select is(tests.pbx('a-3', 'ended', 'call-a', now() - interval '20 seconds', null, null, 'caller') ->> 'state',
  'line_ended', 'the line ends');
select ok((select line_ended_at = now() - interval '20 seconds' and line_ended_by = 'caller' and ended_at is null
           from tests.call_of('call-a')), 'a line end does not end the record: the operator still finishes it');
select is(tests.try_as(tests.id('operator'), format($$select public.classify_call(%L, 'prank', %s)$$,
    (tests.call_of('call-a')).id, (tests.call_of('call-a')).version)),
  'ok', 'the operator of the extension classifies the telephony call');
select is(tests.try_as(tests.id('spare'), format($$select public.classify_call(%L, 'prank', %s)$$,
    (tests.call_of('call-a')).id, (tests.call_of('call-a')).version)),
  'not_your_call', 'another operator cannot take it over');

-- out of order ------------------------------------------------------------------------------------
select is(tests.pbx('b-2', 'answered', 'call-b', now() - interval '50 seconds', '0812 3333 4444', '7101') ->> 'state',
  'answered', 'an answer before its ringing still makes the call');
select is(tests.pbx('b-1', 'ringing', 'call-b', now() - interval '62 seconds', '0812 3333 4444') ->> 'state',
  'answered', 'the late ringing joins the same call');
select ok((select received_at = now() - interval '62 seconds' and answered_at = now() - interval '50 seconds'
           from tests.call_of('call-b')), 'the call has both times, from the events that carried them');
select is((select count(*)::int from public.calls where external_id = 'call-b'), 1, 'one call per PBX call id');
select is((select count(*)::int from public.incident_events e where e.call_id = (tests.call_of('call-b')).id
           and e.kind = 'call_started'), 1, 'and one call_started');
select is(tests.pbx('b-0', 'ringing', 'call-b', now() - interval '55 seconds') ->> 'state',
  'answered', 'a second, later ringing of the same call keeps the earliest start');
select ok((select received_at = now() - interval '62 seconds' from tests.call_of('call-b')), 'the start stays the earliest');

-- unknown extension, abandoned, contradictions ----------------------------------------------------
select is(tests.pbx('c-1', 'answered', 'call-c', now() - interval '30 seconds', null, '999') ->> 'operator_id',
  null, 'an unknown extension keeps the call, unassigned');
select ok((select answered_at is not null and operator_id is null from tests.call_of('call-c')),
  'the unassigned call is answered');
select is(tests.probe(tests.id('supervisor'), $$select 1 from public.calls where external_id = 'call-c'$$),
  'rows:1', 'the supervisor sees the unassigned call');

select is(tests.pbx('d-1', 'ringing', 'call-d', now() - interval '40 seconds', '0877 5555 6666') ->> 'state', 'ringing', 'ringing');
select is(tests.pbx('d-2', 'abandoned', 'call-d', now() - interval '25 seconds') ->> 'state',
  'abandoned', 'the caller hangs up before an answer');
select ok((select ended_at = now() - interval '25 seconds' and answered_at is null and line_ended_by = 'caller'
           from tests.call_of('call-d')), 'an abandoned call ends unanswered at the PBX''s time');
select is(tests.try_pbx('d-3', 'answered', 'call-d', now() - interval '20 seconds', '7101'),
  'invalid_state', 'an answer after abandonment is refused');
select is(tests.try_pbx('a-4', 'abandoned', 'call-a', now() - interval '10 seconds'),
  'invalid_state', 'an abandonment after an answer is refused');
select is((select count(*)::int from public.telephony_events where event_id in ('d-3', 'a-4')), 0,
  'refused events are not recorded');

select is(tests.try_pbx('e-1', 'ringing', 'call-e', now() + interval '5 minutes'),
  'invalid_state', 'an event from the future is refused');
select is(tests.try_pbx('e-2', 'ringing', 'call-e', now() - interval '2 days'),
  'invalid_state', 'an event two days late is refused');
select is(tests.try_pbx('e-3', 'ended', 'call-e', now()), 'invalid_state', 'an ended event needs ended_by');
select is((select count(*)::int from public.calls where external_id = 'call-e'), 0, 'none of them made a call');

-- who reads the feed --------------------------------------------------------------------------------
select is(tests.probe(tests.id('admin'), 'select 1 from public.telephony_events'), 'rows:9', 'admins read the feed');
select is(tests.probe(tests.id('supervisor'), 'select 1 from public.telephony_events'), 'rows:0', 'supervisors do not');
select is(tests.probe(tests.id('operator'), 'select 1 from public.telephony_events'), 'rows:0', 'operators do not');
select is(tests.probe(null, 'select 1 from public.telephony_events'), 'error:42501', 'anon may not select it');
select is(tests.probe(tests.id('admin'), $$update public.telephony_events set result = '{}'$$), 'error:42501',
  'nobody rewrites the feed');

-- extensions ------------------------------------------------------------------------------------------
select is(tests.probe(tests.id('operator'), format($$update public.profiles set extension = '555' where id = %L$$, tests.id('operator'))),
  'rows:0', 'an operator cannot move their own extension');
select is(tests.probe(tests.id('admin'), format($$update public.profiles set extension = '7102' where id = %L$$, tests.id('spare'))),
  'rows:1', 'an admin sets an operator''s extension');
select throws_ok(format($$update public.profiles set extension = '7101' where id = %L$$, tests.id('spare')),
  '23505', null, 'an extension belongs to one active operator');

select * from finish();
rollback;
