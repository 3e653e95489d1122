-- Small read helpers for the operator console (app/operator): the database clock, so running SLA
-- timers agree with the stamps the workflow functions write, and the caller's recent call history,
-- so repeat nuisance numbers stand out. Both only read; writes stay in the workflow functions.

create function public.server_now() returns timestamptz
language sql
stable
set search_path = ''
as $$
  -- statement_timestamp, not now(): the screen measures its offset around this one request.
  select statement_timestamp()
$$;
comment on function public.server_now() is
  'The database clock. Screens with running timers measure their offset from it on load and on every reconnect.';

-- security invoker on purpose: the counts come from the calls the caller may read under RLS
-- (operators and supervisors read every call; everyone else gets zero rows, hence no counts).
create function public.caller_call_history(p_caller_phone text, p_days integer default 30, p_exclude_call_id uuid default null)
returns table (
  call_type public.call_type,
  calls bigint,
  last_received_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
  select c.call_type, count(*), max(c.received_at)
  from public.calls c
  where c.caller_phone = btrim(p_caller_phone)
    and c.received_at >= now() - make_interval(days => least(greatest(coalesce(p_days, 30), 1), 366))
    and c.call_type is not null
    and c.id is distinct from p_exclude_call_id
  group by c.call_type
  order by c.call_type
$$;
comment on function public.caller_call_history(text, integer, uuid) is
  'Earlier calls of one phone number over the last p_days days (default 30), counted per call type, leaving out the call being taken (p_exclude_call_id), as far as the caller may read calls.';

create index calls_caller_phone_received_idx on public.calls (caller_phone, received_at)
  where caller_phone is not null;

revoke all on function public.server_now() from public, anon;
revoke all on function public.caller_call_history(text, integer, uuid) from public, anon;
grant execute on function public.server_now() to authenticated, service_role;
grant execute on function public.caller_call_history(text, integer, uuid) to authenticated, service_role;
