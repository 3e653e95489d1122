-- Dispatch accuracy from rollups (issue #21): public.stats_dispatch_accuracy read the raw incidents of
-- the range and joined dispatch_feedback and assignments, 29–32 s at 10 M calls / 3 M incidents on
-- Postgres (bench/README.md). DESIGN.md §4: statistics come from trigger-maintained rollups. The
-- function's output, arguments and rules (20261207070000) are unchanged; only where it reads from.
--
-- An incident's class depends on its category and WIB day (incidents), its answers
-- (dispatch_feedback) and the agencies sent to it (assignments not withdrawn), so it cannot be netted
-- from one table's changed rows alone. Hence two levels:
--   stats_dispatch_incidents   — per answered incident: its day, category, the agencies that said
--                                they were not needed and the agencies named missing (not sent);
--   stats_dispatch_days        — per WIB day × category: answered / right / unneeded / missing;
--   stats_dispatch_agency_days — per WIB day × category × agency: incidents where it was not
--                                needed, and where it was missing.
-- A statement that touches any of the three tables in a way that can change a class re-files the
-- incidents it touched: their stored row is taken out (−1 in the day tables), their class is
-- recomputed from the raw rows (+1), both netted per bucket and upserted in key order. The stored
-- row is what comes out, so an incident already gone (a cascade) still leaves its day correctly.
-- A range reads the day tables for its whole WIB days and the raw rows for its partial edges.

-- ---------------------------------------------------------------------------------------------
-- facts: one incident's class from the raw rows (plain SQL, no SET options: inlined)
-- ---------------------------------------------------------------------------------------------
-- No row for an incident without answers. Agencies sorted and distinct, so a stored row and its
-- recomputation compare equal.
create function private.stats_dispatch_facts(p_incident public.incidents)
returns table (day date, category public.incident_category, unneeded_agency_ids uuid[], missing_agency_ids uuid[])
language sql
stable
as $$
  select (p_incident.reported_at at time zone 'Asia/Jakarta')::date, p_incident.category,
         coalesce(array_agg(distinct f.agency_id order by f.agency_id) filter (where not f.agency_needed), '{}'),
         coalesce(array_agg(distinct x.agency_id order by x.agency_id) filter (where x.agency_id is not null), '{}')
  from public.dispatch_feedback f
  -- A named agency is missing unless it was sent (any assignment not withdrawn, declined included).
  left join lateral (
    select m.agency_id
    from unnest(f.missing_agency_ids) as m (agency_id)
    where not exists (select 1 from public.assignments a
                      where a.incident_id = p_incident.id and a.agency_id = m.agency_id and a.status <> 'withdrawn')
  ) x on true
  where f.incident_id = p_incident.id
  having count(*) > 0
$$;
revoke all on function private.stats_dispatch_facts(public.incidents) from public;

-- ---------------------------------------------------------------------------------------------
-- rollup tables (private; RLS on without policies: only the owner's functions read or write them)
-- ---------------------------------------------------------------------------------------------
create table private.stats_dispatch_incidents (
  incident_id uuid primary key,
  day date not null,
  category public.incident_category not null,
  unneeded_agency_ids uuid[] not null,
  missing_agency_ids uuid[] not null
);
comment on table private.stats_dispatch_incidents is
  'Per incident with at least one dispatch answer: WIB day of reported_at, category, the agencies that answered not needed and the agencies named missing that were not sent (sorted, distinct). What the day tables hold for it.';
create index stats_dispatch_incidents_day_idx on private.stats_dispatch_incidents (day);

create table private.stats_dispatch_days (
  day date not null,
  category public.incident_category not null,
  answered bigint not null,
  right_count bigint not null,
  unneeded_count bigint not null,
  missing_count bigint not null,
  primary key (day, category)
);
comment on table private.stats_dispatch_days is
  'Answered incidents per WIB day of reported_at and category: right (neither), with an unneeded agency, lacking one.';

create table private.stats_dispatch_agency_days (
  day date not null,
  category public.incident_category not null,
  agency_id uuid not null,
  unneeded bigint not null,
  missing bigint not null,
  primary key (day, category, agency_id)
);
comment on table private.stats_dispatch_agency_days is
  'Per WIB day, category and agency: answered incidents where the agency said it was not needed, and where it was named missing.';

alter table private.stats_dispatch_incidents enable row level security;
alter table private.stats_dispatch_days enable row level security;
alter table private.stats_dispatch_agency_days enable row level security;
revoke all on table private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days
  from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- recomputations (rebuild, consistency check), in the rollups' column order
-- ---------------------------------------------------------------------------------------------
create view private.stats_dispatch_incidents_expected as
select i.id as incident_id, f.day, f.category, f.unneeded_agency_ids, f.missing_agency_ids
from public.incidents i cross join lateral private.stats_dispatch_facts(i) f;

-- The day tables from per-incident rows (stored or expected): one definition for both.
create function private.stats_dispatch_day_facts(p_row private.stats_dispatch_incidents)
returns table (day date, category public.incident_category, right_count integer, unneeded_count integer, missing_count integer)
language sql
immutable
as $$
  select p_row.day, p_row.category,
         (cardinality(p_row.unneeded_agency_ids) = 0 and cardinality(p_row.missing_agency_ids) = 0)::integer,
         (cardinality(p_row.unneeded_agency_ids) > 0)::integer,
         (cardinality(p_row.missing_agency_ids) > 0)::integer
$$;

create function private.stats_dispatch_agency_facts(p_row private.stats_dispatch_incidents)
returns table (day date, category public.incident_category, agency_id uuid, unneeded integer, missing integer)
language sql
immutable
as $$
  -- One unnest over both lists (the unneeded first), not a union: a union over a whole-row
  -- argument trips Postgres 15's planner once inlined ("variable not found in subplan target list").
  select p_row.day, p_row.category, x.agency_id,
         (x.n <= cardinality(p_row.unneeded_agency_ids))::integer, (x.n > cardinality(p_row.unneeded_agency_ids))::integer
  from unnest(p_row.unneeded_agency_ids || p_row.missing_agency_ids) with ordinality as x (agency_id, n)
$$;
revoke all on function private.stats_dispatch_day_facts(private.stats_dispatch_incidents) from public;
revoke all on function private.stats_dispatch_agency_facts(private.stats_dispatch_incidents) from public;

create view private.stats_dispatch_days_expected as
select f.day, f.category, count(*)::bigint as answered, sum(f.right_count)::bigint as right_count,
       sum(f.unneeded_count)::bigint as unneeded_count, sum(f.missing_count)::bigint as missing_count
from private.stats_dispatch_incidents_expected e
cross join lateral private.stats_dispatch_day_facts(row(e.*)::private.stats_dispatch_incidents) f
group by f.day, f.category;

create view private.stats_dispatch_agency_days_expected as
select f.day, f.category, f.agency_id, sum(f.unneeded)::bigint as unneeded, sum(f.missing)::bigint as missing
from private.stats_dispatch_incidents_expected e
cross join lateral private.stats_dispatch_agency_facts(row(e.*)::private.stats_dispatch_incidents) f
group by f.day, f.category, f.agency_id;

-- ---------------------------------------------------------------------------------------------
-- maintenance
-- ---------------------------------------------------------------------------------------------
-- Re-files the given incidents. The stored rows are locked against other re-filings first
-- (SHARE ROW EXCLUSIVE conflicts with itself and with writers, not with readers): a concurrent
-- transaction re-filing the same incident waits for this one's commit, and then — each statement
-- of this volatile function takes a new snapshot — sees its answers and its stored row, so no
-- class is computed from a state that another commit has already changed.
create function private.stats_dispatch_refile(p_incident_ids uuid[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_old private.stats_dispatch_incidents[];
  v_new private.stats_dispatch_incidents[];
begin
  select coalesce(array_agg(distinct x order by x), '{}') into v_ids from unnest(p_incident_ids) x where x is not null;
  if cardinality(v_ids) = 0 then
    return;
  end if;
  lock table private.stats_dispatch_incidents in share row exclusive mode;
  with gone as (
    delete from private.stats_dispatch_incidents s where s.incident_id = any (v_ids) returning s.*
  )
  select coalesce(array_agg(row(g.*)::private.stats_dispatch_incidents order by g.incident_id), '{}') into v_old from gone g;
  select coalesce(array_agg(row(e.*)::private.stats_dispatch_incidents order by e.incident_id), '{}') into v_new
  from (
    select i.id as incident_id, f.day, f.category, f.unneeded_agency_ids, f.missing_agency_ids
    from public.incidents i cross join lateral private.stats_dispatch_facts(i) f
    where i.id = any (v_ids)
  ) e;
  insert into private.stats_dispatch_incidents select * from unnest(v_new);

  insert into private.stats_dispatch_days as t (day, category, answered, right_count, unneeded_count, missing_count)
  select f.day, f.category, sum(d.sign), sum(d.sign * f.right_count), sum(d.sign * f.unneeded_count),
         sum(d.sign * f.missing_count)
  from (select o as r, -1 as sign from unnest(v_old) as o union all select n, 1 from unnest(v_new) as n) as d
  cross join lateral private.stats_dispatch_day_facts(d.r) as f
  group by f.day, f.category
  having sum(d.sign) <> 0 or sum(d.sign * f.right_count) <> 0 or sum(d.sign * f.unneeded_count) <> 0
      or sum(d.sign * f.missing_count) <> 0
  order by f.day, f.category
  on conflict (day, category) do update set answered = t.answered + excluded.answered,
    right_count = t.right_count + excluded.right_count, unneeded_count = t.unneeded_count + excluded.unneeded_count,
    missing_count = t.missing_count + excluded.missing_count;

  insert into private.stats_dispatch_agency_days as t (day, category, agency_id, unneeded, missing)
  select f.day, f.category, f.agency_id, sum(d.sign * f.unneeded), sum(d.sign * f.missing)
  from (select o as r, -1 as sign from unnest(v_old) as o union all select n, 1 from unnest(v_new) as n) as d
  cross join lateral private.stats_dispatch_agency_facts(d.r) as f
  group by f.day, f.category, f.agency_id
  having sum(d.sign * f.unneeded) <> 0 or sum(d.sign * f.missing) <> 0
  order by f.day, f.category, f.agency_id
  on conflict (day, category, agency_id) do update set unneeded = t.unneeded + excluded.unneeded,
    missing = t.missing + excluded.missing;
end;
$$;
revoke all on function private.stats_dispatch_refile(uuid[]) from public;

-- Which incidents a statement may have re-classed. Answers: every one touched. Assignments: a new
-- one that is not withdrawn, a removed one, and an update that changes whether it counts as sent
-- (withdrawn or not, its agency, its incident) — the workflow's other steps change nothing here.
-- Incidents: a changed category or reported_at (a deleted incident's answers cascade first).
create function private.stats_dispatch_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'dispatch_feedback' then
    if tg_op = 'INSERT' then
      perform private.stats_dispatch_refile(array(select n.incident_id from new_rows n));
    elsif tg_op = 'UPDATE' then
      perform private.stats_dispatch_refile(array(select o.incident_id from old_rows o union select n.incident_id from new_rows n));
    else
      perform private.stats_dispatch_refile(array(select o.incident_id from old_rows o));
    end if;
  elsif tg_table_name = 'assignments' then
    if tg_op = 'INSERT' then
      perform private.stats_dispatch_refile(array(select n.incident_id from new_rows n where n.status <> 'withdrawn'));
    elsif tg_op = 'UPDATE' then
      perform private.stats_dispatch_refile(array(
        select x.incident_id
        from old_rows o
        full join new_rows n on n.id = o.id
        cross join lateral (values (o.incident_id), (n.incident_id)) as x (incident_id)
        where o.id is null or n.id is null or o.incident_id is distinct from n.incident_id
           or o.agency_id is distinct from n.agency_id
           or (o.status = 'withdrawn') is distinct from (n.status = 'withdrawn')));
    else
      perform private.stats_dispatch_refile(array(select o.incident_id from old_rows o));
    end if;
  elsif tg_op = 'UPDATE' then
    perform private.stats_dispatch_refile(array(
      select x.id
      from old_rows o
      full join new_rows n on n.id = o.id
      cross join lateral (values (o.id), (n.id)) as x (id)
      where o.id is null or n.id is null or o.category is distinct from n.category
         or o.reported_at is distinct from n.reported_at));
  else
    perform private.stats_dispatch_refile(array(select o.id from old_rows o));
  end if;
  return null;
end;
$$;
revoke all on function private.stats_dispatch_changed() from public;

create trigger dispatch_feedback_stats_insert after insert on public.dispatch_feedback
  referencing new table as new_rows for each statement execute function private.stats_dispatch_changed();
create trigger dispatch_feedback_stats_update after update on public.dispatch_feedback
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_dispatch_changed();
create trigger dispatch_feedback_stats_delete after delete on public.dispatch_feedback
  referencing old table as old_rows for each statement execute function private.stats_dispatch_changed();
create trigger assignments_dispatch_stats_insert after insert on public.assignments
  referencing new table as new_rows for each statement execute function private.stats_dispatch_changed();
create trigger assignments_dispatch_stats_update after update on public.assignments
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_dispatch_changed();
create trigger assignments_dispatch_stats_delete after delete on public.assignments
  referencing old table as old_rows for each statement execute function private.stats_dispatch_changed();
create trigger incidents_dispatch_stats_update after update on public.incidents
  referencing old table as old_rows new table as new_rows for each statement execute function private.stats_dispatch_changed();
create trigger incidents_dispatch_stats_delete after delete on public.incidents
  referencing old table as old_rows for each statement execute function private.stats_dispatch_changed();

-- After a TRUNCATE the table is empty, and so are its rollups. Answers cannot outlive their
-- incidents or assignments (foreign keys), so truncating either empties the dispatch rollups too.
create or replace function private.stats_truncated() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  case tg_table_name
    when 'calls' then
      truncate private.stats_call_hours, private.stats_call_seconds, private.stats_operator_days,
        private.stats_operator_seconds;
    when 'incidents' then
      truncate private.stats_incident_days, private.stats_incident_seconds, private.stats_kecamatan_seconds,
        private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days;
    when 'assignments' then
      truncate private.stats_assignment_days, private.stats_assignment_seconds,
        private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days;
    else
      truncate private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days;
  end case;
  return null;
end;
$$;
create trigger dispatch_feedback_stats_truncate after truncate on public.dispatch_feedback
  for each statement execute function private.stats_truncated();

-- ---------------------------------------------------------------------------------------------
-- rebuild and consistency check, now with the dispatch rollups
-- ---------------------------------------------------------------------------------------------
create or replace function private.stats_rebuild() returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Writers wait until the rebuild commits, so no change slips between the scan and the swap.
  -- Inserted in key order: a block's rows then sit together on few pages, which a range reads.
  lock table public.calls, public.incidents, public.assignments, public.dispatch_feedback in share mode;
  truncate private.stats_call_hours, private.stats_call_seconds, private.stats_operator_days,
    private.stats_operator_seconds, private.stats_incident_days, private.stats_incident_seconds,
    private.stats_kecamatan_seconds, private.stats_assignment_days, private.stats_assignment_seconds,
    private.stats_dispatch_incidents, private.stats_dispatch_days, private.stats_dispatch_agency_days;
  insert into private.stats_call_hours select * from private.stats_call_hours_expected order by 1, 2;
  insert into private.stats_call_seconds select * from private.stats_call_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_operator_days select * from private.stats_operator_days_expected order by 1, 2;
  insert into private.stats_operator_seconds select * from private.stats_operator_seconds_expected order by 1, 2, 3, 4, 5;
  insert into private.stats_incident_days select * from private.stats_incident_days_expected order by 1, 2, 3;
  insert into private.stats_incident_seconds select * from private.stats_incident_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_kecamatan_seconds select * from private.stats_kecamatan_seconds_expected order by 1, 2, 3, 4;
  insert into private.stats_assignment_days select * from private.stats_assignment_days_expected order by 1, 2;
  insert into private.stats_assignment_seconds select * from private.stats_assignment_seconds_expected order by 1, 2, 3, 4, 5;
  insert into private.stats_dispatch_incidents select * from private.stats_dispatch_incidents_expected;
  -- The day tables from the stored classes just written, not a second classification of every incident.
  insert into private.stats_dispatch_days
  select f.day, f.category, count(*), sum(f.right_count), sum(f.unneeded_count), sum(f.missing_count)
  from private.stats_dispatch_incidents s cross join lateral private.stats_dispatch_day_facts(s) f
  group by f.day, f.category order by 1, 2;
  insert into private.stats_dispatch_agency_days
  select f.day, f.category, f.agency_id, sum(f.unneeded), sum(f.missing)
  from private.stats_dispatch_incidents s cross join lateral private.stats_dispatch_agency_facts(s) f
  group by f.day, f.category, f.agency_id order by 1, 2, 3;
end;
$$;
comment on function private.stats_rebuild() is
  'Recomputes every statistics rollup from calls, incidents, assignments and dispatch answers: after a bulk load with triggers off (the seed), or a repair.';
revoke all on function private.stats_rebuild() from public;

create or replace function private.stats_rollup_mismatches()
returns table (rollup text, side text, row_data jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text;
  v_nonzero text;
begin
  for v_table, v_nonzero in
    select * from (values
      ('stats_call_hours', 'calls <> 0'),
      ('stats_call_seconds', 'samples <> 0'),
      ('stats_operator_days', '(answered, emergency, nuisance) <> (0, 0, 0)'),
      ('stats_operator_seconds', 'samples <> 0'),
      ('stats_incident_days', '(incidents, open_incidents, closed_incidents, cancelled_incidents) <> (0, 0, 0, 0)'),
      ('stats_incident_seconds', 'samples <> 0'),
      ('stats_kecamatan_seconds', 'samples <> 0'),
      ('stats_assignment_days', '(assignments, declined, completed) <> (0, 0, 0)'),
      ('stats_assignment_seconds', 'samples <> 0'),
      ('stats_dispatch_incidents', 'true'),
      ('stats_dispatch_days', '(answered, right_count, unneeded_count, missing_count) <> (0, 0, 0, 0)'),
      ('stats_dispatch_agency_days', '(unneeded, missing) <> (0, 0)')
    ) as t (name, nonzero)
  loop
    return query execute format(
      'with s as materialized (select * from private.%1$I where %3$s),
            e as materialized (select * from private.%2$I)
       select %1$L, ''stored'', to_jsonb(x) from (select * from s except all select * from e) x
       union all
       select %1$L, ''expected'', to_jsonb(x) from (select * from e except all select * from s) x',
      v_table, v_table || '_expected', v_nonzero);
  end loop;
end;
$$;
comment on function private.stats_rollup_mismatches() is
  'Rows where a rollup differs from its recomputation (stored: only in the rollup; expected: only in the recomputation). Empty when the triggers kept up.';
revoke all on function private.stats_rollup_mismatches() from public;

-- ---------------------------------------------------------------------------------------------
-- the statistic, same output as 20261207070000
-- ---------------------------------------------------------------------------------------------
create or replace function public.stats_dispatch_accuracy(p_from timestamptz, p_to timestamptz)
returns table (
  category public.incident_category,
  answered bigint,
  right_count bigint,
  unneeded_count bigint,
  missing_count bigint,
  right_share numeric,
  unneeded_share numeric,
  missing_share numeric,
  top_unneeded_agency_id uuid,
  top_unneeded_times bigint,
  top_missing_agency_id uuid,
  top_missing_times bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_lo timestamptz;
  v_hi timestamptz;
  v_day_from date;
  v_day_to date;
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  -- The answered incidents of the partial edge days, classified from the raw rows.
  with edges as materialized (
    select i.id, f.day, f.category, f.unneeded_agency_ids, f.missing_agency_ids
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.incidents i on i.reported_at >= e.lo and i.reported_at < e.hi
    cross join lateral private.stats_dispatch_facts(i) f
    where e.lo < e.hi
  ),
  counts as (
    select r.category as c, r.answered as n, r.right_count as nr, r.unneeded_count as nu, r.missing_count as nm
    from private.stats_dispatch_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select f.category, 1::bigint, f.right_count, f.unneeded_count, f.missing_count
    from edges x cross join lateral private.stats_dispatch_day_facts(row(x.*)::private.stats_dispatch_incidents) f
  ),
  totals as (
    select ct.c, sum(ct.n)::bigint as n, sum(ct.nr)::bigint as nr, sum(ct.nu)::bigint as nu, sum(ct.nm)::bigint as nm
    from counts ct
    group by ct.c
    having sum(ct.n) > 0
  ),
  per_agency as (
    select r.category as c, r.agency_id as ag, r.unneeded as u, r.missing as m
    from private.stats_dispatch_agency_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select f.category, f.agency_id, f.unneeded, f.missing
    from edges x cross join lateral private.stats_dispatch_agency_facts(row(x.*)::private.stats_dispatch_incidents) f
  ),
  agency_totals as (
    select pa.c, pa.ag, sum(pa.u)::bigint as u, sum(pa.m)::bigint as m from per_agency pa group by pa.c, pa.ag
  ),
  top_unneeded as (
    select distinct on (a.c) a.c, a.ag, a.u from agency_totals a where a.u > 0 order by a.c, a.u desc, a.ag
  ),
  top_missing as (
    select distinct on (a.c) a.c, a.ag, a.m from agency_totals a where a.m > 0 order by a.c, a.m desc, a.ag
  )
  select t.c, t.n, t.nr, t.nu, t.nm,
         round(t.nr::numeric / t.n, 4),
         round(t.nu::numeric / t.n, 4),
         round(t.nm::numeric / t.n, 4),
         tu.ag, tu.u, tm.ag, tm.m
  from totals t
  left join top_unneeded tu on tu.c = t.c
  left join top_missing tm on tm.c = t.c
  order by t.c;
end;
$$;
comment on function public.stats_dispatch_accuracy(timestamptz, timestamptz) is
  'Per category (= run card), incidents reported in [from, to) with answers: how many were sent the right agencies, an unneeded one, or lacked one; the agency most often not needed and most often missing. Whole WIB days from the dispatch rollups, partial edge days from the raw rows.';
revoke all on function public.stats_dispatch_accuracy(timestamptz, timestamptz) from public, anon;
grant execute on function public.stats_dispatch_accuracy(timestamptz, timestamptz) to authenticated, service_role;

-- Backfill: answers that exist before this migration.
insert into private.stats_dispatch_incidents select * from private.stats_dispatch_incidents_expected;
insert into private.stats_dispatch_days select * from private.stats_dispatch_days_expected order by 1, 2;
insert into private.stats_dispatch_agency_days select * from private.stats_dispatch_agency_days_expected order by 1, 2, 3;
