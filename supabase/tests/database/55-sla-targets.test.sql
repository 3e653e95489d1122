-- SLA targets and their history (migration 20261203050200): only an admin (or trusted server code)
-- changes a target, through set_sla_target, which validates it, refuses a stale version, keeps the
-- history and the admin trail, and keeps the statistics rollups judging by the target of each row's time.
begin;
\ir helpers/test-helpers.psql
select plan(21);

select tests.build_world();

select results_eq(
  $$select stage::text, target_seconds from public.sla_targets where stage in ('answer', 'classify', 'record', 'close_call', 'call_total') order by sla_targets.stage$$,
  $$values ('answer', 10), ('classify', 60), ('record', 60), ('close_call', 30), ('call_total', 180)$$,
  'the service standard''s targets: answer 10 s (KPI), panggilan masuk 60, data laporan 60, penyelesaian 30, total 180');
select is((select count(*)::int from public.sla_target_history where effective_from = '-infinity'),
  (select count(*)::int from public.sla_targets), 'every stage''s default has held since the beginning');

-- who may ---------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('operator'), $$select public.set_sla_target('record', 45)$$), 'forbidden_role', 'an operator cannot set a target');
select is(tests.try_as(tests.id('supervisor'), $$select public.set_sla_target('record', 45)$$), 'forbidden_role', 'a supervisor cannot set a target');
select is(tests.try_as(tests.id('opd_own'), $$select public.set_sla_target('record', 45)$$), 'forbidden_role', 'an OPD cannot set a target');
select is(tests.try_as(tests.id('leadership'), $$select public.set_sla_target('record', 45)$$), 'forbidden_role', 'leadership cannot set a target');
select is(tests.try_as(tests.id('no_profile'), $$select public.set_sla_target('record', 45)$$), 'not_authenticated', 'a user without profile cannot');
select is(tests.try_as(null, $$select public.set_sla_target('record', 45)$$), 'error:42501', 'anon may not even call it');

-- bad input changes nothing ------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_target('record', 0)$$), 'invalid_sla_target', 'zero seconds is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_target('record', 86401)$$), 'invalid_sla_target', 'more than 24 hours is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_target('record', null)$$), 'invalid_sla_target', 'no seconds is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_target(null, 30)$$), 'invalid_sla_target', 'no stage is refused');
select is(tests.try_as(tests.id('admin'), $$select public.set_sla_target('record', 45, 7)$$), 'stale_version', 'a stale version is refused');

-- A telephony call stamped a little ahead of the database clock: judged by the target that holds then.
-- What its day's 45-s data laporan bucket held before it (a seeded database has calls that day too).
create temp table record_45_before as
select s.within, s.samples from private.stats_call_seconds s
where s.span = 1 and s.stage = 'record' and s.seconds = 45
  and s.day = ((now() + interval '20 seconds') at time zone 'Asia/Jakarta')::date;
insert into public.calls (source, external_id, received_at, answered_at, classified_at, recorded_at, ended_at, call_type)
values ('telephony', 'pbx-future', now() + interval '20 seconds', now() + interval '25 seconds', now() + interval '30 seconds',
        now() + interval '75 seconds', now() + interval '80 seconds', 'ghost');

-- the admin sets it --------------------------------------------------------------------------------
select is(tests.run_as(tests.id('admin'), $$select * from public.set_sla_target('record', 45, 1)$$) ->> 'target_seconds', '45',
  'an admin sets the data laporan target');
select ok((select version = 2 and target_seconds = 45 from public.sla_targets where stage = 'record'), 'the target in force, version bumped');
select ok((select count(*) = 1 and bool_and(effective_from = now() and changed_by = tests.id('admin') and target_seconds = 45)
           from public.sla_target_history where stage = 'record' and effective_from > '-infinity'),
  'the history keeps the new value, effective from the moment saved, with who saved it');
select ok((select count(*) = 1 and bool_and(actor_id = tests.id('admin') and before ->> 'target_seconds' = '60' and after ->> 'target_seconds' = '45')
           from public.admin_events where kind = 'sla_target.changed' and target_id = 'record'),
  'one admin event with the value before and after');
select is(tests.run_as(tests.id('admin'), $$select * from public.set_sla_target('record', 45, 2)$$) ->> 'version', '2',
  'saving the value in force changes nothing');
select is((select count(*)::int from private.stats_rollup_mismatches()), 0,
  'rows stamped after the change were re-filed: the rollups equal their recomputation');
select results_eq(
  $$select s.within, s.samples - coalesce((select b.samples from record_45_before b where b.within = s.within), 0)
    from private.stats_call_seconds s
    where s.span = 1 and s.stage = 'record' and s.seconds = 45
      and s.day = ((now() + interval '20 seconds') at time zone 'Asia/Jakarta')::date
      and s.samples <> coalesce((select b.samples from record_45_before b where b.within = s.within), 0)$$,
  $$values (true, 1::bigint)$$,
  'the future call''s 45-s data laporan is within the new 45-s target');

select throws_ok($$update public.sla_target_history set target_seconds = 1$$, 'P0001', 'audit_immutable',
  'the history is append-only, even for the owner');

select * from finish();
rollback;
