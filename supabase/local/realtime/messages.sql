-- realtime.messages and realtime.topic(), as supabase/realtime creates them in every project: the
-- table whose RLS policies authorise private channels (a join probes SELECT for receiving and INSERT
-- for sending, see authorization.ts) and the function those policies call for the channel's topic.
-- Part of the platform, like the baseline: it must exist before the migrations that add policies.
-- Run at every start; creates what is missing and grants only then, so a database whose grants an
-- administrator changed keeps them. Hosted Supabase partitions the table by day because Broadcast
-- from Database stores messages in it; here it only ever holds the probes of a rolled-back check.

create schema if not exists realtime;

do $platform$
begin
  if to_regclass('realtime.messages') is null then
    create table realtime.messages (
      topic text not null,
      extension text not null,
      payload jsonb,
      event text,
      private boolean default false,
      updated_at timestamp without time zone not null default now(),
      inserted_at timestamp without time zone not null default now(),
      id uuid not null default gen_random_uuid(),
      binary_payload bytea,
      constraint messages_payload_exclusive check (payload is null or binary_payload is null),
      constraint messages_pkey primary key (id, inserted_at)
    );
    comment on table realtime.messages is
      'Realtime messages; its RLS policies decide who may join a private channel (topic = realtime.topic(), extension broadcast or presence): SELECT to receive, INSERT to send.';
    alter table realtime.messages enable row level security;
    -- The grants supabase/realtime gives (tenant_schema/realtime/tables/messages.sql): the API roles
    -- reach the table, and RLS policies alone decide what each may do with it.
    grant insert, select, update on table realtime.messages to anon, authenticated, service_role;
  end if;

  if to_regprocedure('realtime.topic()') is null then
    create function realtime.topic() returns text
    language sql
    stable
    as $topic$
      select nullif(current_setting('realtime.topic', true), '')::text
    $topic$;
    comment on function realtime.topic() is
      'Topic of the channel being authorised (set by the realtime server as realtime.topic), for policies on realtime.messages.';
    grant execute on function realtime.topic() to anon, authenticated, service_role;
  end if;
end
$platform$;
