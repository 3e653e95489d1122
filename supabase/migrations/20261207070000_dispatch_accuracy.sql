-- Dispatch accuracy (issue #18 §5): with its field report each agency answers whether it was needed
-- and which agency should also have been sent; leadership and supervisors read, per category (each
-- category has one run card), how often the sent set was right, and the run-card screen shows which
-- agency was often not needed.
--
-- "Sent" means every assignment of the incident that the supervisor did not withdraw (a declined
-- agency was still sent). An incident counts once it has at least one answer:
--   unneeded — some sent agency answered that it was not needed;
--   missing  — some answer names an agency that was not sent;
--   right    — neither.
-- An agency named as missing that the supervisor added later counts as sent, not missing: the
-- answer may have been given offline before that.

-- ---------------------------------------------------------------------------------------------
-- table
-- ---------------------------------------------------------------------------------------------
create table public.dispatch_feedback (
  assignment_id uuid primary key references public.assignments (id) on delete cascade,
  incident_id uuid not null references public.incidents (id) on delete cascade,
  agency_id uuid not null references public.agencies (id) on delete restrict,
  agency_needed boolean not null,
  missing_agency_ids uuid[] not null default '{}',
  answered_by uuid references public.profiles (id) on delete set null,
  answered_at timestamptz not null default now(),
  constraint dispatch_feedback_missing_bounded check (cardinality(missing_agency_ids) <= 20),
  constraint dispatch_feedback_missing_no_null check (array_position(missing_agency_ids, null) is null),
  constraint dispatch_feedback_not_self_missing check (not (agency_id = any (missing_agency_ids)))
);
comment on table public.dispatch_feedback is
  'The assigned agency''s answer with its field report: was its presence needed, and which agencies should also have been sent. Written only through answer_dispatch_feedback.';
comment on column public.dispatch_feedback.agency_needed is '"Apakah kehadiran instansi Anda diperlukan?" — false counts the incident as sent an unneeded agency.';
comment on column public.dispatch_feedback.missing_agency_ids is '"Apakah ada instansi lain yang seharusnya dikirim?" — empty for none; distinct, sorted, never the answering agency.';
create index dispatch_feedback_incident_idx on public.dispatch_feedback (incident_id);

revoke all on table public.dispatch_feedback from public, anon, authenticated, service_role;
grant select on table public.dispatch_feedback to authenticated, service_role;
alter table public.dispatch_feedback enable row level security;
create policy "supervisors, leadership and admins read every answer" on public.dispatch_feedback
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'leadership', 'admin'));
create policy "liaisons read their own agency's answers" on public.dispatch_feedback
  for select to authenticated
  using ((select private.my_role()) = 'opd' and agency_id = (select private.my_agency()));

-- ---------------------------------------------------------------------------------------------
-- the liaison's answer
-- ---------------------------------------------------------------------------------------------
create function public.answer_dispatch_feedback(p_assignment_id uuid, p_agency_needed boolean,
                                                p_missing_agency_ids uuid[] default '{}')
returns public.dispatch_feedback
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.assignments;
  v_inc_status public.incident_status;
  v_missing uuid[];
  v_answer public.dispatch_feedback;
begin
  perform private.require_role(array['opd']::public.app_role[]);
  select * into v_row from public.assignments a where a.id = p_assignment_id;
  if not found then
    perform private.fail('assignment_not_found', 'The assignment does not exist.');
  end if;
  if v_row.agency_id is distinct from private.my_agency() then
    perform private.fail('wrong_agency', 'This assignment belongs to another agency.');
  end if;
  select i.status into v_inc_status from public.incidents i where i.id = v_row.incident_id;
  -- Answered with the report: from acknowledgement on, also again after completion (a retry of an
  -- offline step), never on a declined or withdrawn assignment or a closed ticket.
  if v_inc_status in ('closed', 'cancelled')
     or v_row.status not in ('acknowledged', 'en_route', 'on_scene', 'completed') then
    perform private.fail('invalid_state', 'This step is not possible from the assignment''s current state.',
      v_row.status::text);
  end if;
  if p_agency_needed is null then
    perform private.fail('answer_required', 'Say whether your agency was needed.');
  end if;
  if coalesce(cardinality(p_missing_agency_ids), 0) > 20 then
    perform private.fail('too_many_agencies', 'Name at most 20 agencies.');
  end if;
  if array_position(p_missing_agency_ids, null) is not null then
    perform private.fail('unknown_agency', 'Every named agency must exist.');
  end if;
  select coalesce(array_agg(distinct m order by m), '{}') into v_missing
  from unnest(coalesce(p_missing_agency_ids, '{}')) m;
  if v_row.agency_id = any (v_missing) then
    perform private.fail('own_agency_missing', 'Your own agency cannot be the missing one.');
  end if;
  if exists (select 1 from unnest(v_missing) m where not exists (select 1 from public.agencies g where g.id = m)) then
    perform private.fail('unknown_agency', 'Every named agency must exist.');
  end if;
  insert into public.dispatch_feedback as f (assignment_id, incident_id, agency_id, agency_needed,
                                             missing_agency_ids, answered_by, answered_at)
  values (v_row.id, v_row.incident_id, v_row.agency_id, p_agency_needed, v_missing, (select auth.uid()), now())
  on conflict (assignment_id) do update set
    agency_needed = excluded.agency_needed,
    missing_agency_ids = excluded.missing_agency_ids,
    answered_by = excluded.answered_by,
    answered_at = excluded.answered_at
  returning * into v_answer;
  return v_answer;
