-- Find an incident (issue #17): public.search_incidents for every role allowed and denied — each finds
-- only what its incidents policies show; a caller number matches only for roles that read caller
-- phones (operators, supervisors, an OPD on its own incidents) and for the others answers exactly as
-- for a number nobody called from — filters, whole-ticket lookup, keyset pages, every bound, and the
-- functions' shape (invoker search, id-only definer helpers, trigram index).
begin;
\ir helpers/test-helpers.psql
select plan(56);

select tests.build_world();
-- inc1 (build_world): fire, "Rumah terbakar", Jl. Mawar 1, Jombang, caller 0812 3456 7890, open,
-- reported by operator, dispatched to AGA. inc2: medical, open, not dispatched, caller 0813 0000 0000.
select tests.new_incident('inc2', 'medical');

-- inc3: reported by the spare operator from 0877 1111 2222 at Pasar Kranggot, then cancelled.
do $$
declare
  v_call public.calls;
  v_inc public.incidents;
begin
  perform tests.authenticate_as(tests.id('spare'));
  v_call := public.start_call(gen_random_uuid(), '0877-1111-2222', 'Pak Budi');
  v_call := public.answer_call(v_call.id, v_call.version);
  v_call := public.classify_call(v_call.id, 'emergency', v_call.version);
  v_inc := public.report_incident(v_call.id, 'flood', 'Banjir 50 cm_di pasar', -6.01, 106.04, 'medium', 'Pasar Kranggot', 'Cilegon');
  perform tests.authenticate_as(tests.id('supervisor'));
  v_inc := public.cancel_incident(v_inc.id, 'Laporan ganda', v_inc.version);
  perform tests.as_owner();
  insert into tests.world values ('inc3', v_inc.id), ('inc3_call', v_call.id);
end;
$$;

-- The world names of what p_user finds over the last and next day with the arguments given, in
-- result order, or the refusal code.
create function pg_temp.found(p_user uuid, p_args text) returns text
language plpgsql
as $$
declare
  v_result text;
begin
  if p_user is null then
    perform tests.authenticate_as_anon();
  else
    perform tests.authenticate_as(p_user);
  end if;
  execute format(
    'select coalesce(string_agg(w.name, '','' order by s.ordinality), ''none'')
       from public.search_incidents(now() - interval ''1 day'', now() + interval ''1 day''%s) with ordinality s
       join tests.world w on w.id = s.id', p_args)
  into v_result;
  perform tests.as_owner();
  return v_result;
exception when others then
  perform tests.as_owner();
  return case when sqlstate = 'P0001' then sqlerrm else 'error:' || sqlstate end;
end;
$$;

-- The world names of the incidents p_user reads through calls from the number, by the calls and
-- incidents policies alone.
create function pg_temp.by_calls(p_user uuid, p_phone text) returns text
language plpgsql
as $$
declare
  v_result text;
begin
  perform tests.authenticate_as(p_user);
  select coalesce(string_agg(distinct w.name, ',' order by w.name), 'none') into v_result
    from public.calls c
    join public.incidents i on i.id = c.incident_id
    join tests.world w on w.id = i.id
   where private.phone_key(c.caller_phone) = private.phone_key(p_phone);
  perform tests.as_owner();
  return v_result;
end;
$$;

-- pg_temp.found in name order, to compare with pg_temp.by_calls.
create function pg_temp.found_sorted(p_user uuid, p_phone text) returns text
language sql
as $$
  select coalesce(string_agg(n, ',' order by n), 'none')
    from unnest(string_to_array(nullif(pg_temp.found(p_user, format(', p_phone => %L', p_phone)), 'none'), ',')) n
$$;

-- who finds what by text -----------------------------------------------------------------------------
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'mawar'$$), 'inc1', 'a supervisor finds an address, whatever its case');
select is(pg_temp.found(tests.id('leadership'), $$, p_query => 'Mawar'$$), 'inc1', 'leadership finds it too');
select is(pg_temp.found(tests.id('opd_own'), $$, p_query => 'Mawar'$$), 'inc1', 'the OPD it is assigned to finds it');
select is(pg_temp.found(tests.id('opd_other'), $$, p_query => 'Mawar'$$), 'none', 'another OPD does not');
select is(pg_temp.found(tests.id('admin'), $$, p_query => 'Mawar'$$), 'none', 'an admin reads no incident, so finds none');
select is(pg_temp.found(tests.id('no_profile'), $$, p_query => 'Mawar'$$), 'not_authenticated', 'a user without profile is refused');
select is(pg_temp.found(null, $$, p_query => 'Mawar'$$), 'error:42501', 'anon may not even execute it');
select is(left(tests.outcome_as('service_role', null, $$select * from public.search_incidents(now() - interval '1 day', now())$$), 5), '42501',
  'nor the service role: the search is for people, under their policies');
