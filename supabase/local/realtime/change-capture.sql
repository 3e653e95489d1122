-- Change capture for Realtime postgres_changes in the embedded stack (PGlite has no logical decoding).
-- Every table in publication supabase_realtime gets one row trigger that writes the change into
-- realtime.changes and NOTIFYs only its id, so NOTIFY's 8000-byte payload limit never drops a change.
-- The stack drains the queue in id order and deletes what it read. Idempotent: runs at every start.

create schema if not exists realtime;

create table if not exists realtime.changes (
  id bigserial primary key,
  relid oid not null,
  op text not null,
  record jsonb,
  old_record jsonb,
  changed_at timestamptz not null default clock_timestamp()
);
comment on table realtime.changes is
  'Queue of row changes on published tables, written by realtime.capture_change() and drained by the embedded stack.';
comment on column realtime.changes.changed_at is
  'Time of the change inside its transaction: Postgres keeps no commit time unless track_commit_timestamp is on.';
revoke all on realtime.changes from public, anon, authenticated, service_role;

-- security definer: the writer (an API role) has no rights on realtime.changes.
create or replace function realtime.capture_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  change_id bigint;
begin
  insert into realtime.changes (relid, op, record, old_record)
  values (
    tg_relid,
    tg_op,
    case when tg_op <> 'DELETE' then to_jsonb(new) end,
    case when tg_op <> 'INSERT' then to_jsonb(old) end
  )
  returning id into change_id;
  perform pg_notify('realtime_changes', change_id::text);
  return null;
end
$$;
revoke all on function realtime.capture_change() from public;

-- Puts the capture trigger on every published table that lacks it and removes it from tables that
-- left the publication. Works for FOR ALL TABLES and TABLES IN SCHEMA publications too.
create or replace function realtime.sync_capture_triggers() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  rel regclass;
begin
  for rel in
    select c.oid::regclass
    from pg_catalog.pg_publication_tables pt
    join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
    join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
    where pt.pubname = 'supabase_realtime'
      and c.relkind = 'r'
      and not exists (
        select 1 from pg_catalog.pg_trigger t where t.tgrelid = c.oid and t.tgname = 'realtime_capture'
      )
  loop
    execute format(
      'create trigger realtime_capture after insert or update or delete on %s for each row execute function realtime.capture_change()',
      rel
    );
  end loop;
  for rel in
    select t.tgrelid::regclass
    from pg_catalog.pg_trigger t
    where t.tgname = 'realtime_capture'
      and not exists (
        select 1
        from pg_catalog.pg_publication_tables pt
        join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
        join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
        where pt.pubname = 'supabase_realtime' and c.oid = t.tgrelid
      )
  loop
    execute format('drop trigger realtime_capture on %s', rel);
  end loop;
end
$$;
revoke all on function realtime.sync_capture_triggers() from public;

-- Keeps triggers in step inside the very transaction that changes the publication (a migration's
-- `alter publication supabase_realtime add table ...`), and tells the stack to reload table metadata.
create or replace function realtime.on_schema_ddl() returns event_trigger
language plpgsql
as $$
begin
  perform realtime.sync_capture_triggers();
  perform pg_notify('realtime_schema', '');
end
$$;

-- RLS for fan-out, one call per drain. The batch holds every distinct list of row images once
-- (`rowsets`) and the calls to make: per table and role its generated function
-- (realtime.rls_<relid>_<role>, see table-meta.ts) with one row list and all the callers (claims
-- groups: `g`, role, claims, sub) to check it as; the function switches to each caller as PostgREST
-- does per request and applies the table's SELECT policies to the images. Returns (group, row index).
-- Security invoker on purpose: only the stack (a superuser session) may switch roles like this.
-- The batch is data, so its `fn` never becomes SQL text: it is looked up in the catalog as a
-- function of schema realtime named rls_<relid>_<api role> taking (jsonb, jsonb), and the statement
-- names that function by its oid's regproc output (quoted by Postgres); anything else is refused.
drop function if exists realtime.visible_rows(jsonb);
create function realtime.visible_rows(batch jsonb) returns table (g int, i int)
language plpgsql
as $$
declare
  call jsonb;
  fn regproc;
begin
  perform set_config('request.method', 'GET', true),
          set_config('request.path', '/realtime/v1', true),
          set_config('request.headers', '{}', true),
          set_config('search_path', 'public, extensions', true);
  for call in select value from jsonb_array_elements(batch -> 'calls') loop
    select p.oid::regproc into fn
      from pg_catalog.pg_proc p
     where p.pronamespace = 'realtime'::regnamespace
       and p.proname ~ '^rls_[0-9]+_(anon|authenticated|service_role)$'
       and p.proargtypes = '3802 3802'::oidvector
       -- The stack names it as table-meta.ts writes it: schema, then the name always double-quoted.
       and 'realtime."' || p.proname || '"' = call ->> 'fn';
    if fn is null then
      raise exception 'realtime.visible_rows: % is not a generated RLS function', coalesce(call ->> 'fn', 'null')
        using errcode = '42883';
    end if;
    return query execute format('select * from %s($1, $2)', fn)
      using call -> 'callers', batch -> 'rowsets' -> ((call ->> 'set')::int);
  end loop;
  perform set_config('role', 'none', true);
end
$$;
revoke all on function realtime.visible_rows(jsonb) from public, anon, authenticated, service_role;
