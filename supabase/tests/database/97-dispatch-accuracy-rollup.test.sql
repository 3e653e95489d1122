-- Dispatch accuracy from rollups (20261209010000, issue #21): the three dispatch rollups stay equal
-- to a recomputation from the raw rows through inserts, updates and deletes of answers, assignments
-- and incidents, a bulk load with triggers off (then stats_rebuild) and a truncate; and
-- stats_dispatch_accuracy answers exactly what the raw-row function of 20261207070000 answered, for
-- whole days, partial edge days and ranges inside one day. Who may read the function and the
-- rollups. The fixture lives on 19–21 May 2025 (WIB), away from anything else a test or the seed creates.
begin;
\ir helpers/test-helpers.psql
select plan(40);

select tests.build_world();

-- The raw-row function as 20261207070000 defined it (its query, unchanged): the reference.
create function pg_temp.raw_accuracy(p_from timestamptz, p_to timestamptz)
returns table (category public.incident_category, answered bigint, right_count bigint, unneeded_count bigint,
  missing_count bigint, right_share numeric, unneeded_share numeric, missing_share numeric,
  top_unneeded_agency_id uuid, top_unneeded_times bigint, top_missing_agency_id uuid, top_missing_times bigint)
language sql
stable
as $$
  with answered as materialized (
    select i.id, i.category
    from public.incidents i
    where i.reported_at >= p_from and i.reported_at < p_to
      and exists (select 1 from public.dispatch_feedback f where f.incident_id = i.id)
  ),
  sent as (
    select a.incident_id, a.agency_id
    from answered x
    join public.assignments a on a.incident_id = x.id and a.status <> 'withdrawn'
  ),
  unneeded as (
    select distinct x.category, x.id as incident_id, f.agency_id
    from answered x
    join public.dispatch_feedback f on f.incident_id = x.id and not f.agency_needed
  ),
  missing as (
    select distinct x.category, x.id as incident_id, m.agency_id
    from answered x
    join public.dispatch_feedback f on f.incident_id = x.id
    cross join lateral unnest(f.missing_agency_ids) as m(agency_id)
    where not exists (select 1 from sent s where s.incident_id = x.id and s.agency_id = m.agency_id)
  ),
  per_incident as (
    select x.category, u.incident_id is not null as has_unneeded, m.incident_id is not null as has_missing
    from answered x
    left join (select distinct incident_id from unneeded) u on u.incident_id = x.id
    left join (select distinct incident_id from missing) m on m.incident_id = x.id
  ),
  totals as (
    select p.category, count(*) as n,
           count(*) filter (where not p.has_unneeded and not p.has_missing) as n_right,
           count(*) filter (where p.has_unneeded) as n_unneeded,
           count(*) filter (where p.has_missing) as n_missing
    from per_incident p
    group by p.category
  ),
  top_unneeded as (
    select distinct on (u.category) u.category, u.agency_id, count(*) as times
    from unneeded u group by u.category, u.agency_id order by u.category, count(*) desc, u.agency_id
  ),
  top_missing as (
    select distinct on (m.category) m.category, m.agency_id, count(*) as times
    from missing m group by m.category, m.agency_id order by m.category, count(*) desc, m.agency_id
  )
  select t.category, t.n, t.n_right, t.n_unneeded, t.n_missing,
         round(t.n_right::numeric / t.n, 4), round(t.n_unneeded::numeric / t.n, 4), round(t.n_missing::numeric / t.n, 4),
         tu.agency_id, tu.times, tm.agency_id, tm.times
  from totals t
  left join top_unneeded tu on tu.category = t.category
  left join top_missing tm on tm.category = t.category
  order by t.category
$$;

-- Ranges: one whole day, three whole days, partial days at both ends around a whole one, partial
-- days only (no whole day inside), and a few hours inside one day.
create temp table ranges (name text primary key, lo timestamptz, hi timestamptz);
insert into ranges values
  ('day',         '2025-05-20 00:00+07', '2025-05-21 00:00+07'),
  ('three days',  '2025-05-19 00:00+07', '2025-05-22 00:00+07'),
  ('edges',       '2025-05-19 12:00+07', '2025-05-21 12:00+07'),
  ('edges only',  '2025-05-20 09:30+07', '2025-05-21 06:00+07'),
  ('inside day',  '2025-05-20 08:30+07', '2025-05-20 11:30+07');
grant select on ranges to authenticated;

-- The function's answer for a range as leadership reads it, as jsonb (in category order).
create function pg_temp.served(p_lo timestamptz, p_hi timestamptz) returns jsonb
language plpgsql
as $$
declare
  v jsonb;
begin
  perform tests.authenticate_as(tests.id('leadership'));
  select coalesce(jsonb_agg(to_jsonb(r) order by r.category), '[]') into v from public.stats_dispatch_accuracy(p_lo, p_hi) r;
  perform tests.as_owner();
  return v;
end;
$$;
create function pg_temp.raw(p_lo timestamptz, p_hi timestamptz) returns jsonb
language sql
as $$ select coalesce(jsonb_agg(to_jsonb(r) order by r.category), '[]') from pg_temp.raw_accuracy(p_lo, p_hi) r $$;

-- The ranges where the function and the raw-row reference differ ('' = none).
create function pg_temp.differing_ranges() returns text
language sql
as $$
  select coalesce(string_agg(r.name, ', ' order by r.name), '')
  from ranges r where pg_temp.served(r.lo, r.hi) is distinct from pg_temp.raw(r.lo, r.hi)
$$;

-- Rows where a dispatch rollup and its recomputation differ, both ways (stats_rollup_mismatches
-- compares every rollup; on the seeded database that is seconds per call).
create function pg_temp.dispatch_mismatches() returns bigint
language sql
as $$
  select (select count(*) from (select * from private.stats_dispatch_incidents except all
                                select * from private.stats_dispatch_incidents_expected) x)
       + (select count(*) from (select * from private.stats_dispatch_incidents_expected except all
                                select * from private.stats_dispatch_incidents) x)
       + (select count(*) from (select * from private.stats_dispatch_days
                                where (answered, right_count, unneeded_count, missing_count) <> (0, 0, 0, 0)
                                except all select * from private.stats_dispatch_days_expected) x)
       + (select count(*) from (select * from private.stats_dispatch_days_expected except all
                                select * from private.stats_dispatch_days
                                where (answered, right_count, unneeded_count, missing_count) <> (0, 0, 0, 0)) x)
       + (select count(*) from (select * from private.stats_dispatch_agency_days where (unneeded, missing) <> (0, 0)
                                except all select * from private.stats_dispatch_agency_days_expected) x)
       + (select count(*) from (select * from private.stats_dispatch_agency_days_expected except all
                                select * from private.stats_dispatch_agency_days where (unneeded, missing) <> (0, 0)) x)
$$;

-- the fixture (as in 97-dispatch-accuracy) ------------------------------------------------------
--   F1 sent A, B: both needed                           → right
--   F2 sent A, B: B not needed                          → unneeded
--   F3 sent A: A names B missing                        → missing
--   F4 sent A, B withdrawn: A names B missing           → missing
--   F5 sent A, B, C: B not needed; A names C (was sent)  → unneeded only
--   F6 sent A, no answer                                → not counted
--   M1 sent B: B names A missing                        → missing
--   Y1 (19 May 23:00) sent A: A not needed; Z1 (21 May 05:00) sent B: B names C missing
create function pg_temp.ticket(p_t text) returns text language sql immutable
as $$ select '112-20250520-98' || lpad((array_position(array['F1','F2','F3','F4','F5','F6','M1','Y1','Z1'], p_t))::text, 2, '0') $$;
create function pg_temp.inc(p_t text) returns uuid language sql
as $$ select id from public.incidents where ticket_no = pg_temp.ticket(p_t) $$;
insert into public.incidents (ticket_no, status, category, description, lat, lng, kecamatan, reported_at,
  dispatched_at, acknowledged_at, on_scene_at, resolved_at, closed_at, close_summary)
select pg_temp.ticket(r.t), 'closed', r.c::public.incident_category, 'Uji', -6.03, 106.01, 'Citangkil', r.at,
       r.at + interval '1 minute', r.at + interval '2 minutes', r.at + interval '10 minutes',
       r.at + interval '1 hour', r.at + interval '2 hours', 'Selesai'
from (values
  ('F1', 'fire', '2025-05-20 08:00+07'::timestamptz), ('F2', 'fire', '2025-05-20 09:00+07'),
  ('F3', 'fire', '2025-05-20 10:00+07'), ('F4', 'fire', '2025-05-20 11:00+07'),
  ('F5', 'fire', '2025-05-20 12:00+07'), ('F6', 'fire', '2025-05-20 13:00+07'),
  ('M1', 'medical', '2025-05-20 14:00+07'), ('Y1', 'fire', '2025-05-19 23:00+07'), ('Z1', 'medical', '2025-05-21 05:00+07')
) as r (t, c, at);

insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, on_scene_at, completed_at, report,
  withdrawn_at, withdraw_reason)