select is(pg_temp.found(tests.id('operator'), $$, p_query => 'Kranggot'$$), 'none', 'an operator does not find a cancelled incident of another operator');
select is(pg_temp.found(tests.id('spare'), $$, p_query => 'Kranggot'$$), 'inc3', 'the operator who reported it does');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'Kranggot'$$), 'inc3', 'a supervisor finds cancelled incidents');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'terbakar'$$), 'inc1', 'the description is searched');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'Cilegon'$$), 'inc3', 'the kecamatan is searched');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'cm_di'$$), 'inc3', 'an underscore is a character, not a wildcard');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'c%_d'$$), 'none', 'percent signs match only themselves');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => '%%%'$$), 'none', 'a query of wildcards does not list everything');
select is(pg_temp.found(tests.id('supervisor'), format(', p_query => %L', right((select ticket_no from public.incidents where id = tests.id('inc2')), 9))),
  'inc2', 'part of a ticket number finds it');

-- the whole ticket number ---------------------------------------------------------------------------
select is(tests.probe(tests.id('supervisor'), format(
  $$select * from public.search_incidents('2020-01-01', '2020-02-01', p_query => %L)$$,
  lower((select ticket_no from public.incidents where id = tests.id('inc1'))))), 'rows:1',
  'a whole ticket number is found whatever the dates and case');
select is(tests.probe(tests.id('opd_other'), format(
  $$select * from public.search_incidents('2020-01-01', '2020-02-01', p_query => %L)$$,
  (select ticket_no from public.incidents where id = tests.id('inc1')))), 'rows:0',
  'but only by whom may read it');

-- the caller's number --------------------------------------------------------------------------------
select is(pg_temp.found(tests.id('supervisor'), $$, p_phone => '081234567890'$$), 'inc1', 'a supervisor finds a number written without spaces');
select is(pg_temp.found(tests.id('supervisor'), $$, p_phone => '0812-3456-7890'$$), 'inc1', 'or with dashes');
select is(pg_temp.found(tests.id('operator'), $$, p_phone => '0812 3456 7890'$$), 'inc1', 'an operator finds it');
select is(pg_temp.found(tests.id('opd_own'), $$, p_phone => '0812 3456 7890'$$), 'inc1', 'the OPD with the incident finds it');
select is(pg_temp.found(tests.id('opd_other'), $$, p_phone => '0812 3456 7890'$$), 'none', 'another OPD does not');
select is(pg_temp.found(tests.id('leadership'), $$, p_phone => '0812 3456 7890'$$), 'none', 'leadership reads no caller number: nothing matches');
select is(pg_temp.found(tests.id('leadership'), $$, p_phone => '0899 9999 9999'$$), 'none', '… exactly as for a number nobody called from');
select is(pg_temp.found(tests.id('admin'), $$, p_phone => '0812 3456 7890'$$), 'none', 'an admin neither');
select is(pg_temp.found(tests.id('operator'), $$, p_phone => '087711112222'$$), 'none', 'an operator does not find an incident hidden from them by its number');
select is(pg_temp.found(tests.id('supervisor'), $$, p_phone => '087711112222'$$), 'inc3', 'a supervisor does');

-- The number rule is the calls policies: for every role, the incidents found by a number are those
-- of the calls it may read from that number, among the incidents it may read.
select is(
  (select array_agg(r.role || ' ' || p.phone order by r.role, p.phone)
     from (values ('operator'), ('supervisor'), ('opd_own'), ('opd_other'), ('leadership'), ('admin'), ('spare')) r (role),
          (values ('0812 3456 7890'), ('0813 0000 0000'), ('0877 1111 2222')) p (phone)
    where pg_temp.found_sorted(tests.id(r.role), p.phone) <> pg_temp.by_calls(tests.id(r.role), p.phone)),
  null, 'for every role the number finds exactly the incidents of the calls it may read');

-- filters ------------------------------------------------------------------------------------------------
select is(pg_temp.found(tests.id('supervisor'), $$, p_statuses => '{cancelled}'$$), 'inc3', 'status: cancelled');
select is(pg_temp.found(tests.id('supervisor'), $$, p_statuses => '{closed,cancelled}', p_query => 'Mawar'$$), 'none', 'filters combine');
select is(pg_temp.found(tests.id('supervisor'), $$, p_category => 'medical'$$), 'inc2', 'category');
select is(pg_temp.found(tests.id('supervisor'), $$, p_kecamatan => 'Jombang'$$), 'inc1', 'kecamatan');
select is(pg_temp.found(tests.id('supervisor'), format(', p_agency_id => %L', tests.id('aga'))), 'inc1', 'agency assigned');
select is(pg_temp.found(tests.id('supervisor'), format(', p_agency_id => %L', tests.id('agb'))), 'none', 'an agency with no assignment finds none');
select is(tests.probe(tests.id('supervisor'), $$select * from public.search_incidents(now() + interval '1 hour', now() + interval '2 days')$$),
  'rows:0', 'the date range applies');

