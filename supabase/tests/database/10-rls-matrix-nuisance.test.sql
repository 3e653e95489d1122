-- The RLS matrix of the nuisance-number tables (nuisance_settings, blocked_numbers, callbacks):
-- every table × role × operation, as 10-rls-matrix.test.sql does for the core tables (which leaves
-- these three to this file). A number is caller data: opd and leadership read none of it; operators
-- read blocks (to flag the number on the line) and the call-back list; nobody writes a row directly.
begin;
\ir helpers/test-helpers.psql
select plan(84 + 9);

select tests.build_world();
with b as (
  insert into public.blocked_numbers (phone, prank_calls, ghost_calls, threshold, window_hours, first_call_at, last_call_at, trigger_call_id)
  values ('081270001111', 3, 0, 3, 24, now(), now(), tests.id('call1')) returning id
)
insert into tests.world select 'block1', b.id from b;
with c as (
  insert into public.callbacks (call_id, reason, call_received_at)
  values (tests.id('call1'), 'ghost', now()) returning id
)
insert into tests.world select 'cb1', c.id from c;

create temp table probe_sql (tab text, op text, sql text, primary key (tab, op));
insert into probe_sql values
  ('nuisance_settings', 'select', 'select 1 from public.nuisance_settings'),
  ('nuisance_settings', 'insert', 'insert into public.nuisance_settings (id) values (true) on conflict do nothing'),
  ('nuisance_settings', 'update', 'update public.nuisance_settings set threshold = 4'),
  ('nuisance_settings', 'delete', 'delete from public.nuisance_settings'),
  ('blocked_numbers', 'select', 'select 1 from public.blocked_numbers where id = {block1}'),
  ('blocked_numbers', 'insert', 'insert into public.blocked_numbers (phone, prank_calls, ghost_calls, threshold, window_hours, first_call_at, last_call_at, trigger_call_id) values (''0899'', 1, 0, 3, 24, now(), now(), {call1})'),
  ('blocked_numbers', 'update', 'update public.blocked_numbers set status = ''rejected'' where id = {block1}'),
  ('blocked_numbers', 'delete', 'delete from public.blocked_numbers where id = {block1}'),
  ('callbacks', 'select', 'select 1 from public.callbacks where id = {cb1}'),
  ('callbacks', 'insert', 'insert into public.callbacks (call_id, reason, call_received_at) values ({call1}, ''ghost'', now())'),
  ('callbacks', 'update', 'update public.callbacks set attempts = 5 where id = {cb1}'),
  ('callbacks', 'delete', 'delete from public.callbacks where id = {cb1}');

-- Columns: select, insert, update, delete. D = refused with 42501.
create temp table matrix (tab text, role text, s text, i text, u text, d text);
insert into matrix values
  ('nuisance_settings', 'anon',       'D', 'D', 'D', 'D'),
  ('nuisance_settings', 'operator',   '0', 'D', 'D', 'D'),
  ('nuisance_settings', 'supervisor', '1', 'D', 'D', 'D'),
  ('nuisance_settings', 'opd_own',    '0', 'D', 'D', 'D'),
  ('nuisance_settings', 'opd_other',  '0', 'D', 'D', 'D'),
  ('nuisance_settings', 'leadership', '0', 'D', 'D', 'D'),
  ('nuisance_settings', 'admin',      '1', 'D', 'D', 'D'),
  ('blocked_numbers',   'anon',       'D', 'D', 'D', 'D'),
  ('blocked_numbers',   'operator',   '1', 'D', 'D', 'D'),
  ('blocked_numbers',   'supervisor', '1', 'D', 'D', 'D'),
  ('blocked_numbers',   'opd_own',    '0', 'D', 'D', 'D'),
  ('blocked_numbers',   'opd_other',  '0', 'D', 'D', 'D'),
  ('blocked_numbers',   'leadership', '0', 'D', 'D', 'D'),
  ('blocked_numbers',   'admin',      '1', 'D', 'D', 'D'),
  ('callbacks',         'anon',       'D', 'D', 'D', 'D'),
  ('callbacks',         'operator',   '1', 'D', 'D', 'D'),
  ('callbacks',         'supervisor', '1', 'D', 'D', 'D'),
  ('callbacks',         'opd_own',    '0', 'D', 'D', 'D'),
  ('callbacks',         'opd_other',  '0', 'D', 'D', 'D'),
  ('callbacks',         'leadership', '0', 'D', 'D', 'D'),
  ('callbacks',         'admin',      '0', 'D', 'D', 'D');

create temp table cells as
select m.tab, m.role, o.op, p.sql,
       case when o.v = 'D' then 'error:42501' else 'rows:' || o.v end as expected,
       o.ord
from matrix m
cross join lateral (values ('select', m.s, 1), ('insert', m.i, 2), ('update', m.u, 3), ('delete', m.d, 4)) o (op, v, ord)
join probe_sql p on p.tab = m.tab and p.op = o.op;

select is(
  tests.probe(case when c.role = 'anon' then null else tests.id(c.role) end, tests.fill(c.sql)),
  c.expected,
  format('%s %s %s → %s', c.role, c.op, c.tab, c.expected)
)
from cells c
order by c.tab, c.role, c.ord;

select diag('rls matrix cells: ' || (select count(*) from cells));
select is((select count(*)::int from cells), 3 * 7 * 4, 'one cell per table × role × operation');
select ok(
  (select bool_and(c.relrowsecurity) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relname in ('nuisance_settings', 'blocked_numbers', 'callbacks')),
  'row-level security is enabled on the three tables'
);

-- The block lookup of the console runs under the same policies: the OPD gets no row, not an error.
select is(tests.probe(tests.id('operator'), $$select * from public.active_number_block('0812-7000-1111')$$), 'rows:0',
  'a proposed (undecided) block is not in force');
update public.blocked_numbers set status = 'approved', decided_at = now(), decision_reason = 'x', expires_at = now() + interval '1 hour'
where id = tests.id('block1');
select is(tests.probe(tests.id('operator'), $$select * from public.active_number_block('0812-7000-1111')$$), 'rows:1',
  'an operator finds the block in force, however the number is written');
select is(tests.probe(tests.id('opd_own'), $$select * from public.active_number_block('0812-7000-1111')$$), 'rows:0',
  'an OPD finds nothing');
select is(tests.probe(tests.id('leadership'), $$select * from public.active_number_block('0812-7000-1111')$$), 'rows:0',
  'leadership finds nothing');
select is(tests.probe(null, $$select * from public.active_number_block('0812-7000-1111')$$), 'error:42501',
  'anon may not ask');
-- Realtime: the live lists subscribe to both tables.
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'blocked_numbers'),
  'blocked_numbers is published to realtime');
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'callbacks'),
  'callbacks is published to realtime');

select * from finish();
rollback;
