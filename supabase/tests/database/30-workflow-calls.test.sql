-- Call transitions, reporting and linking (idempotent), the duplicate check and ticket numbers.
begin;
\ir helpers/test-helpers.psql
select plan(54);

select tests.build_world();

-- start -------------------------------------------------------------------------------------------
insert into tests.world values ('key1', gen_random_uuid());
select is(tests.try_as(tests.id('opd_own'), $$select public.start_call(tests.id('key1'))$$), 'forbidden_role', 'an OPD cannot start a call');
select is(tests.try_as(tests.id('leadership'), $$select public.start_call(tests.id('key1'))$$), 'forbidden_role', 'leadership cannot start a call');
select is(tests.try_as(tests.id('admin'), $$select public.start_call(tests.id('key1'))$$), 'forbidden_role', 'an admin cannot start a call');
select is(tests.try_as(null, $$select public.start_call(gen_random_uuid())$$), 'error:42501', 'anon may not call start_call');

insert into tests.world
select 'c1', (tests.run_as(tests.id('operator'), $$select * from public.start_call({key1}, '0812-1111-2222', 'Pak Joko')$$) ->> 'id')::uuid;
select ok((select received_at = now() and operator_id = tests.id('operator') and answered_at is null and version = 1
           from public.calls where id = tests.id('c1')), 'the operator starts a call, stamped by the database clock');
select is(tests.run_as(tests.id('operator'), $$select * from public.start_call({key1}, '0812-1111-2222', 'Pak Joko')$$) ->> 'id',
  tests.id('c1')::text, 'a double submit with the same idempotency key returns the same call');
select is((select count(*)::int from public.calls where idempotency_key = tests.id('key1')), 1, 'only one call row');
select is((select count(*)::int from public.incident_events where call_id = tests.id('c1')), 1, 'only one call_started event');

-- The telephony integration (service role) records a ringing call without an operator.
select is(tests.run_as(null, $$select * from public.start_call(gen_random_uuid(), '0877 1234 5678', null, 'telephony', 'pbx-001')$$) ->> 'operator_id',
  null, 'the telephony system starts a call without operator');
select is(tests.run_as(null, $$select * from public.start_call(gen_random_uuid(), '0877 1234 5678', null, 'telephony', 'pbx-001')$$) ->> 'external_id',
  'pbx-001', 'the same telephony call id returns the same call');
select is((select count(*)::int from public.calls where external_id = 'pbx-001'), 1, 'one row per telephony call');
insert into tests.world select 'tel', id from public.calls where external_id = 'pbx-001';

-- answer, classify, end ------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), $$select public.classify_call(tests.id('c1'), 'prank', tests.cv('c1'))$$),
  'invalid_state', 'a call is classified only once answered');
select is(tests.try_as(tests.id('spare'), $$select public.answer_call(tests.id('c1'), tests.cv('c1'))$$),
  'not_your_call', 'another operator cannot answer a call started by a colleague');
select is(tests.try_as(tests.id('opd_own'), $$select public.answer_call(tests.id('c1'), tests.cv('c1'))$$),
  'forbidden_role', 'an OPD cannot answer');
select is(tests.try_as(tests.id('operator'), $$select public.answer_call(tests.id('c1'), 7)$$),
  'stale_version', 'answering with a stale version is refused');
select is(tests.try_as(tests.id('operator'), $$select public.end_call(tests.id('c1'), tests.cv('c1'))$$),
  'ok', 'an unanswered call may end (caller hung up)');
select lives_ok($$select tests.run_as(tests.id('operator'), 'select * from public.answer_call({c1}, tests.cv(''c1''))')$$, 'the operator answers');
select ok((select answered_at = now() and version = 2 from public.calls where id = tests.id('c1')), 'answered_at stamped, version bumped');
select is(tests.try_as(tests.id('operator'), $$select public.answer_call(tests.id('c1'), tests.cv('c1'))$$),
  'invalid_state', 'a call is answered once');