-- pages: newest first, then by id; the cursor continues where the page ended --------------------------------
select is(pg_temp.found(tests.id('supervisor'), ''),
  (select string_agg(w.name, ',' order by i.reported_at desc, i.id desc) from public.incidents i join tests.world w on w.id = i.id),
  'newest first, ties by id');
select is(
  pg_temp.found(tests.id('supervisor'), ', p_limit => 1') || ',' ||
  pg_temp.found(tests.id('supervisor'), (select format(', p_before_at => %L, p_before_id => %L, p_limit => 2', i.reported_at, i.id)
     from public.incidents i order by i.reported_at desc, i.id desc limit 1)),
  pg_temp.found(tests.id('supervisor'), ''), 'a page of 1 and the page after it make the whole list');

-- more matches than one window of the free-text search (500): 600 reported "jendela", only the oldest
-- of them assigned to AGA; the OPD still finds it, and nothing is lost across pages.
insert into public.incidents (ticket_no, category, description, lat, lng, reported_at)
select '112-20261201-' || lpad((9000 + g)::text, 5, '0'), 'other', 'Kaca jendela pecah ' || g, -6.0, 106.03, now() - g * interval '1 minute'
  from generate_series(1, 600) g;
insert into tests.world select 'window_oldest', id from public.incidents where description = 'Kaca jendela pecah 600';
insert into public.assignments (incident_id, agency_id) values (tests.id('window_oldest'), tests.id('aga'));
select is(pg_temp.found(tests.id('opd_own'), $$, p_query => 'jendela'$$), 'window_oldest', 'an OPD finds its one match behind 599 it may not read');
select is(tests.probe(tests.id('supervisor'), $$select * from public.search_incidents(now() - interval '1 day', now() + interval '1 day', p_query => 'jendela', p_limit => 100)$$),
  'rows:100', 'a full page of matches');
select is(tests.probe(tests.id('supervisor'), (select format(
    $$select * from public.search_incidents(now() - interval '1 day', now() + interval '1 day', p_query => 'jendela', p_before_at => %L, p_before_id => %L, p_limit => 100)$$,
    i.reported_at, i.id) from public.incidents i where i.description = 'Kaca jendela pecah 550')),
  'rows:50', 'the page after the 550th match holds the last 50, across the window boundary');

-- every bound ------------------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('supervisor'), $$select * from public.search_incidents(now(), now() - interval '1 day')$$), 'invalid_range', 'a reversed range is refused');
select is(tests.try_as(tests.id('supervisor'), $$select * from public.search_incidents(now() - interval '401 days', now())$$), 'invalid_range', 'more than 400 days is refused');
select is(tests.try_as(tests.id('supervisor'), $$select * from public.search_incidents(null, now())$$), 'invalid_range', 'a range needs both ends');
select is(pg_temp.found(tests.id('supervisor'), ', p_limit => 0'), 'invalid_filter', 'a page of 0 is refused');
select is(pg_temp.found(tests.id('supervisor'), ', p_limit => 101'), 'invalid_filter', 'a page over 100 is refused');
select is(pg_temp.found(tests.id('supervisor'), $$, p_query => 'ab'$$), 'invalid_filter', 'fewer than 3 characters are refused');
select is(pg_temp.found(tests.id('supervisor'), format(', p_query => %L', repeat('a', 101))), 'invalid_filter', 'more than 100 characters are refused');
select is(pg_temp.found(tests.id('supervisor'), $$, p_phone => '0812; drop table x'$$), 'invalid_filter', 'a number that is not a number is refused');
select is(pg_temp.found(tests.id('supervisor'), $$, p_kecamatan => 'Atlantis'$$), 'invalid_filter', 'an unknown kecamatan is refused');
select is(pg_temp.found(tests.id('supervisor'), $$, p_statuses => '{}'$$), 'invalid_filter', 'an empty status list is refused');
select is(pg_temp.found(tests.id('supervisor'), ', p_before_at => now()'), 'invalid_filter', 'half a cursor is refused');

-- shape ---------------------------------------------------------------------------------------------------
select ok((select not p.prosecdef and p.proconfig @> array['search_path=""'] from pg_proc p
            where p.oid = 'public.search_incidents'::regproc), 'the search is security invoker with an empty search_path: RLS applies');
select is((select array_agg(p.proname::text order by p.proname) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'private' and p.proname like 'incident\_ids\_%' and p.prosecdef and p.proconfig @> array['search_path=""']
              and not has_function_privilege('anon', p.oid, 'execute')
              and pg_get_function_result(p.oid) in ('SETOF uuid', 'TABLE(id uuid, reported_at timestamp with time zone)')),
  array['incident_ids_by_caller_phone', 'incident_ids_matching_text'], 'its two helpers are definer, return ids (and times) only, and anon may not run them');
select ok(exists (select from pg_indexes where indexname = 'incidents_search_text_trgm_idx' and indexdef ~ 'gin_trgm_ops'),
  'the free text has a trigram index');

select * from finish();
rollback;
