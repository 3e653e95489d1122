-- The received date of a data-subject request (issue #22): the day the citizen's letter or visit
-- reached the center, from which the law's answer period runs (UU PDP 27/2022 Art. 32(2): access
-- within 3 × 24 hours of receiving the request). record_data_subject_request stamped the moment
-- the admin typed it in (received_at, which stays as that moment); the admin now gives the day,
-- bounded: not after today and not before one year ago, both in WIB.
--
-- New refusal codes (mirrored in lib/domain/workflow-errors.ts): received_in_future, received_too_old.

alter table public.data_subject_requests add column received_on date;
update public.data_subject_requests r set received_on = (r.received_at at time zone 'Asia/Jakarta')::date;
alter table public.data_subject_requests
  alter column received_on set not null,
  alter column received_on set default ((now() at time zone 'Asia/Jakarta')::date);
comment on column public.data_subject_requests.received_on is
  'The day (WIB) the request reached the center — letter, visit or message — as the admin records it; the answer period runs from it.';
comment on column public.data_subject_requests.received_at is
  'When the admin recorded the request in the system (database clock).';

drop function public.record_data_subject_request(text, public.data_subject_request_kind, text, text);

create function public.record_data_subject_request(
  p_phone text,
  p_kind public.data_subject_request_kind,
  p_requester text,
  p_details text default null,
  p_received_on date default null
) returns public.data_subject_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_today date := (now() at time zone 'Asia/Jakarta')::date;
  v_received date := coalesce(p_received_on, (now() at time zone 'Asia/Jakarta')::date);
  v_row public.data_subject_requests;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if private.phone_key(p_phone) is null or length(private.phone_key(p_phone)) not between 3 and 33 then
    perform private.fail('invalid_phone', 'Give the number the request is about.');
  end if;
  if p_kind is null or p_requester is null or length(btrim(p_requester)) not between 2 and 200 then
    perform private.fail('invalid_request', 'Kind and requester (2–200 characters) are required.');
  end if;
  if p_details is not null and length(p_details) > 2000 then
    perform private.fail('invalid_request', 'Details have at most 2000 characters.');
  end if;
  if v_received > v_today then
    perform private.fail('received_in_future', 'The received date is after today (WIB).');
  end if;
  if v_received < (v_today - interval '1 year')::date then
    perform private.fail('received_too_old', 'The received date is more than one year ago.');
  end if;
  insert into public.data_subject_requests (phone_pseudonym, kind, requester, details, received_on, received_at, recorded_by)
  values (private.phone_pseudonym(p_phone), p_kind, btrim(p_requester), nullif(btrim(p_details), ''), v_received, now(),
          (select p.id from public.profiles p where p.id = auth.uid()))
  returning * into v_row;
  perform private.log_admin_event('data_subject_request.recorded', 'data_subject_requests', v_row.id::text, null,
    jsonb_build_object('kind', v_row.kind, 'requester', v_row.requester, 'received_on', v_row.received_on));
  return v_row;
end;
$$;
comment on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text, date) is
  'Admin: records a request under UU PDP about a number, received on p_received_on (default today, WIB; from one year ago to today). '
  'Refusals: invalid_phone, invalid_request, received_in_future, received_too_old. Audited.';
revoke all on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text, date) from public, anon;
grant execute on function public.record_data_subject_request(text, public.data_subject_request_kind, text, text, date) to authenticated;

-- The search document gains the received day of each request (the JSON and CSV exports are this document).
create or replace function public.data_subject_search(p_phone text, p_export boolean default false, p_reason text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key text := private.phone_key(p_phone);
  v_pseudonym text := private.phone_pseudonym(p_phone);
  v_ids uuid[];
  v_result jsonb;
  v_calls integer;
begin
  perform private.require_role(array['admin']::public.app_role[]);
  if v_key is null or length(v_key) not between 3 and 33 then
    perform private.fail('invalid_phone', 'Give the number the request is about.');
  end if;
  if p_reason is not null and length(btrim(p_reason)) > 300 then
    perform private.fail('invalid_reason', 'A reason has at most 300 characters.');
  end if;
  select coalesce(array_agg(c.id), '{}') into v_ids from public.calls c
  where private.phone_key(c.caller_phone) = v_key or c.caller_phone_pseudonym = v_pseudonym;
  v_calls := cardinality(v_ids);

  select jsonb_build_object(
    'phone', v_key,
    'generated_at', now(),
    'calls', coalesce((select jsonb_agg(jsonb_build_object(
        'id', c.id, 'received_at', c.received_at, 'answered_at', c.answered_at, 'ended_at', c.ended_at,
        'call_type', c.call_type, 'caller_phone', c.caller_phone, 'caller_name', c.caller_name,
        'caller_lat', c.caller_lat, 'caller_lng', c.caller_lng, 'caller_accuracy_m', c.caller_accuracy_m,
        'incident_id', c.incident_id, 'notes', c.notes, 'pseudonymised_at', c.pseudonymised_at) order by c.received_at, c.id)
      from public.calls c where c.id = any (v_ids)), '[]'::jsonb),
    'incidents', coalesce((select jsonb_agg(jsonb_build_object(
        'id', i.id, 'ticket_no', i.ticket_no, 'status', i.status, 'category', i.category, 'reported_at', i.reported_at,
        'address', i.address, 'kecamatan', i.kecamatan, 'kelurahan', i.kelurahan, 'lat', i.lat, 'lng', i.lng,
        'description', i.description) order by i.reported_at, i.id)
      from public.incidents i
      where i.id in (select c.incident_id from public.calls c where c.id = any (v_ids))), '[]'::jsonb),
    'blocks', coalesce((select jsonb_agg(jsonb_build_object(
        'id', b.id, 'status', b.status, 'proposed_at', b.proposed_at, 'decided_at', b.decided_at,
        'decision_reason', b.decision_reason, 'expires_at', b.expires_at, 'lifted_at', b.lifted_at) order by b.proposed_at, b.id)
      from public.blocked_numbers b where b.phone = v_key), '[]'::jsonb),
    'callbacks', coalesce((select jsonb_agg(jsonb_build_object(
        'id', cb.id, 'call_id', cb.call_id, 'reason', cb.reason, 'status', cb.status, 'attempts', cb.attempts,
        'call_received_at', cb.call_received_at) order by cb.call_received_at, cb.id)
      from public.callbacks cb where cb.call_id = any (v_ids)), '[]'::jsonb),
    'access', coalesce((select jsonb_agg(jsonb_build_object(
        'id', a.id, 'at', a.at, 'actor_id', a.actor_id, 'actor_role', a.actor_role, 'call_id', a.call_id,
        'incident_id', a.incident_id, 'screen', a.screen, 'reason', a.reason) order by a.at, a.id)
      from public.caller_data_access a
      where a.phone_pseudonym = v_pseudonym or a.call_id = any (v_ids)), '[]'::jsonb),
    'requests', coalesce((select jsonb_agg(jsonb_build_object(
        'id', r.id, 'kind', r.kind, 'requester', r.requester, 'details', r.details, 'received_on', r.received_on, 'received_at', r.received_at,
        'answer', r.answer, 'answered_at', r.answered_at) order by r.received_on, r.received_at, r.id)
      from public.data_subject_requests r where r.phone_pseudonym = v_pseudonym), '[]'::jsonb)
  ) into v_result;

  perform private.log_caller_data_access(
    case when p_export then 'data_subject_export' else 'data_subject_request' end::public.caller_data_screen,
    null, null, v_pseudonym, p_reason, v_calls);
  return v_result;
end;
$$;
