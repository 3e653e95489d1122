-- Statistics functions (migrations 000500 and 20261203050300, stages as the service standard
-- defines them since issue #16 §2): exact figures on a small fixture whose durations were
-- worked out by hand, WIB day/hour bucketing at the range edges, and who may call them; the rollups
-- they read stay equal to a recomputation from the raw rows through inserts, every workflow
-- transition, later stamps, multi-row updates, deletes and a bulk load with triggers off.
-- The fixture lives on 10 January 2026 (WIB), away from anything else a test creates.
begin;
\ir helpers/test-helpers.psql
select plan(56);

select tests.create_agency('FIRE', 'fire');
select tests.create_agency('MED', 'medical');
select tests.create_user('op1@stats.test', 'operator');
select tests.create_user('op2@stats.test', 'operator');
select tests.create_user('lead@stats.test', 'leadership');
select tests.create_user('sup@stats.test', 'supervisor');
select tests.create_user('adm@stats.test', 'admin');
select tests.create_user('opd@stats.test', 'opd', 'FIRE');

create temp table fx_user as
select p.id, split_part(u.email, '@', 1) as name from public.profiles p join auth.users u on u.id = p.id
where u.email like '%@stats.test';

create function pg_temp.uid(p_name text) returns uuid language sql as $$ select id from fx_user where name = p_name $$;

-- calls: received (WIB), then seconds to answer (a), answered→classified (c), classified→recorded
-- (r), recorded→ended (e); telephony calls (tel) alone have a measured answer time, manual ones
-- are answered as they are received. Stages: answer = a (telephony only), classify (panggilan
-- masuk) = a+c, record (data laporan) = r, close_call (penyelesaian) = e, call_total = a+c+r+e.
-- answer   10 30 50 (telephony)       p50 30, p90 30+0.8·20 = 46, 1 within 10
-- classify 30 35 10 115 20 → 10 20 30 35 115: p50 30, p90 35+0.6·80 = 83, 4 within 60
-- record   40 0 0 70 50 → 0 0 40 50 70: p50 40, p90 50+0.6·20 = 62, 4 within 60
-- close    5 5 40 0 20 → 0 5 5 20 40: p50 5, p90 20+0.6·20 = 32, 4 within 30
-- total    75 40 50 185 90 → 40 50 75 90 185: p50 75, p90 90+0.6·95 = 147, 4 within 180
-- Under the old definitions (close = classified→ended) the first emergency's 45 s of form filling
-- made its completion red; now it is 40 s of data laporan (green) and 5 s of penyelesaian.
insert into public.calls (source, received_at, answered_at, classified_at, recorded_at, ended_at, call_type, operator_id,
                          caller_phone)
select case when r.tel then 'telephony' else 'manual' end::public.call_source, r.at, r.at + r.a * interval '1 second',
       r.at + (r.a + r.c) * interval '1 second', r.at + (r.a + r.c + r.r) * interval '1 second',
       r.at + (r.a + r.c + r.r + r.e) * interval '1 second', r.t::public.call_type, pg_temp.uid(r.op), '081200000000'
from (values
  ('2026-01-10 08:00:00+07'::timestamptz, 10, 20, 40, 5, true, 'emergency', 'op1'),
  ('2026-01-10 08:30:00+07', 30, 5, 0, 5, true, 'ghost', 'op1'),
  ('2026-01-10 20:15:00+07', 0, 10, 0, 40, false, 'prank', 'op2'),
  ('2026-01-10 23:59:00+07', 50, 65, 70, 0, true, 'info', 'op2'),
  ('2026-01-10 08:10:00+07', 0, 20, 50, 20, false, 'emergency', 'op1'),
  -- just outside the one-day range on either side
  ('2026-01-09 23:59:59+07', 10, 10, 0, 10, true, 'ghost', 'op1'),
  ('2026-01-11 00:00:00+07', 10, 10, 0, 10, true, 'prank', 'op1')
) as r (at, a, c, r, e, tel, t, op);

-- A caller who hung up while it rang: no type, no answer; counted nowhere.
insert into public.calls (received_at, ended_at) values ('2026-01-10 12:00:00+07', '2026-01-10 12:00:40+07');

-- incidents: dispatch 60 / 200 s, acknowledge 120 / 30 s, dispatch→scene 600 / 1000 s ------------
insert into public.incidents (ticket_no, status, category, description, lat, lng, kecamatan, reported_at,
  dispatched_at, acknowledged_at, on_scene_at, resolved_at, closed_at, close_summary, cancelled_at, cancel_reason)
values
  ('112-20260110-9001', 'closed', 'fire', 'Kebakaran', -6.03, 106.01, 'Citangkil', '2026-01-10 08:01:00+07',
   '2026-01-10 08:02:00+07', '2026-01-10 08:04:00+07', '2026-01-10 08:12:00+07', '2026-01-10 09:12:00+07',
   '2026-01-10 09:20:00+07', 'Padam', null, null),
  ('112-20260110-9002', 'on_scene', 'medical', 'Pingsan', -6.03, 106.01, 'Citangkil', '2026-01-10 08:11:00+07',
   '2026-01-10 08:14:20+07', '2026-01-10 08:14:50+07', '2026-01-10 08:31:00+07', null, null, null, null, null),
  ('112-20260110-9003', 'cancelled', 'medical', 'Batal', -6.03, 106.01, null, '2026-01-10 09:00:00+07',
   null, null, null, null, null, null, '2026-01-10 09:05:00+07', 'Laporan palsu');

-- assignments: FIRE acknowledges after 120 s and is on scene after 600 s; MED 30 s and 1000 s;
-- FIRE declines the second incident.
insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, on_scene_at,
  completed_at, report, declined_at, decline_reason)
