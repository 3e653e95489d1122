-- Incident and assignment transitions (DESIGN.md §5): each one allowed for the right role, agency
-- and state, refused otherwise with its stable code; derived incident status, stamps and versions.
begin;
\ir helpers/test-helpers.psql
select plan(76);

select tests.build_world();
select tests.new_incident('inc2');

-- dispatch ----------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], tests.iv('inc2'))$$)),
  'forbidden_role', 'an operator cannot dispatch');
select is(tests.try_as(tests.id('opd_own'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], tests.iv('inc2'))$$)),
  'forbidden_role', 'an OPD cannot dispatch');
select is(tests.try_as(tests.id('leadership'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], tests.iv('inc2'))$$)),
  'forbidden_role', 'leadership cannot dispatch');
select is(tests.try_as(tests.id('admin'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], tests.iv('inc2'))$$)),
  'forbidden_role', 'an admin cannot dispatch');
select is(tests.try_as(null, tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], 1)$$)),
  'error:42501', 'anon may not even call dispatch');
select is(tests.try_as(tests.id('no_profile'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], 1)$$)),
  'not_authenticated', 'a user without profile is refused');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.dispatch_incident({inc2}, array[{aga}]::uuid[], tests.iv('inc2') + 1)$$)),
  'stale_version', 'dispatch with a stale version is refused');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.dispatch_incident({inc2}, array[]::uuid[], tests.iv('inc2'))$$)),
  'agencies_required', 'dispatch needs at least one agency');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.dispatch_incident({inc2}, array[gen_random_uuid()], tests.iv('inc2'))$$)),
  'agency_not_found', 'dispatch to an unknown agency is refused');
update public.agencies set active = false where id = tests.id('agc');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.dispatch_incident({inc2}, array[{agc}]::uuid[], tests.iv('inc2'))$$)),
  'agency_inactive', 'dispatch to an inactive agency is refused');
update public.agencies set active = true where id = tests.id('agc');

select is(tests.iv('inc2'), 1, 'refusals changed nothing: version still 1');
select is(tests.event_count('inc2'), 1, 'refusals changed nothing: only the incident_reported event');

select is(
  tests.run_as(tests.id('supervisor'), $$select * from public.dispatch_incident({inc2}, array[{aga}, {agb}, {aga}]::uuid[], tests.iv('inc2'))$$) ->> 'status',
  'dispatched', 'the supervisor dispatches to two agencies');
select is((select count(*)::int from public.assignments where incident_id = tests.id('inc2') and status = 'assigned'), 2,
  'one assignment per distinct agency');
select ok((select dispatched_at = now() and version = 2 from public.incidents where id = tests.id('inc2')),
  'dispatched_at stamped by the database clock and version bumped once');
select is((select count(*)::int from public.incident_events where incident_id = tests.id('inc2') and kind = 'dispatched'), 1,
  'exactly one dispatched event');
select is(tests.try_as(tests.id('supervisor'), tests.fill($$select public.dispatch_incident({inc2}, array[{agc}]::uuid[], tests.iv('inc2'))$$)),
  'invalid_state', 'a dispatched incident cannot be dispatched again');

select tests.name_assignment('a2a', 'inc2', 'aga');
select tests.name_assignment('a2b', 'inc2', 'agb');

-- escalation -----------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), tests.fill($$select public.escalate_assignment({a2b}, 'telepon')$$)),
  'forbidden_role', 'an operator cannot escalate');
select is((tests.run_as(tests.id('supervisor'), $$select * from public.escalate_assignment({a2b}, 'ditelepon via radio')$$) ->> 'escalation_count')::int,
  1, 'the supervisor records a follow-up on an unacknowledged assignment');
select is((select count(*)::int from public.incident_events where assignment_id = tests.id('a2b') and kind = 'escalated'), 1,
  'exactly one escalated event');

-- OPD steps ---------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('opd_other'), $$select public.acknowledge_assignment(tests.id('a2a'), tests.av('a2a'))$$),
  'wrong_agency', 'another agency cannot acknowledge this assignment');
select is(tests.try_as(tests.id('supervisor'), $$select public.acknowledge_assignment(tests.id('a2a'), tests.av('a2a'))$$),
  'forbidden_role', 'a supervisor cannot acknowledge for an agency');
select is(tests.try_as(tests.id('operator'), $$select public.acknowledge_assignment(tests.id('a2a'), tests.av('a2a'))$$),
  'forbidden_role', 'an operator cannot acknowledge');
select is(tests.try_as(tests.id('opd_own'), $$select public.acknowledge_assignment(tests.id('a2a'), tests.av('a2a') - 1)$$),
  'stale_version', 'acknowledging with a stale version is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.mark_en_route(tests.id('a2a'), tests.av('a2a'))$$),
  'invalid_state', 'en route before acknowledging is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.mark_on_scene(tests.id('a2a'), tests.av('a2a'))$$),
  'invalid_state', 'on scene before acknowledging is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('a2a'), 'selesai', tests.av('a2a'))$$),
  'invalid_state', 'completing before acknowledging is refused');
