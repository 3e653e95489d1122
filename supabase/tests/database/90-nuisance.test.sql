-- Nuisance numbers (issue #16 §5): proposals at the threshold within the window, supervisor
-- decisions with reasons, expiry and early lifting, blocked calls still recorded and flagged (and the
-- PBX told), the call-back list of ghost and abandoned calls and its outcomes, the settings RPC.
begin;
\ir helpers/test-helpers.psql
select plan(73);

select tests.build_world();

-- A whole nuisance-or-not call by the operator from p_phone: started, answered, classified, ended.
create function tests.call_from(p_phone text, p_type public.call_type) returns uuid
language plpgsql
as $$
declare
  v_call public.calls;
begin
  perform tests.authenticate_as(tests.id('operator'));
  v_call := public.start_call(gen_random_uuid(), p_phone);
  v_call := public.answer_call(v_call.id, v_call.version);
  v_call := public.classify_call(v_call.id, p_type, v_call.version);
  if p_type <> 'emergency' then
    v_call := public.end_call(v_call.id, v_call.version, case when p_type = 'info' then 'Info' end);
  end if;
  perform tests.as_owner();
  return v_call.id;
end;
$$;

create function tests.block_of(p_phone_key text) returns public.blocked_numbers
language sql stable
as $$ select * from public.blocked_numbers b where b.phone = p_phone_key order by b.created_at desc, b.proposed_at desc limit 1 $$;

create function tests.blocks_of(p_phone_key text) returns integer
language sql stable
as $$ select count(*)::int from public.blocked_numbers b where b.phone = p_phone_key $$;

-- settings ------------------------------------------------------------------------------------
select is((select (threshold, window_hours, block_hours)::text from public.nuisance_settings), '(3,24,24)',
  'defaults: 3 calls in 24 h propose a block of 24 h');

-- threshold and window ------------------------------------------------------------------------
select tests.call_from('0812 7000 1111', 'prank');
select tests.call_from('0812-7000-1111', 'prank');
select tests.call_from('0812 7000 1111', 'info');
select tests.call_from('0812 7000 1111', 'emergency');
select is(tests.blocks_of('081270001111'), 0, 'two prank calls (and an info and an emergency call) propose nothing');
insert into tests.world values ('third', tests.call_from('0812-7000 1111', 'ghost'));
select is(tests.blocks_of('081270001111'), 1, 'the third ghost/prank call in the window proposes a block, however the number is written');
select ok((select status = 'proposed' and prank_calls = 2 and ghost_calls = 1 and threshold = 3 and window_hours = 24
                  and trigger_call_id = tests.id('third') and decided_at is null and expires_at is null
           from tests.block_of('081270001111')),
  'the proposal records its counts, the rule and the call that reached it');
select is((select count(*)::int from public.incident_events e where e.call_id = tests.id('third') and e.kind = 'number_block_proposed'
           and e.actor_id = tests.id('operator') and (e.data ->> 'prank_calls')::int = 2
           and e.data ->> 'blocked_number_id' = (tests.block_of('081270001111')).id::text), 1,
  'the proposal is audited on the call that reached the threshold');
select ok(not exists (select 1 from public.incident_events e where e.call_id = tests.id('third') and e.data::text like '%0812%'),
  'the audit holds no phone number');
insert into tests.world values ('block1', (tests.block_of('081270001111')).id);
select tests.call_from('0812 7000 1111', 'prank');
select is(tests.blocks_of('081270001111'), 1, 'a fourth call makes no second proposal');
select ok((select prank_calls = 3 and ghost_calls = 1 and version = 2 from tests.block_of('081270001111')),
  'a waiting proposal keeps its counts current');

-- Calls older than the window do not count.
insert into tests.world values ('old1', tests.call_from('0813 1000 2000', 'prank'));
insert into tests.world values ('old2', tests.call_from('0813 1000 2000', 'prank'));
update public.calls set received_at = now() - interval '25 hours' where id in (tests.id('old1'), tests.id('old2'));
select tests.call_from('0813 1000 2000', 'prank');
select is(tests.blocks_of('081310002000'), 0, 'calls older than the window do not count');
select tests.call_from('0813 1000 2000', 'ghost');
select is(tests.blocks_of('081310002000'), 0, 'two in the window are still under the threshold');

-- deciding ------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.decide_number_block({block1}, true, 'Prank', 2)$$)),
  'forbidden_role', 'an operator may not decide a block');