select pg_temp.inc(r.t), tests.id(r.g), r.st::public.assignment_status, i.reported_at + interval '1 minute',
       case when r.st = 'completed' then i.reported_at + interval '2 minutes' end,
       case when r.st = 'completed' then i.reported_at + interval '10 minutes' end,
       case when r.st = 'completed' then i.reported_at + interval '1 hour' end,
       case when r.st = 'completed' then 'Selesai' end,
       case when r.st = 'withdrawn' then i.reported_at + interval '3 minutes' end,
       case when r.st = 'withdrawn' then 'Tidak perlu' end
from (values
  ('F1', 'aga', 'completed'), ('F1', 'agb', 'completed'), ('F2', 'aga', 'completed'), ('F2', 'agb', 'completed'),
  ('F3', 'aga', 'completed'), ('F4', 'aga', 'completed'), ('F4', 'agb', 'withdrawn'),
  ('F5', 'aga', 'completed'), ('F5', 'agb', 'completed'), ('F5', 'agc', 'acknowledged'),
  ('F6', 'aga', 'completed'), ('M1', 'agb', 'completed'), ('Y1', 'aga', 'completed'), ('Z1', 'agb', 'completed')
) as r (t, g, st)
join public.incidents i on i.id = pg_temp.inc(r.t);
update public.assignments set acknowledged_at = assigned_at + interval '1 minute'
where incident_id = pg_temp.inc('F5') and agency_id = tests.id('agc');