select i.id, a.id, r.st::public.assignment_status, r.assigned, r.ack, r.scene, r.done, r.report, r.declined, r.reason
from (values
  ('112-20260110-9001', 'FIRE', 'completed', '2026-01-10 08:02:00+07'::timestamptz, '2026-01-10 08:04:00+07'::timestamptz,
   '2026-01-10 08:12:00+07'::timestamptz, '2026-01-10 09:12:00+07'::timestamptz, 'Selesai', null::timestamptz, null),
  ('112-20260110-9002', 'MED', 'on_scene', '2026-01-10 08:14:20+07', '2026-01-10 08:14:50+07',
   '2026-01-10 08:31:00+07', null, null, null, null),
  ('112-20260110-9002', 'FIRE', 'declined', '2026-01-10 08:14:20+07', null, null, null, null,
   '2026-01-10 08:16:00+07', 'Unit sibuk')
) as r (ticket, code, st, assigned, ack, scene, done, report, declined, reason)
join public.incidents i on i.ticket_no = r.ticket
join public.agencies a on a.code = r.code;

-- results, read as leadership ---------------------------------------------------------------------
select tests.authenticate_as(pg_temp.uid('lead'));
create temp table r_sla as select * from public.stats_sla_compliance('2026-01-10 00:00+07', '2026-01-11 00:00+07');
create temp table r_day as select * from public.stats_calls_by_type('2026-01-09 00:00+07', '2026-01-11 00:00+07', 'day');
create temp table r_hour as select * from public.stats_calls_by_type('2026-01-10 00:00+07', '2026-01-11 00:00+07', 'hour');
create temp table r_hod as select * from public.stats_calls_by_hour_of_day('2026-01-10 00:00+07', '2026-01-11 00:00+07');
create temp table r_cat as select * from public.stats_incidents_by_category('2026-01-10 00:00+07', '2026-01-11 00:00+07');
create temp table r_kec as select * from public.stats_incidents_by_kecamatan('2026-01-10 00:00+07', '2026-01-11 00:00+07');
create temp table r_agency as select * from public.stats_agency_response('2026-01-10 00:00+07', '2026-01-11 00:00+07');
create temp table r_answer as select * from public.stats_answer_time('2026-01-10 00:00+07', '2026-01-11 00:00+07');
-- Per-operator figures are the supervisors' and admins' (20261205050000); read them as a supervisor.
select tests.as_owner();
select tests.authenticate_as(pg_temp.uid('sup'));
create temp table r_op as select * from public.stats_operator_stage_times('2026-01-10 00:00+07', '2026-01-11 00:00+07');
select tests.as_owner();

