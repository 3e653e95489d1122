-- How the embedded stack learns of Broadcast from Database messages. supabase/realtime streams the
-- inserts into realtime.messages through logical replication (publication
-- supabase_realtime_messages_publication); PGlite has none, so, as for postgres_changes
-- (change-capture.sql), a row trigger queues each stored broadcast and NOTIFYs, and the stack drains
-- the queue in order. A rolled-back insert (the authorisation probes of authorization.ts, a send()
-- in a failed transaction) queues nothing and notifies nobody. Idempotent: runs at every start.

create schema if not exists realtime;

create table if not exists realtime.broadcast_queue (
  id bigserial primary key,
  message_id uuid not null,
  inserted_at timestamp without time zone not null
);
comment on table realtime.broadcast_queue is
  'Broadcast messages stored in realtime.messages and not yet delivered, in insertion order; drained by the embedded stack.';
revoke all on realtime.broadcast_queue from public, anon, authenticated, service_role;

-- Hosted Realtime keeps a few days of messages in daily partitions and drops older ones; the stack
-- deletes them by age (broadcast-from-database.ts), which this index serves.
create index if not exists messages_broadcast_inserted_at_index
  on realtime.messages (inserted_at)
  where extension = 'broadcast';

-- security definer: the writer of the message (a trigger running as any role) has no rights on the queue.
create or replace function realtime.queue_broadcast() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into realtime.broadcast_queue (message_id, inserted_at) values (new.id, new.inserted_at);
  perform pg_notify('realtime_broadcasts', '');
  return null;
end
$$;
revoke all on function realtime.queue_broadcast() from public;

do $trigger$
begin
  if not exists (
    select from pg_catalog.pg_trigger
    where tgrelid = 'realtime.messages'::regclass and tgname = 'realtime_queue_broadcast'
  ) then
    create trigger realtime_queue_broadcast
      after insert on realtime.messages
      for each row
      when (new.extension = 'broadcast' and new.payload is not null and new.event is not null)
      execute function realtime.queue_broadcast();
  end if;
end
$trigger$;