select is(tests.try_as(tests.id('operator'), $$select public.end_call(tests.id('c1'), tests.cv('c1'))$$),
  'call_not_classified', 'an answered call must be classified before it ends');
select is(tests.try_as(tests.id('operator'), $$select public.report_incident(tests.id('c1'), 'fire', 'x', -6.0, 106.0)$$),
  'call_not_emergency', 'an unclassified call cannot report an incident');

-- Two operators race for the same telephony call: the second one is told it is stale or taken.
select lives_ok($$select tests.run_as(tests.id('spare'), 'select * from public.answer_call({tel}, 1)')$$, 'an operator answers the ringing telephony call');
select is(tests.try_as(tests.id('operator'), $$select public.answer_call(tests.id('tel'), 1)$$),
  'not_your_call', 'the colleague who clicked a moment later is refused');

select lives_ok($$select tests.run_as(tests.id('operator'), 'select * from public.classify_call({c1}, ''prank'', tests.cv(''c1''))')$$, 'classified as prank');
select is(tests.try_as(tests.id('operator'), $$select public.report_incident(tests.id('c1'), 'fire', 'x', -6.0, 106.0)$$),
  'call_not_emergency', 'a prank call cannot report an incident');
select is(tests.run_as(tests.id('operator'), $$select * from public.classify_call({c1}, 'emergency', tests.cv('c1'), null, 'Pak Joko Susilo')$$) ->> 'caller_name',
  'Pak Joko Susilo', 'the classification can be corrected while the call runs, with the caller''s data');
select is(tests.try_as(tests.id('operator'), $$select public.end_call(tests.id('c1'), tests.cv('c1'))$$),
  'call_not_reported', 'an emergency call cannot end without an incident');

-- report ------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('opd_own'), $$select public.report_incident(tests.id('c1'), 'fire', 'x', -6.0, 106.0)$$),
  'forbidden_role', 'an OPD cannot report an incident');
select is(tests.try_as(tests.id('operator'), $$select public.report_incident(tests.id('c1'), 'fire', ' ', -6.0, 106.0)$$),
  'description_required', 'a description is required');
select is(tests.try_as(tests.id('operator'), $$select public.report_incident(tests.id('c1'), 'fire', 'Kebakaran', -6.2, 106.0)$$),
  'location_out_of_area', 'a location outside Cilegon is refused');
select is(tests.try_as(tests.id('operator'), $$select public.report_incident(tests.id('c1'), 'fire', 'Kebakaran', -6.0, 106.0, 'high', null, 'Serang')$$),
  'invalid_kecamatan', 'an unknown kecamatan is refused');

insert into tests.world
select 'i1', (tests.run_as(tests.id('operator'),
  $$select * from public.report_incident({c1}, 'fire', 'Gudang terbakar', -6.0021, 106.0112, 'critical', 'Jl. Sudirman', 'Jombang', 'Masigit')$$) ->> 'id')::uuid;
select is(tests.run_as(tests.id('operator'),
  $$select * from public.report_incident({c1}, 'fire', 'Gudang terbakar (kirim ulang)', -6.0021, 106.0112)$$) ->> 'id',
  tests.id('i1')::text, 'reporting the same call again returns the existing incident');
-- Counted among the incidents reported in this transaction (a seeded database holds older ones).
select is((select count(*)::int from public.incidents where reported_at = now()), 2,
  'no second incident was created (world inc1 + i1)');
select is((select count(*)::int from public.incident_events where incident_id = tests.id('i1') and kind = 'incident_reported'), 1,
  'one incident_reported event');
select ok((select status = 'reported' and reported_at = now() and version = 1 and reported_by = tests.id('operator') and kecamatan = 'Jombang'
           from public.incidents where id = tests.id('i1')), 'the incident is reported, stamped and attributed');