select is(tests.try_as(tests.id('opd_own'), tests.fill($$select public.decide_number_block({block1}, true, 'Prank', 2)$$)),
  'forbidden_role', 'an OPD may not decide a block');
select is(tests.try_as(tests.id('leadership'), tests.fill($$select public.decide_number_block({block1}, true, 'Prank', 2)$$)),
  'forbidden_role', 'leadership may not decide a block');
select is(tests.try_as(null, tests.fill($$select public.decide_number_block({block1}, true, 'Prank', 2)$$)),
  'error:42501', 'anon may not decide a block');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.decide_number_block({block1}, true, '  ', 2)$$)),
  'reason_required', 'a decision needs a reason');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.decide_number_block({block1}, true, repeat('x', 501), 2)$$)),
  'reason_too_long', 'a reason of more than 500 characters is refused');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.decide_number_block({block1}, true, 'Prank', 1)$$)),
  'stale_version', 'a decision on an old version is refused');
select is(tests.try_as(tests.id('supervisor'), $$select public.decide_number_block(gen_random_uuid(), true, 'Prank', 1)$$),
  'block_not_found', 'an unknown block is refused');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.decide_number_block({block1}, null, 'Prank', 2)$$)),
  'invalid_state', 'approve must be said');
select is((select version from tests.block_of('081270001111')), 2, 'refused decisions change nothing');

select is(tests.run_as(tests.id('supervisor'), $$select * from public.decide_number_block({block1}, true, '4 prank dalam sehari', 2)$$) ->> 'status',
  'approved', 'a supervisor approves the block');
select ok((select decided_by = tests.id('supervisor') and decided_at = now() and decision_reason = '4 prank dalam sehari'
                  and expires_at = now() + interval '24 hours' and version = 3
           from tests.block_of('081270001111')),
  'the decision, who made it, when, and the expiry (block_hours later) are recorded');
select is((select count(*)::int from public.incident_events e where e.call_id = tests.id('third') and e.kind = 'number_block_decided'
           and e.actor_id = tests.id('supervisor') and (e.data ->> 'approved')::boolean and e.data ->> 'reason' = '4 prank dalam sehari'), 1,
  'the decision is audited');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.decide_number_block({block1}, false, 'Lagi', 3)$$)),
  'invalid_state', 'a decided block cannot be decided again');

-- a blocked number's calls ------------------------------------------------------------------
insert into tests.world
values ('blocked_manual', (tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0812 7000 1111')$$) ->> 'id')::uuid);
select ok((select blocked_number_id = tests.id('block1') and ended_at is null from public.calls where id = tests.id('blocked_manual')),
  'a manual call from the blocked number is recorded and flagged');
select is(tests.run_as(null, $$select public.record_telephony_event('nz-1', 'ringing', 'nz-call-1', now() - interval '5 seconds', '081270001111') res$$) -> 'res' ->> 'blocked',
  'true', 'the PBX''s ringing answer says the number is blocked');
select is((tests.run_as(null, $$select public.record_telephony_event('nz-1', 'ringing', 'nz-call-1', now() - interval '5 seconds', '081270001111') res$$) -> 'res' ->> 'blocked_until')::timestamptz,
  now() + interval '24 hours', 'with the block''s expiry (also on a repeat)');
select ok((select blocked_number_id = tests.id('block1') and source = 'telephony' and received_at = now() - interval '5 seconds'
           from public.calls where external_id = 'nz-call-1'),
  'the telephony call is recorded (never dropped) and flagged');
select is(tests.run_as(null, $$select public.record_telephony_event('nz-2', 'answered', 'nz-call-1', now() - interval '2 seconds', null, null, '101') res$$) -> 'res' ->> 'state',
  'answered', 'a blocked call can still be answered');
select is(tests.run_as(null, $$select public.record_telephony_event('nz-3', 'ringing', 'nz-call-2', now(), '0899 1234 5678') res$$) -> 'res' ->> 'blocked',
  'false', 'another number''s call is not blocked');
select is(tests.run_as(null, $$select public.record_telephony_event('nz-4', 'ringing', 'nz-call-3', now()) res$$) -> 'res' ->> 'blocked',
  'false', 'a call without a number is not blocked');
select is((select count(*)::int from public.blocked_numbers where phone = '081270001111' and status in ('proposed', 'approved')), 1,
  'calls during a block propose nothing new');

-- lifting and expiry --------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.lift_number_block({block1}, 'Salah', 3)$$)),
  'forbidden_role', 'an operator may not lift a block');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.lift_number_block({block1}, '', 3)$$)),
  'reason_required', 'lifting needs a reason');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.lift_number_block({block1}, 'Salah', 2)$$)),
  'stale_version', 'lifting an old version is refused');
