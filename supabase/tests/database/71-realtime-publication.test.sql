-- The tables in publication supabase_realtime and their replica identity (issue #14): every
-- subscriber merges changes by primary key (lib/realtime/live-view.ts) and reads of `old` only the
-- key of a DELETE, which hosted Realtime sends without REPLICA IDENTITY FULL. So every published
-- table keeps REPLICA IDENTITY DEFAULT over a primary key: FULL would write whole old rows to the
-- WAL on every update for nothing. A table that joins the publication, or a subscriber that comes
-- to need old values, changes this list on purpose (supabase/local/README.md, docs/realtime.md).
begin;
select plan(3);

select set_eq(
  $$ select schemaname || '.' || tablename from pg_publication_tables where pubname = 'supabase_realtime' $$,
  $$ values ('public.calls'), ('public.incidents'), ('public.assignments'), ('public.incident_events'),
            ('public.blocked_numbers'), ('public.callbacks'), ('public.profiles'), ('public.agencies'),
            ('public.agency_posts'), ('public.run_cards'), ('public.major_incidents'),
            ('public.major_incident_minutes'), ('public.shift_handovers'), ('public.assignment_positions') $$,
  'the tables live views subscribe to are published, and no other'
);
select is(
  (select array_agg(c.relname::text order by c.relname)
   from pg_publication_tables pt
   join pg_class c on c.relname = pt.tablename
   join pg_namespace n on n.oid = c.relnamespace and n.nspname = pt.schemaname
   where pt.pubname = 'supabase_realtime' and c.relreplident <> 'd'),
  null, 'every published table has REPLICA IDENTITY DEFAULT: old records carry the primary key only'
);
select is(
  (select array_agg(pt.tablename::text order by pt.tablename)
   from pg_publication_tables pt
   where pt.pubname = 'supabase_realtime'
     and not exists (select from pg_index i
                     where i.indrelid = format('%I.%I', pt.schemaname, pt.tablename)::regclass and i.indisprimary)),
  null, 'every published table has a primary key, which its live view merges by'
);

select * from finish();
rollback;
