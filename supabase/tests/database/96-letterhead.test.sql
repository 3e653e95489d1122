-- The official report's letterhead (issue #17): the defaults, set_letterhead for every role
-- (admin only), its bounds (lengths, one line, email, NIP of 18 digits), blank optional lines, the
-- version check, one admin_events row per change and none for a save of what is in force; the RLS
-- matrix of letterhead_settings (every role × operation, "0 rows" told from 42501); and the caller
-- data the report prints, read through read_caller_data on its own screen and logged.
begin;
\ir helpers/test-helpers.psql
select plan(30 + 28 + 6);

select tests.build_world();

-- a full, valid letterhead as the arguments of set_letterhead, with one value replaced
create function pg_temp.call(p_field text default null, p_value text default null, p_version integer default null) returns text
language sql
as $$
  select format('select public.set_letterhead(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %s)',
    case when p_field = 'government' then p_value else 'Pemerintah Kota Cilegon' end,
    case when p_field = 'agency' then p_value else 'Dinas Komunikasi, Informatika, Statistik dan Persandian' end,
    case when p_field = 'address' then p_value else 'Jl. Uji No. 1, Cilegon' end,
    case when p_field = 'phone' then p_value else '(0254) 000000' end,
    case when p_field = 'email' then p_value else 'diskominfo@cilegon.test' end,
    case when p_field = 'website' then p_value else 'diskominfo.cilegon.test' end,
    case when p_field = 'city' then p_value else 'Cilegon' end,
    case when p_field = 'title' then p_value else 'Kepala Dinas Uji' end,
    case when p_field = 'name' then p_value else 'Budi Santoso, S.Kom.' end,
    case when p_field = 'nip' then p_value else '197001012000031001' end,
    coalesce(p_version::text, 'null'))
$$;

-- the defaults ------------------------------------------------------------------------------------
select ok((select government_name = 'Pemerintah Kota Cilegon'
                  and agency_name = 'Dinas Komunikasi, Informatika, Statistik dan Persandian'
                  and city = 'Cilegon' and signatory_nip is null and version = 1
           from public.letterhead_settings), 'the letterhead starts as Pemerintah Kota Cilegon / Diskominfo, signatory to be filled in');

-- who may set it ----------------------------------------------------------------------------------
select is(tests.try_as(null, pg_temp.call()), 'error:42501', 'anon may not set the letterhead');
select is(tests.try_as(tests.id('operator'), pg_temp.call()), 'forbidden_role', 'an operator may not');
select is(tests.try_as(tests.id('supervisor'), pg_temp.call()), 'forbidden_role', 'a supervisor may not');
select is(tests.try_as(tests.id('opd_own'), pg_temp.call()), 'forbidden_role', 'an OPD liaison may not');
select is(tests.try_as(tests.id('leadership'), pg_temp.call()), 'forbidden_role', 'leadership may not');
select is(tests.try_as(tests.id('no_profile'), pg_temp.call()), 'not_authenticated', 'a user without profile may not');

-- its bounds --------------------------------------------------------------------------------------
select is(tests.try_as(tests.id('admin'), pg_temp.call('government', '   ')), 'invalid_letterhead', 'a blank government name is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('government', repeat('x', 121))), 'invalid_letterhead', 'a government name over 120 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('agency', repeat('x', 161))), 'invalid_letterhead', 'an agency name over 160 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('agency', E'Dinas\nKominfo')), 'invalid_letterhead', 'a line break in a line is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('address', repeat('x', 201))), 'invalid_letterhead', 'an address over 200 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('phone', repeat('1', 61))), 'invalid_letterhead', 'a phone line over 60 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('email', 'bukan-email')), 'invalid_letterhead', 'an email without @ is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('website', 'cilegon go id')), 'invalid_letterhead', 'a website with blanks is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('city', null)), 'invalid_letterhead', 'the city of the date line is required');
select is(tests.try_as(tests.id('admin'), pg_temp.call('title', repeat('x', 161))), 'invalid_letterhead', 'a title over 160 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('name', repeat('x', 121))), 'invalid_letterhead', 'a name over 120 characters is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('nip', '19700101200003100')), 'invalid_nip', 'a NIP of 17 digits is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('nip', '1970010120000310011')), 'invalid_nip', 'a NIP of 19 digits is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('nip', '19700101 200003 1 001')), 'invalid_nip', 'a NIP with blanks is refused');
select is(tests.try_as(tests.id('admin'), pg_temp.call('nip', '١٩٧٠٠١٠١٢٠٠٠٠٣١٠٠١')), 'invalid_nip', 'other digits than 0–9 are refused');

