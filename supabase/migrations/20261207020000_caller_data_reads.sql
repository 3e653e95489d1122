-- Every screen that shows a caller's number, name or location to a person reads it through
-- read_caller_data (issue #22): the incident record (/incidents/[id]) gets its own screen value,
-- and the admin's access-log view (/admin/audit, tab "Akses data penelepon") needs the ticket and
-- the reader's name of each record — an admin reads no incident and no call, so the page function
-- names them — and filters by ticket and screen like the audit trail.

alter type public.caller_data_screen add value if not exists 'incident_record';

-- Same name, same checks and the same logging as before; the answer now carries the ticket number
-- and the reader's name, and it filters by ticket and screen too. The phone pseudonym stays out
-- of the page: the viewer has no use for it, the data-subject search has its own function.
drop function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid);

create function public.caller_data_access_page(
  p_before_at timestamptz default null,
  p_before_id uuid default null,
  p_limit integer default 50,
  p_call_id uuid default null,
  p_actor_id uuid default null,
  p_ticket_no text default null,
  p_screen public.caller_data_screen default null
) returns table (
  id uuid,
  at timestamptz,
  actor_id uuid,
  actor_role public.app_role,
  actor_name text,
  call_id uuid,
  incident_id uuid,
  ticket_no text,
  screen public.caller_data_screen,
  reason text,
  rows_shown integer
)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_rows integer;
  v_incident_id uuid;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if p_limit is null or p_limit not between 1 and 200 then
    perform private.fail('invalid_limit', 'Page size 1–200.');
  end if;
  if (p_before_at is null) <> (p_before_id is null) then
    perform private.fail('invalid_cursor', 'Give both the time and the id of the last row, or neither.');
  end if;
  if p_ticket_no is not null and (length(p_ticket_no) > 30 or btrim(p_ticket_no) = '') then
    perform private.fail('invalid_ticket', 'A ticket number has 1–30 characters.');
  end if;
  if p_ticket_no is not null then
    select i.id into v_incident_id from public.incidents i where i.ticket_no = btrim(p_ticket_no);
  end if;
  return query
  select a.id, a.at, a.actor_id, a.actor_role, p.full_name, a.call_id, a.incident_id, i.ticket_no, a.screen, a.reason, a.rows_shown
  from public.caller_data_access a
  left join public.profiles p on p.id = a.actor_id
  left join public.incidents i on i.id = a.incident_id
  where (p_before_at is null or (a.at, a.id) < (p_before_at, p_before_id))
    and (p_call_id is null or a.call_id = p_call_id)
    and (p_actor_id is null or a.actor_id = p_actor_id)
    -- an unknown ticket matches nothing (v_incident_id null), not everything
    and (p_ticket_no is null or a.incident_id = v_incident_id)
    and (p_screen is null or a.screen = p_screen)
  order by a.at desc, a.id desc
  limit p_limit;
  get diagnostics v_rows = row_count;
  perform private.log_caller_data_access('access_log', p_call_id, v_incident_id, null, null, v_rows);
end;
$$;
comment on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid, text, public.caller_data_screen) is
  'Admin: one page (1–200 rows, newest first, keyset cursor before (at, id)) of the caller-data access log with the reader''s name and the ticket, '
  'optionally for one call, one person, one ticket or one screen; the read itself is logged (screen access_log). '
  'Refusals: forbidden_role, invalid_limit, invalid_cursor, invalid_ticket.';
revoke all on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid, text, public.caller_data_screen) from public, anon;
grant execute on function public.caller_data_access_page(timestamptz, uuid, integer, uuid, uuid, text, public.caller_data_screen) to authenticated;