create function pg_temp.asg(p_t text, p_g text) returns uuid language sql
as $$ select id from public.assignments where incident_id = pg_temp.inc(p_t) and agency_id = tests.id(p_g) $$;
insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed, missing_agency_ids)
select pg_temp.asg(r.t, r.g), pg_temp.inc(r.t), tests.id(r.g), r.needed,
       coalesce((select array_agg(tests.id(m) order by tests.id(m)) from unnest(r.missing) m), '{}')
from (values
  ('F1', 'aga', true, '{}'::text[]), ('F1', 'agb', true, '{}'), ('F2', 'aga', true, '{}'), ('F2', 'agb', false, '{}'),
  ('F3', 'aga', true, '{agb}'), ('F4', 'aga', true, '{agb}'),
  ('F5', 'aga', true, '{agc}'), ('F5', 'agb', false, '{}'), ('F5', 'agc', true, '{}'),
  ('M1', 'agb', true, '{aga}'), ('Y1', 'aga', false, '{}'), ('Z1', 'agb', true, '{agc}')
) as r (t, g, needed, missing);

-- inserts ------------------------------------------------------------------------------------------
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'the dispatch rollups equal their recomputation after the inserts');
select is((select count(*) from private.stats_dispatch_incidents where day between '2025-05-19' and '2025-05-21'), 8::bigint,
  'one stored class per answered incident (F6 without answers has none)');