select is(tests.try_as(tests.id('opd_own'), $$select public.acknowledge_assignment(gen_random_uuid(), 1)$$),
  'assignment_not_found', 'an unknown assignment is reported as such');

select is(tests.run_as(tests.id('opd_own'), $$select * from public.acknowledge_assignment({a2a}, tests.av('a2a'))$$) ->> 'status',
  'acknowledged', 'the own agency acknowledges');
select ok((select status = 'acknowledged' and acknowledged_at = now() and version = 3 from public.incidents where id = tests.id('inc2')),
  'the incident is acknowledged at the first acknowledgement, version bumped');
select is(tests.try_as(tests.id('supervisor'), $$select public.escalate_assignment(tests.id('a2a'), null)$$),
  'invalid_state', 'an acknowledged assignment cannot be escalated');
select is(tests.try_as(tests.id('opd_own'), $$select public.acknowledge_assignment(tests.id('a2a'), tests.av('a2a'))$$),
  'invalid_state', 'acknowledging twice is refused');

select is(tests.run_as(tests.id('opd_own'), $$select * from public.mark_en_route({a2a}, tests.av('a2a'))$$) ->> 'status',
  'en_route', 'the own agency is en route');
select is((select status::text from public.incidents where id = tests.id('inc2')), 'acknowledged', 'en route keeps the incident acknowledged');
select is(tests.try_as(tests.id('opd_own'), $$select public.decline_assignment(tests.id('a2a'), 'tidak ada unit', tests.av('a2a'))$$),
  'invalid_state', 'declining once en route is refused');
select is(tests.run_as(tests.id('opd_own'), $$select * from public.mark_on_scene({a2a}, tests.av('a2a'))$$) ->> 'status',
  'on_scene', 'the own agency is on scene');
select ok((select status = 'on_scene' and on_scene_at = now() from public.incidents where id = tests.id('inc2')),
  'the incident is on scene at the first arrival');
select is(tests.try_as(tests.id('opd_own'), $$select public.complete_assignment(tests.id('a2a'), '   ', tests.av('a2a'))$$),
  'report_required', 'completing needs a field report');
select is(tests.run_as(tests.id('opd_own'), $$select * from public.complete_assignment({a2a}, 'Api padam, tidak ada korban', tests.av('a2a'))$$) ->> 'status',
  'completed', 'the own agency completes with a report');
select is((select status::text from public.incidents where id = tests.id('inc2')), 'on_scene',
  'not resolved while another agency is still active');

-- The other agency declines; then only completed assignments remain active: resolved.
select is(tests.try_as(tests.id('opd_other'), $$select public.decline_assignment(tests.id('a2b'), '', tests.av('a2b'))$$),
  'reason_required', 'declining needs a reason');
select is(tests.run_as(tests.id('opd_other'), $$select * from public.decline_assignment({a2b}, 'Tidak ada ambulans tersedia', tests.av('a2b'))$$) ->> 'status',
  'declined', 'the other agency declines its own assignment');
select ok((select status = 'resolved' and resolved_at = now() from public.incidents where id = tests.id('inc2')),
  'resolved once every active assignment is completed');

-- add, replace ------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), $$select public.add_agency(tests.id('inc2'), tests.id('aga'), tests.iv('inc2'))$$),
  'agency_already_assigned', 'an agency already handling the incident cannot be added again');
select is(tests.run_as(tests.id('supervisor'), $$select * from public.add_agency({inc2}, {agc}, tests.iv('inc2'))$$) ->> 'status',
  'on_scene', 'adding an agency to a resolved incident re-opens it (on scene: one agency was there)');
select ok((select resolved_at is null from public.incidents where id = tests.id('inc2')), 'resolved_at is cleared when re-opened');
select tests.name_assignment('a2c', 'inc2', 'agc');
select is(tests.try_as(tests.id('supervisor'), $$select public.replace_agency(tests.id('a2c'), tests.id('agb'), ' ', tests.iv('inc2'))$$),
  'reason_required', 'replacing needs a reason');
select is(tests.try_as(tests.id('supervisor'), $$select public.replace_agency(tests.id('a2c'), tests.id('aga'), 'salah', tests.iv('inc2'))$$),
  'agency_already_assigned', 'cannot replace with an agency already active on the incident');
select is(tests.try_as(tests.id('supervisor'), $$select public.replace_agency(tests.id('a2a'), tests.id('agb'), 'x', tests.iv('inc2'))$$),
  'invalid_state', 'a completed assignment cannot be replaced');
select is(tests.try_as(tests.id('operator'), $$select public.replace_agency(tests.id('a2c'), tests.id('agb'), 'x', tests.iv('inc2'))$$),
  'forbidden_role', 'an operator cannot replace an agency');
select lives_ok(
  $$select tests.run_as(tests.id('supervisor'), 'select * from public.replace_agency({a2c}, {agb}, ''AGC tidak relevan'', tests.iv(''inc2''))')$$,
  'the supervisor replaces an agency');
select is((select status::text from public.assignments where id = tests.id('a2c')), 'withdrawn', 'the replaced assignment is withdrawn');
select is((select count(*)::int from public.assignments where incident_id = tests.id('inc2') and agency_id = tests.id('agb') and status = 'assigned'), 1,
  'the new agency has a fresh assignment (after its earlier decline)');