select is(tests.run_as(tests.id('admin'), $$select * from public.lift_number_block({block1}, 'Pemilik nomor menghubungi kami', 3)$$) ->> 'status',
  'lifted', 'an admin lifts the block early');
select ok((select lifted_by = tests.id('admin') and lifted_at = now() and expires_at = now() and lift_reason is not null
           from tests.block_of('081270001111')), 'who lifted it, when and why are recorded; it expires now');
select is((select count(*)::int from public.incident_events e where e.call_id = tests.id('third') and e.kind = 'number_block_lifted'), 1,
  'lifting is audited');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.lift_number_block({block1}, 'Lagi', 4)$$)),
  'invalid_state', 'a lifted block cannot be lifted again');
select is(tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0812 7000 1111')$$) ->> 'blocked_number_id',
  null, 'after lifting, the number''s calls are no longer flagged');

-- A second number: rejected; a third: approved, runs out, and is proposed again.
select tests.call_from('0815 5555 0001', 'ghost');
select tests.call_from('0815 5555 0001', 'ghost');
select tests.call_from('0815 5555 0001', 'prank');
select is(tests.run_as(tests.id('supervisor'),
  format($$select * from public.decide_number_block(%L, false, 'Anak-anak, sudah ditegur', 1)$$, (tests.block_of('081555550001')).id)) ->> 'status',
  'rejected', 'a supervisor rejects a proposal with a reason');
select ok((select expires_at is null and decided_by = tests.id('supervisor') and decision_reason = 'Anak-anak, sudah ditegur'
           from tests.block_of('081555550001')), 'a rejection has no expiry and records who decided');
select is(tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0815 5555 0001')$$) ->> 'blocked_number_id',
  null, 'a rejected proposal flags nothing');

select tests.call_from('0816 6666 0001', 'prank');
select tests.call_from('0816 6666 0001', 'prank');
select tests.call_from('0816 6666 0001', 'prank');
select tests.run_as(tests.id('admin'),
  format($$select * from public.decide_number_block(%L, true, 'Admin memutuskan', 1)$$, (tests.block_of('081666660001')).id));
select is((select status::text from tests.block_of('081666660001')), 'approved', 'an admin may decide too');
update public.blocked_numbers set expires_at = now() - interval '1 second', decided_at = now() - interval '25 hours',
  proposed_at = now() - interval '25 hours' where phone = '081666660001';
select is(tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0816 6666 0001')$$) ->> 'blocked_number_id',
  null, 'a block past its expiry flags nothing');
select tests.call_from('0816 6666 0001', 'prank');
select is(tests.blocks_of('081666660001'), 2, 'after expiry, the threshold proposes again');
select is((select array_agg(status::text order by proposed_at) from public.blocked_numbers where phone = '081666660001'),
  array['expired', 'proposed'], 'the run-out block is kept as expired: history stays');

-- the call-back list --------------------------------------------------------------------------
insert into tests.world values ('ghost1', tests.call_from('0817 7777 0001', 'ghost'));
select ok((select reason = 'ghost' and status = 'open' and attempts = 0
                  and call_received_at = (select received_at from public.calls where id = tests.id('ghost1'))
           from public.callbacks where call_id = tests.id('ghost1')), 'an ended ghost call goes on the call-back list');
select is((select count(*)::int from public.callbacks c join public.calls k on k.id = c.call_id where k.call_type = 'prank'), 0,
  'prank calls are not called back');
select is((select count(*)::int from public.callbacks c join public.calls k on k.id = c.call_id where k.call_type in ('info', 'emergency')), 0,
  'info and emergency calls are not called back');
select tests.call_from(null, 'ghost');
select is((select count(*)::int from public.callbacks c join public.calls k on k.id = c.call_id where k.caller_phone is null), 0,
  'a ghost call without a number cannot be called back');