select is(pg_temp.raw('2025-05-20 00:00+07', '2025-05-21 00:00+07') -> 0 ->> 'answered', '5',
  'the reference counts the 5 answered fire incidents of the day (the fixture is not empty)');
select is(pg_temp.served('2025-05-20 00:00+07', '2025-05-21 00:00+07'),
  jsonb_build_array(
    jsonb_build_object('category', 'fire', 'answered', 5, 'right_count', 1, 'unneeded_count', 2, 'missing_count', 2,
      'right_share', 0.2000, 'unneeded_share', 0.4000, 'missing_share', 0.4000,
      'top_unneeded_agency_id', tests.id('agb'), 'top_unneeded_times', 2, 'top_missing_agency_id', tests.id('agb'), 'top_missing_times', 2),
    jsonb_build_object('category', 'medical', 'answered', 1, 'right_count', 0, 'unneeded_count', 0, 'missing_count', 1,
      'right_share', 0.0000, 'unneeded_share', 0.0000, 'missing_share', 1.0000,
      'top_unneeded_agency_id', null, 'top_unneeded_times', null, 'top_missing_agency_id', tests.id('aga'), 'top_missing_times', 1)),
  'the whole day, worked out by hand');
select is(pg_temp.differing_ranges(), '', 'every range equals the raw-row function after the inserts');
select is(pg_temp.served('2025-05-19 12:00+07', '2025-05-21 12:00+07') -> 0 ->> 'answered', '6',
  'a range with partial edge days counts Y1 (19 May 23:00) from the raw rows');

-- updates of answers -------------------------------------------------------------------------------
update public.dispatch_feedback set agency_needed = false where assignment_id = pg_temp.asg('F1', 'agb');
update public.dispatch_feedback set missing_agency_ids = '{}' where assignment_id = pg_temp.asg('F3', 'aga');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'answers changed (F1 now unneeded, F3 now right): rollups follow');
select is(pg_temp.differing_ranges(), '', 'and the function equals the raw rows in every range');
update public.dispatch_feedback set missing_agency_ids = array[tests.id('agb')], agency_needed = true
where incident_id in (pg_temp.inc('F1'), pg_temp.inc('F3')) and agency_id = tests.id('aga');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'a multi-row update over two incidents: rollups follow');
select is(pg_temp.differing_ranges(), '', 'function unchanged against the raw rows');

-- assignments: withdrawn, added, moved -----------------------------------------------------------
update public.assignments set status = 'withdrawn', withdrawn_at = assigned_at + interval '5 minutes', withdraw_reason = 'Ditarik'
where id = pg_temp.asg('F5', 'agc');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'C withdrawn from F5: A''s answer now names a missing agency');
select is(pg_temp.served('2025-05-20 00:00+07', '2025-05-21 00:00+07') -> 0 ->> 'missing_count', '3',
  'F5 counts as lacking C now: F3, F4 and F5 lack an agency (F1 names B, which was sent)');
select is(pg_temp.differing_ranges(), '', 'function equals the raw rows after the withdrawal');
insert into public.assignments (incident_id, agency_id, status, assigned_at)
values (pg_temp.inc('M1'), tests.id('aga'), 'assigned', '2025-05-20 14:30+07');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'A sent to M1 later: it is no longer missing there');
select is(pg_temp.differing_ranges(), '', 'function equals the raw rows after the added assignment');
update public.assignments set status = 'acknowledged', acknowledged_at = assigned_at + interval '1 minute'
where id = pg_temp.asg('M1', 'aga');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'a workflow step that does not change what was sent leaves the rollups right');