select is((select count(*)::int from public.incident_events where incident_id = tests.id('inc2') and kind = 'agency_replaced'), 1,
  'exactly one agency_replaced event');

-- close -------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), $$select public.close_incident(tests.id('inc2'), 'selesai', tests.iv('inc2'))$$),
  'open_assignments', 'closing with unfinished assignments needs confirmation');
select is(tests.try_as(tests.id('supervisor'), $$select public.close_incident(tests.id('inc2'), '', tests.iv('inc2'), true)$$),
  'summary_required', 'closing needs a summary');
select is(tests.try_as(tests.id('opd_own'), $$select public.close_incident(tests.id('inc2'), 'x', tests.iv('inc2'), true)$$),
  'forbidden_role', 'an OPD cannot close');
select is(tests.run_as(tests.id('supervisor'), $$select * from public.close_incident({inc2}, 'Ditutup, AGB tidak sempat datang', tests.iv('inc2'), true)$$) ->> 'status',
  'closed', 'the supervisor force-closes with confirmation');
select ok((select closed_forced and closed_at = now() from public.incidents where id = tests.id('inc2')), 'the forced close is recorded');
select is((select data ->> 'forced' from public.incident_events where incident_id = tests.id('inc2') and kind = 'closed'), 'true',
  'the closed event records the force flag');
select is((select count(*)::int from public.assignments where incident_id = tests.id('inc2') and status in ('assigned', 'acknowledged', 'en_route', 'on_scene')), 0,
  'no unfinished assignment survives a forced close');
select is(tests.try_as(tests.id('supervisor'), $$select public.close_incident(tests.id('inc2'), 'lagi', tests.iv('inc2'), true)$$),
  'invalid_state', 'a closed incident cannot be closed again');
select is(tests.try_as(tests.id('supervisor'), $$select public.cancel_incident(tests.id('inc2'), 'batal', tests.iv('inc2'))$$),
  'invalid_state', 'a closed incident cannot be cancelled');

-- normal close of a resolved incident, from inc1 (dispatched to AGA in the world)
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.acknowledge_assignment({asg1}, tests.av(''asg1''))')$$, 'inc1 acknowledged');
select lives_ok($$select tests.run_as(tests.id('opd_own'), 'select * from public.complete_assignment({asg1}, ''Ditangani dari jarak jauh'', tests.av(''asg1''))')$$,
  'an agency may complete without going on scene');
select ok((select status = 'resolved' and on_scene_at is null from public.incidents where id = tests.id('inc1')),
  'resolved without an on-scene stamp when nobody went on scene');
select is(tests.try_as(tests.id('supervisor'), $$select public.close_incident(tests.id('inc1'), 'selesai', tests.iv('inc1') - 1)$$),
  'stale_version', 'closing with a stale version is refused');
select is(tests.run_as(tests.id('supervisor'), $$select * from public.close_incident({inc1}, 'Selesai ditangani', tests.iv('inc1'))$$) ->> 'closed_forced',
  'false', 'a resolved incident closes without force, not recorded as forced');

-- cancel ------------------------------------------------------------------------------------------
select tests.new_incident('inc3');
select is(tests.try_as(tests.id('supervisor'), $$select public.close_incident(tests.id('inc3'), 'x', tests.iv('inc3'), true)$$),
  'invalid_state', 'a never-dispatched incident cannot be closed (it is cancelled instead)');
select is(tests.try_as(tests.id('supervisor'), $$select public.add_agency(tests.id('inc3'), tests.id('aga'), tests.iv('inc3'))$$),
  'invalid_state', 'agencies are added only after the first dispatch');
select lives_ok($$select tests.run_as(tests.id('supervisor'), 'select * from public.dispatch_incident({inc3}, array[{aga}]::uuid[], tests.iv(''inc3''))')$$, 'inc3 dispatched');
select tests.name_assignment('a3a', 'inc3', 'aga');
select is(tests.try_as(tests.id('supervisor'), $$select public.cancel_incident(tests.id('inc3'), '  ', tests.iv('inc3'))$$),
  'reason_required', 'cancelling needs a reason');
select is(tests.try_as(tests.id('operator'), $$select public.cancel_incident(tests.id('inc3'), 'laporan palsu', tests.iv('inc3'))$$),
  'forbidden_role', 'an operator cannot cancel');
select is(tests.run_as(tests.id('supervisor'), $$select * from public.cancel_incident({inc3}, 'Laporan palsu', tests.iv('inc3'))$$) ->> 'status',
  'cancelled', 'the supervisor cancels with a reason');
select is((select status::text from public.assignments where id = tests.id('a3a')), 'withdrawn', 'cancelling withdraws the open assignments');
select is(tests.try_as(tests.id('opd_own'), $$select public.acknowledge_assignment(tests.id('a3a'), tests.av('a3a'))$$),
  'invalid_state', 'an OPD cannot act on a withdrawn assignment of a cancelled incident');

select * from finish();
rollback;