-- SLA compliance ----------------------------------------------------------------------------------
select results_eq(
  $$select stage::text, target_seconds, samples, within_target, within_target_share, p50_seconds, p90_seconds
    from r_sla order by r_sla.stage$$,
  $$values ('answer', 10, 3::bigint, 1::bigint, 0.3333, 30.0, 46.0),
           ('classify', 60, 5, 4, 0.8000, 30.0, 83.0),
           ('record', 60, 5, 4, 0.8000, 40.0, 62.0),
           ('close_call', 30, 5, 4, 0.8000, 5.0, 32.0),
           ('call_total', 180, 5, 4, 0.8000, 75.0, 147.0),
           ('dispatch', 120, 2, 1, 0.5000, 130.0, 186.0),
           ('acknowledge', 180, 2, 2, 1.0000, 75.0, 111.0),
           ('on_scene', 900, 2, 1, 0.5000, 800.0, 960.0)$$,
  'SLA compliance per stage matches the hand-computed shares and percentiles');

-- answer-time KPI: the three telephony calls 10 30 50 s; 1 within 10 s and 15 s; five classified calls
select results_eq(
  $$select answered_calls, within_10s, within_10s_share, within_15s, within_15s_share, goal_share, p50_seconds,
           p90_seconds, classified_calls from r_answer$$,
  $$values (3::bigint, 1::bigint, 0.3333, 1::bigint, 0.3333, 0.9000, 30.0, 46.0, 5::bigint)$$,
  'answer-time KPI: telephony calls only, shares within 10 s and 15 s against the 90 % goal');

-- calls by type: WIB day buckets, end exclusive ------------------------------------------------
select is((select count(*) from r_day), 8::bigint, 'two WIB days × four call types, zero-filled');
select results_eq(
  $$select call_type::text, calls from r_day where bucket_start = '2026-01-10 00:00+07' order by r_day.call_type$$,
  $$values ('emergency', 2::bigint), ('ghost', 1::bigint), ('prank', 1::bigint), ('info', 1::bigint)$$,
  '10 January WIB: the classified calls of that day only');
select results_eq(
  $$select call_type::text, calls from r_day where bucket_start = '2026-01-09 00:00+07' order by r_day.call_type$$,
  $$values ('emergency', 0::bigint), ('ghost', 1::bigint), ('prank', 0::bigint), ('info', 0::bigint)$$,
  'a call at 23:59:59 WIB belongs to its WIB day, though it is 16:59 UTC');
select is((select count(*) from r_hour), 96::bigint, '24 hourly buckets × four call types');
select is((select sum(calls) from r_hour where bucket_start = '2026-01-10 08:00+07'), 3::numeric,
  'three calls in the 08:00 WIB hour');
select is((select calls from r_hour where bucket_start = '2026-01-10 23:00+07' and call_type = 'info'), 1::bigint,
  'the 23:59 WIB information call is in the 23:00 bucket');
select is((select sum(calls) from r_hour), 5::numeric, 'hourly buckets add up to the five classified calls');
select is((select calls from r_hod where hour = 8 and call_type = 'emergency'), 2::bigint, 'hour of day 8: two emergencies');
select is((select calls from r_hod where hour = 20 and call_type = 'prank'), 1::bigint, 'hour of day 20: one prank');
select is((select count(*) from r_hod), 96::bigint, 'hour of day: 24 × 4 rows');

-- incidents by category and kecamatan ----------------------------------------------------------
select is((select count(*) from r_cat), 10::bigint, 'every category appears');
select results_eq(
  $$select category::text, incidents, open_incidents, closed_incidents, cancelled_incidents from r_cat
    where incidents > 0 order by category$$,
  $$values ('fire', 1::bigint, 0::bigint, 1::bigint, 0::bigint), ('medical', 2::bigint, 1::bigint, 0::bigint, 1::bigint)$$,
  'incidents per category with open, closed and cancelled counts');
select is((select count(*) from r_kec), 9::bigint, 'the 8 kecamatan plus one row for incidents without kecamatan');
select results_eq(
  $$select kecamatan, incidents, p50_on_scene_seconds, on_scene_within_target_share from r_kec where incidents > 0$$,
  $$values ('Citangkil'::text, 2::bigint, 800.0, 0.5000), (null, 1::bigint, null, null)$$,
  'Citangkil: two incidents, median 800 s to scene, half within 900 s; the cancelled one has no kecamatan');