-- incidents: category and day ----------------------------------------------------------------------
update public.incidents set category = 'medical' where id = pg_temp.inc('F2');
update public.incidents set reported_at = '2025-05-19 22:00+07' where id = pg_temp.inc('F4');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'F2 re-categorised and F4 moved to the day before: rollups follow');
select is(pg_temp.differing_ranges(), '', 'function equals the raw rows after the incident changes');
update public.incidents set kecamatan = 'Grogol' where id in (pg_temp.inc('F1'), pg_temp.inc('F6'));
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'an incident update that changes neither category nor day leaves them right');

-- deletes --------------------------------------------------------------------------------------------
delete from public.dispatch_feedback where assignment_id = pg_temp.asg('F2', 'agb');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'an answer deleted: rollups follow');
delete from public.assignments where id = pg_temp.asg('F5', 'agb');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'an assignment deleted (its answer cascades): rollups follow');
delete from public.incidents where id = pg_temp.inc('F1');
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'an incident deleted (assignments and answers cascade): rollups follow');
select is(pg_temp.differing_ranges(), '', 'function equals the raw rows after the deletes');

-- bulk load with triggers off, then the rebuild --------------------------------------------------
set local session_replication_role = replica;
insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed)
values (pg_temp.asg('F6', 'aga'), pg_temp.inc('F6'), tests.id('aga'), false);
set local session_replication_role = origin;
select ok(pg_temp.dispatch_mismatches() > 0, 'an answer loaded with triggers off is missing from the rollups');
select ok((select count(*) from private.stats_rollup_mismatches() where rollup like 'stats\_dispatch\_%') > 0,
  'and stats_rollup_mismatches() reports it');
select private.stats_rebuild();
select is(pg_temp.dispatch_mismatches(), 0::bigint, 'stats_rebuild() recomputes the dispatch rollups');
select is((select count(*) from private.stats_rollup_mismatches() where rollup like 'stats\_dispatch\_%'), 0::bigint,
  'stats_rollup_mismatches() agrees');
select is(pg_temp.differing_ranges(), '', 'function equals the raw rows after the rebuild');

-- truncate
truncate public.dispatch_feedback;
select is((select count(*) from private.stats_dispatch_incidents) + (select count(*) from private.stats_dispatch_days)
          + (select count(*) from private.stats_dispatch_agency_days), 0::bigint, 'truncating the answers empties the dispatch rollups');

-- who may read --------------------------------------------------------------------------------------
select ok((select bool_and(c.relrowsecurity) from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'private' and c.relname in ('stats_dispatch_incidents', 'stats_dispatch_days', 'stats_dispatch_agency_days')),
  'RLS is on for the three dispatch rollups');
select is((select count(*)::int from pg_policies where schemaname = 'private' and tablename like 'stats\_dispatch\_%'), 0,
  'and they have no policies');
select is(
  (select string_agg(format('%s:%s', r.role, left(tests.outcome_as(r.role, tests.id(r.who), 'select 1 from private.stats_dispatch_days'), 5)), ' ' order by r.role)
   from (values ('anon', null), ('x', 'leadership'), ('service_role', null)) as r (role, who)),
  'anon:42501 service_role:42501 x:42501', 'no API role reads a rollup directly (leadership included)');

create temp table fx_sql (sql text);
insert into fx_sql values ($$select * from public.stats_dispatch_accuracy('2025-05-19 12:00+07', '2025-05-21 12:00+07')$$);
grant select on fx_sql to anon, authenticated, service_role;
select is(tests.outcome_as('x', tests.id(r.who), (select sql from fx_sql)), r.expected, format('accuracy: %s → %s', r.who, r.expected))
from (values
  ('leadership', 'ok'), ('supervisor', 'ok'), ('admin', 'ok'),
  ('operator', '42501 forbidden_role'), ('opd_own', '42501 forbidden_role'), ('no_profile', '42501 not_authenticated')
) as r (who, expected);
select is(tests.outcome_as('service_role', null, (select sql from fx_sql)), 'ok', 'the service role reads accuracy');
select is(left(tests.outcome_as('anon', null, (select sql from fx_sql)), 5), '42501', 'anon may not');

select * from finish();
rollback;
