-- A bound on the data-subject document (issue #22 review): the export route checked its 5 MB bound
-- after data_subject_search had already logged the export in caller_data_access, so a refused export
-- was still recorded as a read of caller data. The search now counts the rows its document would hold
-- (calls, incidents, blocks, call-backs, access records, requests) and refuses more than
-- private.data_subject_row_limit() before it builds or logs anything. Every column of those rows is
-- bounded by its own check, so the row count bounds the document's size too.
--
-- New refusal code (mirrored in lib/domain/workflow-errors.ts; the limit in
-- lib/domain/data-subject-input.ts as DATA_SUBJECT_ROW_LIMIT): data_subject_too_large.

create function private.data_subject_row_limit() returns integer
language sql
immutable
set search_path = ''
as $$ select 10000 $$;
comment on function private.data_subject_row_limit() is
  'Most rows a data-subject search or export may hold (all sections together); mirrored in lib/domain/data-subject-input.ts.';
revoke all on function private.data_subject_row_limit() from public;

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
  v_rows bigint;
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

  -- Counted before anything is built or logged: a refused search read nothing, so it is not a read of caller data.
  select v_calls
       + (select count(distinct c.incident_id) from public.calls c where c.id = any (v_ids) and c.incident_id is not null)
       + (select count(*) from public.blocked_numbers b where b.phone = v_key)
       + (select count(*) from public.callbacks cb where cb.call_id = any (v_ids))
       + (select count(*) from public.caller_data_access a where a.phone_pseudonym = v_pseudonym or a.call_id = any (v_ids))
       + (select count(*) from public.data_subject_requests r where r.phone_pseudonym = v_pseudonym)
    into v_rows;
  if v_rows > private.data_subject_row_limit() then
    perform private.fail('data_subject_too_large',
      format('The document would hold %s rows, more than %s: ask the database administrator for this export.', v_rows, private.data_subject_row_limit()));
  end if;

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
comment on function public.data_subject_search(text, boolean, text) is
  'Admin: everything held about a number (calls, incidents, blocks, call-backs, access records, requests) as JSON for a data-subject request; '
  'logged in caller_data_access (data_subject_export when p_export). Refusals: invalid_phone, invalid_reason, '
  'data_subject_too_large (more than private.data_subject_row_limit() rows, refused before logging).';