select tests.run_as(null, $$select public.record_telephony_event('ab-1', 'ringing', 'ab-call-1', now() - interval '20 seconds', '0818 8888 0001') res$$);
select tests.run_as(null, $$select public.record_telephony_event('ab-2', 'abandoned', 'ab-call-1', now() - interval '10 seconds', '0818 8888 0001') res$$);
select is((select c.reason::text from public.callbacks c join public.calls k on k.id = c.call_id where k.external_id = 'ab-call-1'),
  'abandoned', 'a call abandoned while ringing goes on the call-back list');
select is((select count(*)::int from public.callbacks c join public.calls k on k.id = c.call_id where k.external_id = 'nz-call-1'), 0,
  'a call still going is not on the list');

insert into tests.world select 'cb1', c.id from public.callbacks c where c.call_id = tests.id('ghost1');
select is(tests.try_as(tests.id('opd_own'), tests.fill($$select public.record_callback({cb1}, 'no_answer', null, 1)$$)),
  'forbidden_role', 'an OPD may not record a call-back');
select is(tests.try_as(tests.id('leadership'), tests.fill($$select public.record_callback({cb1}, 'no_answer', null, 1)$$)),
  'forbidden_role', 'leadership may not record a call-back');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.record_callback({cb1}, 'no_answer', null, 1)$$)),
  'forbidden_role', 'an admin may not record a call-back');
select is(tests.try_as(null, tests.fill($$select public.record_callback({cb1}, 'no_answer', null, 1)$$)),
  'error:42501', 'anon may not record a call-back');
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.record_callback({cb1}, null, null, 1)$$)),
  'invalid_state', 'an outcome is required');
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.record_callback({cb1}, 'no_answer', repeat('x', 501), 1)$$)),
  'note_too_long', 'a note of more than 500 characters is refused');
select is(tests.run_as(tests.id('operator'), $$select * from public.record_callback({cb1}, 'no_answer', '  ', 1)$$) ->> 'status',
  'open', 'no answer keeps the call-back open for another try');
select ok((select attempts = 1 and last_outcome = 'no_answer' and last_note is null and last_attempt_by = tests.id('operator') and version = 2
           from public.callbacks where id = tests.id('cb1')), 'the attempt is recorded');
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.record_callback({cb1}, 'reached_ok', null, 1)$$)),
  'stale_version', 'an attempt on an old version is refused');
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.record_callback({cb1}, 'reached_emergency', null, 2)$$)),
  'invalid_state', 'an emergency needs the key of the new call');
insert into tests.world
values ('new_call', (tests.run_as(tests.id('operator'), $$select * from public.record_callback({cb1}, 'reached_emergency', 'Ibu pingsan', 2, '22222222-2222-4222-8222-222222222222')$$) ->> 'new_call_id')::uuid);
select ok((select status = 'done' and attempts = 2 and last_outcome = 'reached_emergency' and new_call_id = tests.id('new_call')
           from public.callbacks where id = tests.id('cb1')), 'reaching an emergency closes the call-back and links the new call');
select ok((select idempotency_key = '22222222-2222-4222-8222-222222222222' and operator_id = tests.id('operator')
                  and answered_at is not null and ended_at is null and caller_phone = '0817 7777 0001'
           from public.calls where id = tests.id('new_call')), 'the new call is answered by the operator, ready for the console to continue');
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.record_callback({cb1}, 'reached_ok', null, 3)$$)),
  'invalid_state', 'a done call-back takes no more attempts');
select is((select count(*)::int from public.incident_events e where e.call_id = tests.id('ghost1') and e.kind = 'callback_recorded'), 2,
  'each attempt is audited on the original call');
select is(tests.try_as(tests.id('operator'), $$select public.record_callback(gen_random_uuid(), 'reached_ok', null, 1)$$),
  'callback_not_found', 'an unknown call-back is refused');

-- the settings RPC ----------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), $$select public.set_nuisance_settings(2, 12, 48)$$),
  'forbidden_role', 'a supervisor may not change the rules');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(1, 12, 48)$$),
  'invalid_settings', 'a threshold of 1 is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_nuisance_settings(2, 0, 48)$$),
  'invalid_settings', 'a window of 0 hours is refused');
select is(tests.run_as(tests.id('admin'), $$select * from public.set_nuisance_settings(2, 12, 48)$$) ->> 'threshold',
  '2', 'an admin changes the rules');
select tests.call_from('0819 9999 0001', 'prank');
select tests.call_from('0819 9999 0001', 'prank');
select is((select window_hours from tests.block_of('081999990001')), 12, 'the new threshold applies to the next proposal');

select * from finish();
rollback;