-- a change, audited -------------------------------------------------------------------------------
select is(tests.run_as(tests.id('admin'), pg_temp.call(null, null, 1)) -> 'set_letterhead' ->> 'version', '2', 'an admin sets the letterhead');
select ok((select address_line = 'Jl. Uji No. 1, Cilegon' and signatory_nip = '197001012000031001' and updated_by = tests.id('admin')
           from public.letterhead_settings), 'the new letterhead is stored with who changed it');
select ok((select count(*) = 1 and bool_and(before ->> 'signatory_nip' is null and after ->> 'signatory_nip' = '197001012000031001'
                                            and (after ->> 'version')::int = 2)
           from public.admin_events where kind = 'letterhead.changed' and actor_id = tests.id('admin')),
  'one admin_events row with the letterhead before and after');
select is(tests.run_as(tests.id('admin'), pg_temp.call(null, null, 2)) -> 'set_letterhead' ->> 'version', '2', 'saving what is in force changes nothing');
select is((select count(*)::int from public.admin_events where kind = 'letterhead.changed' and actor_id = tests.id('admin')), 1, 'and writes no audit row');
select is(tests.try_as(tests.id('admin'), pg_temp.call('city', 'Serang', 1)), 'stale_version', 'a save on an old version is refused');
select is(tests.run_as(tests.id('admin'), pg_temp.call('name', '  ', 2)) -> 'set_letterhead' ->> 'version', '3', 'a blank optional line is saved');
select ok((select signatory_name is null from public.letterhead_settings), 'as none, printed as a line to fill by hand');

-- the RLS matrix ----------------------------------------------------------------------------------
create temp table probe_sql (op text primary key, sql text);
insert into probe_sql values
  ('select', 'select 1 from public.letterhead_settings'),
  ('insert', 'insert into public.letterhead_settings (id) values (true) on conflict do nothing'),
  ('update', 'update public.letterhead_settings set city = ''Serang'''),
  ('delete', 'delete from public.letterhead_settings');

create temp table matrix (role text, s text, i text, u text, d text);
insert into matrix values
  ('anon',       'D', 'D', 'D', 'D'),
  ('operator',   '0', 'D', 'D', 'D'),
  ('supervisor', '1', 'D', 'D', 'D'),
  ('opd_own',    '0', 'D', 'D', 'D'),
  ('opd_other',  '0', 'D', 'D', 'D'),
  ('leadership', '0', 'D', 'D', 'D'),
  ('admin',      '1', 'D', 'D', 'D');

select is(
  tests.probe(case when m.role = 'anon' then null else tests.id(m.role) end, p.sql),
  case when o.v = 'D' then 'error:42501' else 'rows:' || o.v end,
  format('%s %s letterhead_settings → %s', m.role, o.op, o.v)
)
from matrix m
cross join lateral (values ('select', m.s, 1), ('insert', m.i, 2), ('update', m.u, 3), ('delete', m.d, 4)) o (op, v, ord)
join probe_sql p on p.op = o.op
order by m.role, o.ord;

-- the caller data the report prints ---------------------------------------------------------------
select is(tests.run_as(tests.id('supervisor'), format($$select caller_phone from public.read_caller_data(array[%L]::uuid[], 'official_report')$$, tests.id('call1'))) ->> 'caller_phone',
  '0812 3456 7890', 'a supervisor reads the caller''s number for the official report');
select is((select count(*)::int from public.caller_data_access
           where actor_id = tests.id('supervisor') and call_id = tests.id('call1') and screen = 'official_report'), 1,
  'the read is in the access log under the official report');
select is(tests.try_as(tests.id('admin'), format($$select * from public.read_caller_data(array[%L]::uuid[], 'official_report')$$, tests.id('call1'))),
  'forbidden_role', 'an admin reads no caller data, on this report neither');
select is(tests.try_as(tests.id('leadership'), format($$select * from public.read_caller_data(array[%L]::uuid[], 'official_report')$$, tests.id('call1'))),
  'forbidden_role', 'nor does leadership');
select is(tests.try_as(tests.id('opd_other'), format($$select * from public.read_caller_data(array[%L]::uuid[], 'official_report')$$, tests.id('call1'))),
  'not_found', 'an agency not assigned reads nothing of it');
select is(tests.try_as(null, format($$select * from public.read_caller_data(array[%L]::uuid[], 'official_report')$$, tests.id('call1'))),
  'error:42501', 'nor does anon');

select * from finish();
rollback;