select is((select incidents from r_kec where kecamatan = 'Pulomerak'), 0::bigint, 'a kecamatan without incidents shows 0');

-- agencies ----------------------------------------------------------------------------------------
select results_eq(
  $$select agency_code, assignments, acknowledged, declined, completed, p50_acknowledge_seconds, p90_acknowledge_seconds,
           acknowledge_within_target_share, p50_on_scene_seconds, p90_on_scene_seconds, on_scene_within_target_share
    from r_agency where agency_code in ('FIRE', 'MED') order by agency_code$$,
  $$values ('FIRE', 2::bigint, 1::bigint, 1::bigint, 1::bigint, 120.0, 120.0, 1.0000, 600.0, 600.0, 1.0000),
           ('MED', 1::bigint, 1::bigint, 0::bigint, 0::bigint, 30.0, 30.0, 1.0000, 1000.0, 1000.0, 0.0000)$$,
  'per agency: counts, acknowledgement and on-scene seconds, shares within target');

-- operators ---------------------------------------------------------------------------------------
select results_eq(
  $$select operator_name, calls, emergency_calls, nuisance_calls, p50_answer_seconds, p50_classify_seconds,
           p50_record_seconds, p50_close_call_seconds, p50_call_total_seconds, call_total_within_target_share
    from r_op$$,
  $$values ('Test op1@stats.test', 3::bigint, 2::bigint, 1::bigint, 20.0, 30.0, 40.0, 5.0, 75.0, 1.0000),
           ('Test op2@stats.test', 2::bigint, 0::bigint, 1::bigint, 50.0, 62.5, 35.0, 20.0, 117.5, 0.5000)$$,
  'per operator: answered calls, emergencies, nuisance calls, median stage seconds, share within 3 minutes');

-- who may call them -------------------------------------------------------------------------------

-- The statistics page's functions; stats_major_incidents (monthly report) is tested in 92-major-incidents,
-- stats_call_funnel (monthly report) in 94-call-funnel.
create temp table fx_calls (fn text, sql text);
insert into fx_calls values
  ('stats_calls_by_type', $$select * from public.stats_calls_by_type(now() - interval '1 day', now())$$),
  ('stats_calls_by_hour_of_day', $$select * from public.stats_calls_by_hour_of_day(now() - interval '1 day', now())$$),
  ('stats_sla_compliance', $$select * from public.stats_sla_compliance(now() - interval '1 day', now())$$),
  ('stats_incidents_by_category', $$select * from public.stats_incidents_by_category(now() - interval '1 day', now())$$),
  ('stats_incidents_by_kecamatan', $$select * from public.stats_incidents_by_kecamatan(now() - interval '1 day', now())$$),
  ('stats_agency_response', $$select * from public.stats_agency_response(now() - interval '1 day', now())$$),
  ('stats_operator_stage_times', $$select * from public.stats_operator_stage_times(now() - interval '1 day', now())$$),
  ('stats_answer_time', $$select * from public.stats_answer_time(now() - interval '1 day', now())$$);
grant select on fx_calls to anon, authenticated, service_role;

select is(
  (select array_agg(distinct tests.outcome_as(u.who, pg_temp.uid(u.who), c.sql)) from fx_calls c,
     (values ('lead'), ('sup'), ('adm'), ('service_role')) as u (who)
    where not (u.who = 'lead' and c.fn = 'stats_operator_stage_times')),
  array['ok'], 'leadership, supervisors, admins and the service role get every statistic (leadership: but per operator)');
select is(
  tests.outcome_as('lead', pg_temp.uid('lead'), (select c.sql from fx_calls c where c.fn = 'stats_operator_stage_times')),
  '42501 forbidden_role', 'leadership is refused the per-operator figures with 42501 forbidden_role');
select is(
  (select array_agg(distinct tests.outcome_as('op1', pg_temp.uid('op1'), c.sql)) from fx_calls c),
  array['42501 forbidden_role'], 'an operator is refused every statistic with 42501 forbidden_role');
select is(
  (select array_agg(distinct tests.outcome_as('opd', pg_temp.uid('opd'), c.sql)) from fx_calls c),
  array['42501 forbidden_role'], 'an OPD liaison is refused every statistic with 42501 forbidden_role');