end;
$$;
comment on function public.answer_dispatch_feedback(uuid, boolean, uuid[]) is
  'The assigned agency''s liaison answers, with its field report, whether it was needed and which agencies were missing (again = replaces the answer).';
revoke all on function public.answer_dispatch_feedback(uuid, boolean, uuid[]) from public, anon;
grant execute on function public.answer_dispatch_feedback(uuid, boolean, uuid[]) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- statistics
-- ---------------------------------------------------------------------------------------------
-- Per category over incidents reported in [from, to) with at least one answer. The range is found
-- by incidents_reported_at_idx; answers and assignments by their incident indexes.
create function public.stats_dispatch_accuracy(p_from timestamptz, p_to timestamptz)
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
begin
  perform private.require_statistics_viewer();
  perform private.check_statistics_range(p_from, p_to, interval '400 days');
  return query
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
  -- Joined, not probed per incident: an exists over a CTE would scan it once per incident.
  per_incident as (
    select x.category, u.incident_id is not null as has_unneeded, m.incident_id is not null as has_missing
    from answered x
    left join (select distinct incident_id from unneeded) u on u.incident_id = x.id
    left join (select distinct incident_id from missing) m on m.incident_id = x.id
  ),
  totals as (
    select p.category,
           count(*) as n,
           count(*) filter (where not p.has_unneeded and not p.has_missing) as n_right,
           count(*) filter (where p.has_unneeded) as n_unneeded,
           count(*) filter (where p.has_missing) as n_missing
    from per_incident p
    group by p.category
  ),
  top_unneeded as (
    select distinct on (u.category) u.category, u.agency_id, count(*) as times
    from unneeded u
    group by u.category, u.agency_id
    order by u.category, count(*) desc, u.agency_id
  ),
  top_missing as (
    select distinct on (m.category) m.category, m.agency_id, count(*) as times
    from missing m
    group by m.category, m.agency_id
    order by m.category, count(*) desc, m.agency_id
  )
  select t.category, t.n, t.n_right, t.n_unneeded, t.n_missing,
         round(t.n_right::numeric / t.n, 4),
         round(t.n_unneeded::numeric / t.n, 4),
         round(t.n_missing::numeric / t.n, 4),
         tu.agency_id, tu.times, tm.agency_id, tm.times
  from totals t
  left join top_unneeded tu on tu.category = t.category
  left join top_missing tm on tm.category = t.category
  order by t.category;
end;
$$;
comment on function public.stats_dispatch_accuracy(timestamptz, timestamptz) is
  'Per category (= run card), incidents reported in [from, to) with answers: how many were sent the right agencies, an unneeded one, or lacked one; the agency most often not needed and most often missing.';
revoke all on function public.stats_dispatch_accuracy(timestamptz, timestamptz) from public, anon;
grant execute on function public.stats_dispatch_accuracy(timestamptz, timestamptz) to authenticated, service_role;

-- The run-card screen's hints: per category and sent agency, among that agency's last p_last answers
-- for the category, how often it said it was not needed ("Damkar tidak diperlukan pada 7 dari 10
-- kejadian terakhir").
create function public.run_card_feedback_hints(p_last integer default 10)
returns table (
  category public.incident_category,
  agency_id uuid,
  answers bigint,
  not_needed bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_statistics_viewer();
  if p_last is null or p_last not between 1 and 100 then
    raise exception using errcode = 'P0001', message = 'invalid_range',
      hint = 'Ask for the last 1 to 100 answers.', detail = coalesce(p_last::text, 'null');
  end if;
  return query
  with ranked as (
    select i.category, f.agency_id, f.agency_needed,
           row_number() over (partition by i.category, f.agency_id order by i.reported_at desc, i.id) as n
    from public.dispatch_feedback f
    join public.incidents i on i.id = f.incident_id
  )
  select r.category, r.agency_id, count(*), count(*) filter (where not r.agency_needed)
  from ranked r
  where r.n <= p_last
  group by r.category, r.agency_id
  order by r.category, r.agency_id;
end;
$$;
comment on function public.run_card_feedback_hints(integer) is
  'Per category and agency, of its last N answers (1–100): how many, and how many said the agency was not needed.';
revoke all on function public.run_card_feedback_hints(integer) from public, anon;
grant execute on function public.run_card_feedback_hints(integer) to authenticated, service_role;