select is((select incident_id from public.calls where id = tests.id('c1')), tests.id('i1'), 'the call points at its incident');
select lives_ok($$select tests.run_as(tests.id('operator'), 'select * from public.end_call({c1}, tests.cv(''c1''))')$$, 'the emergency call ends');
select is(tests.try_as(tests.id('operator'), $$select public.end_call(tests.id('c1'), tests.cv('c1'))$$), 'invalid_state', 'a call ends once');
select is(tests.try_as(tests.id('operator'), $$select public.classify_call(tests.id('c1'), 'info', tests.cv('c1'))$$),
  'invalid_state', 'an ended call cannot be reclassified');

-- ticket numbers: per WIB day, 4 digits, consecutive -------------------------------------------
select matches((select ticket_no from public.incidents where id = tests.id('i1')), '^112-[0-9]{8}-[0-9]{4}$', 'ticket number format');
select is((select split_part(ticket_no, '-', 2) from public.incidents where id = tests.id('i1')),
  to_char(now() at time zone 'Asia/Jakarta', 'YYYYMMDD'), 'the ticket day is the WIB date');
select is((select split_part(ticket_no, '-', 3)::int from public.incidents where id = tests.id('i1'))
          - (select split_part(ticket_no, '-', 3)::int from public.incidents where id = tests.id('inc1')), 1,
  'ticket numbers of a day are consecutive');
select is(private.next_ticket_no('2030-03-01 16:59:59+00'), '112-20300301-0001', 'first ticket of 1 March WIB');
select is(private.next_ticket_no('2030-03-01 17:00:00+00'), '112-20300302-0001', 'midnight WIB (17:00 UTC) starts a new day');
select is(private.next_ticket_no('2030-03-01 10:00:00+00'), '112-20300301-0002', 'the counter of a day continues');

-- link a repeat caller -----------------------------------------------------------------------------
insert into tests.world
select 'c2', (tests.run_as(tests.id('operator'), $$select * from public.start_call(gen_random_uuid(), '0857 2222 3333')$$) ->> 'id')::uuid;
select tests.run_as(tests.id('operator'), $$select * from public.answer_call({c2}, tests.cv('c2'))$$);
select is(tests.try_as(tests.id('operator'), $$select public.link_call_to_incident(tests.id('c2'), tests.id('i1'))$$),
  'call_not_emergency', 'only an emergency call joins an incident');
select tests.run_as(tests.id('operator'), $$select * from public.classify_call({c2}, 'emergency', tests.cv('c2'))$$);

-- duplicate check: same category within 500 m in the last hour
select is((select count(*)::int from tests.run_as(tests.id('operator'), $$select count(*) as n from public.nearby_open_incidents(-6.0050, 106.0112, 'fire')$$) j
           where (j ->> 'n')::int = 1), 1, 'an open fire 320 m away is offered as a duplicate');
select is((tests.run_as(tests.id('operator'), $$select count(*) as n from public.nearby_open_incidents(-6.0080, 106.0112, 'fire')$$) ->> 'n')::int, 0,
  '650 m away is not');
select is((tests.run_as(tests.id('operator'), $$select count(*) as n from public.nearby_open_incidents(-6.0021, 106.0112, 'medical')$$) ->> 'n')::int, 0,
  'another category is not');
select is(tests.try_as(tests.id('leadership'), $$select * from public.nearby_open_incidents(-6.0, 106.0)$$), 'forbidden_role',
  'leadership cannot run the duplicate check');

select is(tests.run_as(tests.id('operator'), $$select * from public.link_call_to_incident({c2}, {i1})$$) ->> 'incident_id',
  tests.id('i1')::text, 'the repeat call joins the open incident');
select is(tests.run_as(tests.id('operator'), $$select * from public.link_call_to_incident({c2}, {i1})$$) ->> 'incident_id',
  tests.id('i1')::text, 'linking again is harmless');
select is((select count(*)::int from public.incident_events where call_id = tests.id('c2') and kind = 'call_linked'), 1, 'one call_linked event');
select is(tests.try_as(tests.id('operator'), $$select public.link_call_to_incident(tests.id('c2'), tests.id('inc1'))$$),
  'call_already_linked', 'a call belongs to one incident');

select * from finish();
rollback;