select is(
  (select array_agg(distinct left(tests.outcome_as('anon', pg_temp.uid('anon'), c.sql), 5)) from fx_calls c),
  array['42501'], 'anon may not even execute them (42501)');
select is(
  tests.outcome_as('lead', pg_temp.uid('lead'), $$select * from public.stats_sla_compliance(now(), now() - interval '1 day')$$),
  'P0001 invalid_range', 'a reversed range is refused');
select is(
  tests.outcome_as('lead', pg_temp.uid('lead'), $$select * from public.stats_calls_by_type(now() - interval '100 days', now(), 'hour')$$),
  'P0001 invalid_range', 'hourly buckets over more than 93 days are refused');
select is(
  tests.outcome_as('lead', pg_temp.uid('lead'), $$select * from public.stats_calls_by_type(now() - interval '1 day', now(), 'week')$$),
  'P0001 invalid_bucket', 'an unknown bucket is refused');

-- shape: security definer, fixed search_path, no caller data in any result ------------------------
select is(
  (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname like 'stats\_%' and p.proname not in ('stats_major_incidents', 'stats_call_funnel')), 9::bigint, 'nine statistics functions (with stats_dispatch_accuracy)');
select is(
  (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname like 'stats\_%' and p.proname not in ('stats_major_incidents', 'stats_call_funnel')
      and p.prosecdef and p.proconfig @> array['search_path=""']), 9::bigint,
  'all are security definer with an empty search_path');
select is(
  (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname like 'stats\_%' and p.proname not in ('stats_major_incidents', 'stats_call_funnel')
      and array_to_string(p.proargnames, ',') ~ '(caller|phone|notes|description|address)'), 0::bigint,
  'no result column carries caller data or free text');
select is(
  (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname like 'stats\_%' and p.proname not in ('stats_major_incidents', 'stats_call_funnel') and has_function_privilege('anon', p.oid, 'execute')),
  0::bigint, 'anon has no execute privilege on any of them');
select is(
  (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname like 'stats\_%' and p.proname not in ('stats_major_incidents', 'stats_call_funnel')
      and has_function_privilege('authenticated', p.oid, 'execute')),
  9::bigint, 'authenticated may execute all (the role check is inside)');

-- each duration is judged by the target in force at its time (sla_target_history) -------------------
-- A target set now does not rejudge January; one in force from 10 January 12:00 WIB (60 s) judges the
-- 23:59 call's 50-s answer within, the morning's 30-s answer still by the 10-s target.
select tests.authenticate_as(pg_temp.uid('adm'));
select public.set_sla_target('answer', 40);
select tests.as_owner();
select tests.authenticate_as(pg_temp.uid('sup'));
select results_eq(
  $$select target_seconds, within_target from public.stats_sla_compliance('2026-01-10 00:00+07', '2026-01-11 00:00+07')
    where stage = 'answer'$$,
  $$values (40, 1::bigint)$$, 'a target changed now shows as the current one but does not rejudge past calls');
select tests.as_owner();
insert into public.sla_target_history (stage, target_seconds, effective_from) values ('answer', 60, '2026-01-10 12:00+07');
select private.stats_rebuild();
select tests.authenticate_as(pg_temp.uid('sup'));
select is(
  (select within_target from public.stats_sla_compliance('2026-01-10 00:00+07', '2026-01-11 00:00+07') where stage = 'answer'),
  2::bigint, 'from 12:00 the 60-s target of that time judges the 50-s answer within, the 30-s morning one not');
select is(
  (select within_target from public.stats_sla_compliance('2026-01-10 16:00+07', '2026-01-11 00:00+07') where stage = 'answer'),
  1::bigint, 'the same from the raw rows of a partial day');
select tests.as_owner();

-- an empty range gives zero counts and no percentiles, not an error --------------------------------
select tests.authenticate_as(pg_temp.uid('lead'));
select is(
  (select array_agg(distinct samples) from public.stats_sla_compliance('2025-01-01 00:00+07', '2025-01-02 00:00+07')),
  array[0::bigint], 'no samples in an empty range');
select is(
  (select count(*) from public.stats_sla_compliance('2025-01-01 00:00+07', '2025-01-02 00:00+07') where p50_seconds is not null),
  0::bigint, 'no percentile without samples');
