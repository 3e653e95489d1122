-- Find an incident (issue #17): one search over tickets, caller numbers, places and free text with
-- filters, newest first, keyset-paged, for every role that reads incidents.
--
-- public.search_incidents is security invoker: every row it returns passes the incidents policies of
-- the caller, so each role finds exactly what it may already read. Two lookups cannot stay under RLS
-- and be fast: Postgres never uses an index for a non-leakproof condition (ILIKE, phone_key(...) = ...)
-- on a table with RLS, because the condition could see rows the policies hide (checked on Postgres 15:
-- a trigram ILIKE on 10^5 rows turns from an index scan into a full scan for a role under RLS). So the
-- two lookups run in security definer helpers in the private schema (not reachable through the API)
-- that return incident ids (and report times) only, and the invoker function looks those ids up by
-- primary key, so the caller's policies run on the candidates alone:
--   * private.incident_ids_matching_text: trigram index (pg_trgm, in PGlite and Postgres 15) on the
--     ticket, address, kelurahan, kecamatan and description, newest matches first in windows of 500,
--     taken until the page is full (bench/incident-search.ts: every case under 100 ms on 10^5 incidents);
--   * private.incident_ids_by_caller_phone: the calls' phone_key index, limited to the calls the caller
--     may read by the calls policies (operators and supervisors all, an OPD those of incidents
--     assigned to it, leadership and admins none), so a number never matches for a role that may not
--     read caller phones: the answer is the same empty page as for a number nobody called from.

create extension if not exists pg_trgm with schema extensions;

create function private.incident_search_text(
  p_ticket_no text,
  p_address text,
  p_kelurahan text,
  p_kecamatan text,
  p_description text
) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_ticket_no || ' ' || coalesce(p_address, '') || ' ' || coalesce(p_kelurahan, '') || ' '
    || coalesce(p_kecamatan, '') || ' ' || p_description
$$;
comment on function private.incident_search_text(text, text, text, text, text) is
  'The text a free-text incident search reads: ticket, address, kelurahan, kecamatan, description. One definition for the index and the lookup.';

create index incidents_search_text_trgm_idx on public.incidents
  using gin (private.incident_search_text(ticket_no, address, kelurahan, kecamatan, description) extensions.gin_trgm_ops);

create function private.incident_ids_matching_text(
  p_pattern text,
  p_from timestamptz,
  p_to timestamptz,
  p_before_at timestamptz,
  p_before_id uuid,
  p_limit integer
) returns table (id uuid, reported_at timestamptz)
language sql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  select i.id, i.reported_at
    from public.incidents i
   where (select private.my_role()) is not null
     and private.incident_search_text(i.ticket_no, i.address, i.kelurahan, i.kecamatan, i.description)
         operator(pg_catalog.~~*) p_pattern
     and i.reported_at >= p_from
     and i.reported_at < p_to
     and (p_before_at is null or (i.reported_at, i.id) < (p_before_at, p_before_id))
   order by i.reported_at desc, i.id desc
   limit least(greatest(p_limit, 1), 1000)
$$;
comment on function private.incident_ids_matching_text(text, timestamptz, timestamptz, timestamptz, uuid, integer) is
  'The newest p_limit (at most 1000) incidents reported in [p_from, p_to) before the cursor whose search text matches the ILIKE pattern '
  '(trigram index for rare words, the reported_at index for common ones), newest first. Ids and times only: '
  'public.search_incidents keeps those the caller''s RLS shows.';

create function private.incident_ids_by_caller_phone(p_phone_key text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select distinct c.incident_id
    from public.calls c
   where c.caller_phone is not null
     and private.phone_key(c.caller_phone) = p_phone_key
     and c.incident_id is not null
     -- The calls policies, row for row: who may read a call may find its incident by the number.
     and case (select private.my_role())
           when 'operator' then true
           when 'supervisor' then true
           when 'opd' then private.assigned_to_my_agency(c.incident_id)
           else false
         end
$$;
comment on function private.incident_ids_by_caller_phone(text) is
  'Ids of incidents with a call from the number (private.phone_key form) that the caller may read by the calls policies; none for leadership and admins.';

create function public.search_incidents(
  p_from timestamptz,
  p_to timestamptz,
  p_query text default null,
  p_phone text default null,
  p_category public.incident_category default null,
  p_kecamatan text default null,
  p_agency_id uuid default null,
  p_statuses public.incident_status[] default null,
  p_before_at timestamptz default null,
  p_before_id uuid default null,
  p_limit integer default 25
) returns setof public.incidents
language plpgsql
stable
security invoker
set search_path = ''
-- Each call is planned with its own values, so the filters left empty drop out of the plan and the
-- indexes of the ones given are used (a generic plan would keep every "is null or" branch).
set plan_cache_mode = force_custom_plan
as $$
declare
  v_query text := nullif(btrim(coalesce(p_query, '')), '');
  v_phone text := nullif(btrim(coalesce(p_phone, '')), '');
  v_kecamatan text := nullif(btrim(coalesce(p_kecamatan, '')), '');
  v_ticket text;
  v_pattern text;
  v_phone_key text;
  v_phone_ids uuid[];
  v_window constant integer := 500;
  v_ids uuid[];
  v_last_at timestamptz := p_before_at;
  v_last_id uuid := p_before_id;
  v_left integer := p_limit;
  v_found integer;
begin
  -- Refusals as private.fail words them; raised here because that helper is not the caller's to run.
  if private.my_role() is null then
    raise exception using errcode = 'P0001', message = 'not_authenticated', hint = 'No active user profile for this session.';
  end if;
  if p_from is null or p_to is null or p_from >= p_to or p_to - p_from > interval '400 days' then
    raise exception using errcode = 'P0001', message = 'invalid_range', hint = 'Give a time range of at most 400 days, start before end.';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'The page size is 1 to 100.';
  end if;
  if v_query is not null and (length(v_query) < 3 or length(v_query) > 100) then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'Search for 3 to 100 characters.';
  end if;
  if v_phone is not null and (length(v_phone) > 32 or v_phone !~ '^\+?[0-9][0-9 ()-]{1,31}$') then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'A phone number is digits with an optional leading +.';
  end if;
  if v_kecamatan is not null and not v_kecamatan = any (private.kecamatan_names()) then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'Unknown kecamatan.';
  end if;
  if p_statuses is not null and (cardinality(p_statuses) < 1 or cardinality(p_statuses) > 7) then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'Give 1 to 7 statuses.';
  end if;
  if (p_before_at is null) <> (p_before_id is null) then
    raise exception using errcode = 'P0001', message = 'invalid_filter', hint = 'The page cursor is not valid.';
  end if;

  -- A whole ticket number names one incident: found whatever the dates, by its unique index.
  if upper(v_query) ~ '^112-[0-9]{8}-[0-9]{4,}$' then
    v_ticket := upper(v_query);
  elsif v_query is not null then
    v_pattern := '%' || replace(replace(replace(v_query, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  v_phone_key := private.phone_key(v_phone);
  -- The few incidents of a number, as a list the planner can look up by id; none is an empty page,
  -- the same answer whether nobody called from the number or the caller may not read calls.
  if v_phone_key is not null then
    v_phone_ids := array(select private.incident_ids_by_caller_phone(v_phone_key));
    if cardinality(v_phone_ids) = 0 then
      return;
    end if;
  end if;

  if v_pattern is null then
    return query
      select i.*
        from public.incidents i
       where (v_ticket is null or i.ticket_no = v_ticket)
         and (v_ticket is not null or (i.reported_at >= p_from and i.reported_at < p_to))
         and (v_phone_ids is null or i.id = any (v_phone_ids))
         and (p_category is null or i.category = p_category)
         and (v_kecamatan is null or i.kecamatan = v_kecamatan)
         and (p_statuses is null or i.status = any (p_statuses))
         and (p_agency_id is null or exists (
               select from public.assignments a
                where a.incident_id = i.id and a.agency_id = p_agency_id and a.status <> 'withdrawn'))
         and (p_before_at is null or (i.reported_at, i.id) < (p_before_at, p_before_id))
       order by i.reported_at desc, i.id desc
       limit p_limit;
    return;
  end if;

  -- Free text: the matches come newest first in windows, and each window keeps what RLS and the
  -- filters let through, until the page is full or the matches run out. A role that sees few of the
  -- matches (an OPD) so never has every match checked against its policies at once, and the result
  -- is exactly the RLS query's: nothing is cut because it lay beyond a window.
  loop
    -- The window's ids as a constant list: looked up by primary key, so the policies run on these
    -- rows only, never on a scan of every incident.
    select coalesce(array_agg(m.id), '{}'), (array_agg(m.reported_at order by m.n desc))[1], (array_agg(m.id order by m.n desc))[1]
      into v_ids, v_last_at, v_last_id
      from private.incident_ids_matching_text(v_pattern, p_from, p_to, v_last_at, v_last_id, v_window)
           with ordinality m (id, reported_at, n);
    return query
      select i.*
        from public.incidents i
       where i.id = any (v_ids)
         and (v_phone_ids is null or i.id = any (v_phone_ids))
         and (p_category is null or i.category = p_category)
         and (v_kecamatan is null or i.kecamatan = v_kecamatan)
         and (p_statuses is null or i.status = any (p_statuses))
         and (p_agency_id is null or exists (
               select from public.assignments a
                where a.incident_id = i.id and a.agency_id = p_agency_id and a.status <> 'withdrawn'))
       order by i.reported_at desc, i.id desc
       limit v_left;
    get diagnostics v_found = row_count;
    v_left := v_left - v_found;
    exit when v_left = 0 or cardinality(v_ids) < v_window;
  end loop;
end;
$$;
comment on function public.search_incidents(timestamptz, timestamptz, text, text, public.incident_category, text, uuid,
  public.incident_status[], timestamptz, uuid, integer) is
  'Find incidents the caller may read (RLS applies): reported in [p_from, p_to) (at most 400 days; a whole ticket number in p_query ignores it), '
  'matching free text (3–100 characters: ticket, address, kelurahan, kecamatan, description) or a caller number, and the filters; '
  'newest first, keyset-paged by (reported_at, id) before the cursor, at most 100 rows.';

revoke all on function private.incident_search_text(text, text, text, text, text) from public;
revoke all on function private.incident_ids_matching_text(text, timestamptz, timestamptz, timestamptz, uuid, integer) from public;
revoke all on function private.incident_ids_by_caller_phone(text) from public;
revoke all on function public.search_incidents(timestamptz, timestamptz, text, text, public.incident_category, text, uuid,
  public.incident_status[], timestamptz, uuid, integer) from public, anon;
grant execute on function private.incident_search_text(text, text, text, text, text) to authenticated, service_role;
grant execute on function private.incident_ids_matching_text(text, timestamptz, timestamptz, timestamptz, uuid, integer) to authenticated;
grant execute on function private.incident_ids_by_caller_phone(text) to authenticated;
grant execute on function public.search_incidents(timestamptz, timestamptz, text, text, public.incident_category, text, uuid,
  public.incident_status[], timestamptz, uuid, integer) to authenticated;
