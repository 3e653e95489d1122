-- Ringing calls on the operator console and the boards (issue #16 §2).
--
-- A telephony call rings from its `ringing` event until the PBX says it was answered (at an
-- extension) or abandoned. Operators see those calls pop up live, supervisors and the wall see how
-- many wait and for how long, and how many callers gave up today.
--
-- Who reads them: operators and supervisors already read every call (20261128000300_rls.sql,
-- "operators and supervisors read every call"; caller_call_history relies on it to count a number's
-- calls taken by other operators), so a ringing call needs no new policy for them; OPD liaisons see
-- only calls of incidents assigned to them, and a ringing call has no incident; leadership reads no
-- call at all and gets only the anonymous counts of waiting_calls_summary. pgTAP 85-ringing-calls
-- pins each role's view of a ringing call.

-- A realtime subscription takes one filter of the form column=op.value, and "unanswered, unassigned,
-- not ended" is three null tests: one stored flag makes it a filter the server can apply
-- (ringing=eq.true) and lets an answered or abandoned call leave every console's view on its update.
alter table public.calls
  add column ringing boolean not null generated always as (
    source = 'telephony' and answered_at is null and ended_at is null and operator_id is null
  ) stored;
comment on column public.calls.ringing is
  'A telephony call still ringing: not answered, not given to an operator, not ended (abandoned). Derived, never written.';

create index calls_ringing_idx on public.calls (received_at) where ringing;

-- The waiting-calls figures of the dispatch board and the wall, without any caller data (leadership
-- may not read calls). "Today" is the WIB calendar day of the database clock. A ringing call older
-- than 12 hours lost its end event: it is left out, as wall_open_calls leaves out such open calls.
create function public.waiting_calls_summary()
returns table (
  waiting bigint,
  oldest_received_at timestamptz,
  abandoned_today bigint,
  measured_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_midnight timestamptz := date_trunc('day', now(), 'Asia/Jakarta');
begin
  -- The statistics audience (leadership, supervisors, admins, the service role): operators see the
  -- ringing calls themselves on their console.
  perform private.require_statistics_viewer();
  return query
  select w.waiting, w.oldest, a.abandoned, now()
  from (
    select count(*) as waiting, min(c.received_at) as oldest
    from public.calls c
    where c.ringing and c.received_at > now() - interval '12 hours'
  ) w
  cross join (
    -- Abandoned: the PBX ended the call before anyone answered. The received_at bound lets the
    -- index narrow the scan; a call rings at most a day (the feed refuses older events).
    select count(*) as abandoned
    from public.calls c
    where c.source = 'telephony' and c.answered_at is null
      and c.ended_at >= v_midnight
      and c.received_at >= v_midnight - interval '1 day'
  ) a;
end;
$$;
comment on function public.waiting_calls_summary() is
  'Telephony calls ringing now (count and the oldest one''s ringing time, last 12 hours) and calls abandoned since WIB midnight, with the database time of the count. No caller data. For leadership, supervisors and admins.';

revoke all on function public.waiting_calls_summary() from public, anon;
grant execute on function public.waiting_calls_summary() to authenticated, service_role;