select is(
  (select sum(calls) from public.stats_calls_by_type('2025-01-01 00:00+07', '2025-01-02 00:00+07')),
  0::numeric, 'zero calls in an empty range');
select tests.as_owner();
select tests.authenticate_as(pg_temp.uid('sup'));
select is(
  (select count(*) from public.stats_operator_stage_times('2025-01-01 00:00+07', '2025-01-02 00:00+07')),
  0::bigint, 'no operator rows in an empty range');
select tests.as_owner();
select tests.authenticate_as(pg_temp.uid('lead'));
select is(
  (select sum(assignments) from public.stats_agency_response('2025-01-01 00:00+07', '2025-01-02 00:00+07')),
  0::numeric, 'agencies listed with zero assignments in an empty range');
select tests.as_owner();

-- rollups -----------------------------------------------------------------------------------------
select is((select count(*) from private.stats_rollup_mismatches()), 0::bigint,
  'the rollups equal their recomputation after the fixture''s inserts');

-- Ranges that do not start or end on a WIB day (or hour): whole days (hours) come from the rollups,
-- the partial edges from the raw rows.
select tests.authenticate_as(pg_temp.uid('lead'));
create temp table r_edge as select * from public.stats_sla_compliance('2026-01-09 12:00+07', '2026-01-11 06:00+07');
create temp table r_inner as select * from public.stats_sla_compliance('2026-01-10 08:05+07', '2026-01-10 20:20+07');
create temp table r_hour_in as select * from public.stats_calls_by_type('2026-01-10 08:05+07', '2026-01-10 09:00+07', 'hour');
create temp table r_hour_edge as select * from public.stats_calls_by_type('2026-01-10 07:30+07', '2026-01-10 20:30+07', 'hour');
select tests.as_owner();
select tests.authenticate_as(pg_temp.uid('sup'));
create temp table r_op_edge as select * from public.stats_operator_stage_times('2026-01-09 12:00+07', '2026-01-11 06:00+07');
select tests.as_owner();

-- 9 Jan 12:00 – 11 Jan 06:00 also holds the two telephony calls at either side of 10 January:
-- answer 10 10 10 30 50: p50 10, p90 30+0.6·20 = 42; within the target of their time (10 s until
-- 10 Jan 12:00, 60 s after): all but the 30-s one, 4;
-- total 30 30 40 50 75 90 185: p50 50, p90 90+0.4·95 = 128, 6 within 180.
select results_eq(
  $$select stage::text, samples, within_target, p50_seconds, p90_seconds from r_edge
    where stage in ('answer', 'call_total', 'dispatch') order by r_edge.stage$$,
  $$values ('answer', 5::bigint, 4::bigint, 10.0, 42.0), ('call_total', 7, 6, 50.0, 128.0), ('dispatch', 2, 1, 130.0, 186.0)$$,
  'a range with partial days at both ends: the whole day from the rollups plus the edges from the raw rows');
-- 08:05–20:20 on 10 January: one telephony answer, 30 s (over 10 s); one incident dispatched after 200 s.
select results_eq(
  $$select stage::text, samples, within_target, p50_seconds, p90_seconds from r_inner
    where stage in ('answer', 'dispatch') order by r_inner.stage$$,
  $$values ('answer', 1::bigint, 0::bigint, 30.0, 30.0), ('dispatch', 1, 0, 200.0, 200.0)$$,
  'a range inside one day comes from the raw rows alone');
select results_eq(
  $$select call_type::text, calls from r_hour_in order by r_hour_in.call_type$$,
  $$values ('emergency', 1::bigint), ('ghost', 1::bigint), ('prank', 0::bigint), ('info', 0::bigint)$$,
  '08:05–09:00 WIB: one hourly bucket without the 08:00 call');
select is((select sum(calls) from r_hour_edge), 4::numeric, '07:30–20:30 WIB: whole hours from the rollup, 20:15 from the edge');
select is((select calls from r_hour_edge where bucket_start = '2026-01-10 20:00+07' and call_type = 'prank'), 1::bigint,
  'the edge call lands in its own hourly bucket');
