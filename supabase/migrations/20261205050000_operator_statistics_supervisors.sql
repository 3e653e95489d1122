-- Per-operator figures are for supervisors and admins only (issue #17, leadership reporting): the
-- leadership sees the service's figures, not each call taker's. Until now stats_operator_stage_times
-- let every statistics viewer in; it now asks private.require_operator_statistics_viewer, so the
-- database refuses leadership (42501 forbidden_role) instead of the page hiding a table.
-- The function body is unchanged from 20261203050300_statistics_stages.sql but for that check.

create function private.require_operator_statistics_viewer() returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role public.app_role;
begin
  -- The server (reports, exports) may call with the service role key.
  if private.is_service_role() then
    return;
  end if;
  v_role := private.my_role();
  if v_role is null then
    raise exception using errcode = '42501', message = 'not_authenticated',
      hint = 'Sign in to see statistics.';
  end if;
  if v_role not in ('supervisor', 'admin') then
    raise exception using errcode = '42501', message = 'forbidden_role',
      hint = 'Per-operator figures are for supervisors and administrators.', detail = v_role::text;
  end if;
end;
$$;
comment on function private.require_operator_statistics_viewer() is
  'Refuses (42501) everyone but supervisors, admins and the service role: per-operator statistics.';
revoke all on function private.require_operator_statistics_viewer() from public;

create or replace function public.stats_operator_stage_times(p_from timestamptz, p_to timestamptz)
returns table (
  operator_id uuid,
  operator_name text,
  calls bigint,
  emergency_calls bigint,
  nuisance_calls bigint,
  p50_answer_seconds numeric,
  p50_classify_seconds numeric,
  p50_record_seconds numeric,
  p50_close_call_seconds numeric,
  p50_call_total_seconds numeric,
  call_total_within_target_share numeric
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
  perform private.require_operator_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  select s.lo, s.hi into v_lo, v_hi from private.stats_split(p_from, p_to, 'day') s;
  v_day_from := (v_lo at time zone 'Asia/Jakarta')::date;
  v_day_to := (v_hi at time zone 'Asia/Jakarta')::date;
  return query
  with counts as (
    select r.operator_id as op, r.answered as n, r.emergency as e, r.nuisance as nu
    from private.stats_operator_days r
    where r.day >= v_day_from and r.day < v_day_to
    union all
    select f.operator_id, 1::bigint, f.emergency, f.nuisance
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_operator_facts(c) f
    where e.lo < e.hi
  ),
  per_operator as (
    select ct.op, sum(ct.n) as n, sum(ct.e) as e, sum(ct.nu) as nu from counts ct group by ct.op having sum(ct.n) > 0
  ),
  hist as (
    select r.operator_id as op, r.stage as st, r.seconds as s, r.samples as n, r.within as w
    from private.stats_blocks(v_day_from, v_day_to) b
    join private.stats_operator_seconds r on r.span = b.span and r.day = b.day
    union all
    select f.operator_id, f.stage, f.seconds, 1::bigint, f.within
    from (values (p_from, v_lo), (v_hi, p_to)) as e (lo, hi)
    join public.calls c on c.received_at >= e.lo and c.received_at < e.hi
    cross join lateral private.stats_call_stage_facts(c) f
    where e.lo < e.hi and f.operator_id is not null
  ),
  grouped as (
    select h.op, h.st, h.s, sum(h.n)::bigint as n, coalesce(sum(h.n) filter (where h.w), 0)::bigint as nw
    from hist h
    group by h.op, h.st, h.s
    having sum(h.n) <> 0
  ),
  running as (
    select g.*, sum(g.n) over (partition by g.op, g.st order by g.s)::bigint as upto,
           sum(g.n) over (partition by g.op, g.st)::bigint as total
    from grouped g
  ),
  -- percentile_cont's arithmetic on the histogram: the value at 0-based rank q is the smallest
  -- second whose running count exceeds q.
  summary as (
    select r.op, r.st, max(r.total) as samples,
           coalesce(sum(r.nw), 0)::bigint as within_target,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.5::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.5::float8 * (r.total - 1))), 0.5, max(r.total)) as p50,
           private.stats_interpolate(min(r.s) filter (where r.upto > floor(0.9::float8 * (r.total - 1))),
             min(r.s) filter (where r.upto > ceil(0.9::float8 * (r.total - 1))), 0.9, max(r.total)) as p90
    from running r
    group by r.op, r.st
  )
  select po.op, pr.full_name, po.n::bigint, po.e::bigint, po.nu::bigint,
         round(sa.p50::numeric, 1), round(scl.p50::numeric, 1), round(srec.p50::numeric, 1), round(scc.p50::numeric, 1), round(stt.p50::numeric, 1),
         case when stt.samples > 0 then round(stt.within_target::numeric / stt.samples, 4) end
  from per_operator po
  join public.profiles pr on pr.id = po.op
  left join summary sa on sa.op = po.op and sa.st = 'answer'
  left join summary scl on scl.op = po.op and scl.st = 'classify'
  left join summary srec on srec.op = po.op and srec.st = 'record'
  left join summary scc on scc.op = po.op and scc.st = 'close_call'
  left join summary stt on stt.op = po.op and stt.st = 'call_total'
  order by pr.full_name, po.op;
end;
$$;

comment on function public.stats_operator_stage_times(timestamptz, timestamptz) is
  'Per call taker (answered calls received in the range), for supervisors and admins: calls handled, emergencies, ghost+prank, median seconds per call stage (answer: telephony calls only) and the share within the call_total target of each call''s time.';
