-- The admin screens of caller data protection (issue #22): /admin/legal-holds and the hold panel
-- of /incidents/[id] need the ticket of a held incident and the names of who placed or lifted the
-- hold, but admins read no incident and no profile of other roles under RLS (DESIGN.md §2). These
-- two functions hand out exactly that, to supervisors and admins, and nothing of the caller.

-- An incident as the hold form shows it before placing: ticket, status, category, time.
create function public.legal_hold_incident(p_ticket_no text)
returns table (
  id uuid,
  ticket_no text,
  status public.incident_status,
  category public.incident_category,
  reported_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_role(array['supervisor', 'admin']::public.app_role[]);
  if p_ticket_no is null or btrim(p_ticket_no) !~ '^112-[0-9]{8}-[0-9]{4,8}$' then
    perform private.fail('invalid_ticket', 'A ticket number looks like 112-20261201-0042.');
  end if;
  return query
  select i.id, i.ticket_no, i.status, i.category, i.reported_at
  from public.incidents i
  where i.ticket_no = btrim(p_ticket_no);
end;
$$;
comment on function public.legal_hold_incident(text) is
  'Supervisor or admin: the incident of a ticket number (no row when there is none) as the legal-hold form shows it; no caller data. Refusal: invalid_ticket.';
revoke all on function public.legal_hold_incident(text) from public, anon;
grant execute on function public.legal_hold_incident(text) to authenticated;

-- The holds, newest first, with their ticket and the names of who placed and lifted them;
-- one incident's holds when p_incident_id is given.
create function public.legal_hold_list(p_incident_id uuid default null, p_limit integer default 100)
returns table (
  id uuid,
  incident_id uuid,
  ticket_no text,
  reason text,
  placed_at timestamptz,
  placed_by_name text,
  expires_at timestamptz,
  lifted_at timestamptz,
  lifted_by_name text,
  lift_reason text,
  active boolean
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_role(array['supervisor', 'admin']::public.app_role[]);
  if p_limit is null or p_limit not between 1 and 200 then
    perform private.fail('invalid_limit', 'Page size 1–200.');
  end if;
  return query
  select h.id, h.incident_id, i.ticket_no, h.reason, h.placed_at, pp.full_name, h.expires_at,
         h.lifted_at, lp.full_name, h.lift_reason, (h.lifted_at is null and h.expires_at > now())
  from public.legal_holds h
  join public.incidents i on i.id = h.incident_id
  left join public.profiles pp on pp.id = h.placed_by
  left join public.profiles lp on lp.id = h.lifted_by
  where p_incident_id is null or h.incident_id = p_incident_id
  order by (h.lifted_at is null and h.expires_at > now()) desc, h.placed_at desc, h.id desc
  limit p_limit;
end;
$$;
comment on function public.legal_hold_list(uuid, integer) is
  'Supervisor or admin: legal holds (1–200, active first, then newest) with ticket and the names of who placed and lifted them; one incident''s when p_incident_id is given. Refusal: invalid_limit.';
revoke all on function public.legal_hold_list(uuid, integer) from public, anon;
grant execute on function public.legal_hold_list(uuid, integer) to authenticated;