-- op1 gains the ghost call of 9 January 23:59:59 and the prank call of 11 January 00:00.
select results_eq(
  $$select operator_name, calls, emergency_calls, nuisance_calls, p50_answer_seconds, p50_classify_seconds,
           p50_record_seconds, p50_close_call_seconds, p50_call_total_seconds, call_total_within_target_share
    from r_op_edge$$,
  $$values ('Test op1@stats.test', 5::bigint, 2::bigint, 3::bigint, 10.0, 20.0, 0.0, 10.0, 40.0, 1.0000),
           ('Test op2@stats.test', 2::bigint, 0::bigint, 1::bigint, 50.0, 62.5, 35.0, 20.0, 117.5, 0.5000)$$,
  'per operator over partial days at both ends');

-- Every workflow transition, through the real functions: calls start to end, report, dispatch to
-- two agencies, acknowledge, en route, on scene, decline, complete, close, and a cancel that
-- withdraws an assignment.
do $$
declare
  v_call public.calls;
begin
  perform tests.build_world();
  perform tests.new_incident('inc2', 'medical');
  perform tests.run_as(tests.id('supervisor'),
    $q$select * from public.dispatch_incident({inc2}, array[{aga}, {agb}]::uuid[], tests.iv('inc2'))$q$);
  perform tests.name_assignment('a2a', 'inc2', 'aga');
  perform tests.name_assignment('a2b', 'inc2', 'agb');
  perform tests.run_as(tests.id('opd_own'), $q$select * from public.acknowledge_assignment({a2a}, tests.av('a2a'))$q$);
  perform tests.run_as(tests.id('opd_own'), $q$select * from public.mark_en_route({a2a}, tests.av('a2a'))$q$);
  perform tests.run_as(tests.id('opd_own'), $q$select * from public.mark_on_scene({a2a}, tests.av('a2a'))$q$);
  perform tests.run_as(tests.id('opd_other'), $q$select * from public.decline_assignment({a2b}, 'Unit sibuk', tests.av('a2b'))$q$);
  perform tests.run_as(tests.id('opd_own'), $q$select * from public.complete_assignment({a2a}, 'Selesai', tests.av('a2a'))$q$);
  perform tests.run_as(tests.id('supervisor'), $q$select * from public.close_incident({inc2}, 'Selesai', tests.iv('inc2'))$q$);
  perform tests.run_as(tests.id('supervisor'), $q$select * from public.cancel_incident({inc1}, 'Laporan ganda', tests.iv('inc1'))$q$);
  perform tests.authenticate_as(tests.id('operator'));
  v_call := public.start_call(gen_random_uuid(), '0813 1111 2222');
  v_call := public.answer_call(v_call.id, v_call.version);
  v_call := public.classify_call(v_call.id, 'prank', v_call.version);
  v_call := public.end_call(v_call.id, v_call.version);
  perform tests.as_owner();
end;
$$;
-- The workflow stamped now(), when a seeded database has its latest history too: its rows move, as
-- the owner, by whole days to 20 January 2026 (now's time of day kept), so the ranges below hold the
-- fixture alone. The rollups must follow the move as any later stamp.
create temp table fx_move as
select (date_trunc('day', now(), 'Asia/Jakarta') - '2026-01-20 00:00+07'::timestamptz) as by;
grant select on fx_move to authenticated;
update public.calls c set received_at = c.received_at - m.by, answered_at = c.answered_at - m.by,
  classified_at = c.classified_at - m.by, recorded_at = c.recorded_at - m.by, ended_at = c.ended_at - m.by,
  line_ended_at = c.line_ended_at - m.by
from fx_move m where c.operator_id in (select w.id from tests.world w);
update public.incidents i set reported_at = i.reported_at - m.by, dispatched_at = i.dispatched_at - m.by,
  acknowledged_at = i.acknowledged_at - m.by, on_scene_at = i.on_scene_at - m.by, resolved_at = i.resolved_at - m.by,
  closed_at = i.closed_at - m.by, cancelled_at = i.cancelled_at - m.by
from fx_move m where i.id in (select w.id from tests.world w);
update public.assignments a set assigned_at = a.assigned_at - m.by, acknowledged_at = a.acknowledged_at - m.by,
  en_route_at = a.en_route_at - m.by, on_scene_at = a.on_scene_at - m.by, completed_at = a.completed_at - m.by,
  declined_at = a.declined_at - m.by, withdrawn_at = a.withdrawn_at - m.by, last_escalated_at = a.last_escalated_at - m.by
from fx_move m where a.incident_id in (select w.id from tests.world w);
-- The day around the moved now().
create function pg_temp.fx_from() returns timestamptz language sql as $$ select now() - (select by from fx_move) - interval '1 day' $$;
create function pg_temp.fx_to() returns timestamptz language sql as $$ select now() - (select by from fx_move) + interval '1 day' $$;
select is((select count(*) from private.stats_rollup_mismatches()), 0::bigint,
  'the rollups equal their recomputation after a whole workflow');
select tests.authenticate_as(pg_temp.uid('lead'));
select is(
  (select incidents || '/' || closed_incidents || '/' || cancelled_incidents
   from public.stats_incidents_by_category(pg_temp.fx_from(), pg_temp.fx_to()) where category = 'fire'),
  '1/0/1', 'a cancelled incident moves from open to cancelled in the rollup');
select tests.as_owner();

-- In a test transaction now() stands still, so every workflow stage took 0 s. Stamps that arrive
-- later, by fractions of a second, as the owner: a single-row update per table, then a multi-row one.
update public.calls set received_at = received_at - interval '60.000001 seconds' where id = tests.id('call1');
update public.incidents set reported_at = reported_at - interval '100.5 seconds' where id = tests.id('inc2');
update public.assignments set assigned_at = assigned_at - interval '30.25 seconds' where id = tests.id('a2a');
update public.calls set operator_id = tests.id('spare')
where operator_id = tests.id('operator') and received_at > pg_temp.fx_from();
select is((select count(*) from private.stats_rollup_mismatches()), 0::bigint,
  'the rollups follow later stamps and multi-row updates');

-- call1 classified 60.000001 s after it rang: over the 60 s target, counted as 61 s; the other two calls 0 s.
select tests.authenticate_as(pg_temp.uid('lead'));
select results_eq(
  $$select samples, within_target, p50_seconds, p90_seconds
    from public.stats_sla_compliance(pg_temp.fx_from(), pg_temp.fx_to()) where stage = 'classify'$$,
  $$values (3::bigint, 2::bigint, 0.0, 48.8)$$,
  'a fractional duration is counted in whole seconds rounded up: over target stays over target');
select results_eq(
  $$select samples, within_target, p50_seconds from public.stats_sla_compliance(pg_temp.fx_from(), pg_temp.fx_to())
    where stage = 'dispatch'$$,
  $$values (2::bigint, 2::bigint, 50.5)$$,
  'incident stages follow a moved report time (101 s and 0 s: median 50.5)');
select results_eq(
  $$select p50_acknowledge_seconds, p50_on_scene_seconds
    from public.stats_agency_response(pg_temp.fx_from(), pg_temp.fx_to()) where agency_code = 'AGA'$$,
  $$values (31.0, 31.0)$$,
  'assignment stages follow a moved assignment time (30.25 s counted as 31 s; the withdrawn one has none)');
select tests.as_owner();

-- Deletes, and a bulk load with the triggers off (as the seed loads its history): the rebuild
-- repairs what the triggers did not see.
insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, operator_id)
select now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '5 seconds',
       now() - g * interval '1 hour' + interval '9 seconds', now() - g * interval '1 hour' + interval '20 seconds',
       'info', tests.id('spare')
from generate_series(1, 3) g;
delete from public.calls where call_type = 'info' and operator_id = tests.id('spare');
select is((select count(*) from private.stats_rollup_mismatches()), 0::bigint, 'the rollups follow deletes');
set local session_replication_role = replica;
insert into public.calls (received_at, answered_at, call_type, classified_at, ended_at)
values ('2026-01-12 10:00+07', '2026-01-12 10:00:05+07', 'ghost', '2026-01-12 10:00:07+07', '2026-01-12 10:00:09+07');
set local session_replication_role = origin;
select ok((select count(*) from private.stats_rollup_mismatches()) > 0, 'rows loaded with triggers off are missing from the rollups');
select private.stats_rebuild();
select is((select count(*) from private.stats_rollup_mismatches()), 0::bigint, 'stats_rebuild() recomputes them');

select * from finish();
rollback;
