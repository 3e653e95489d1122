-- The part of a Supabase database that the platform creates before any migration runs:
-- API roles, the auth schema and its helper functions, the realtime publication and default grants.
-- Run on every start of the embedded stack, in one transaction. It creates what is missing and grants
-- only on what it has just created: the privileges of an existing database belong to its migrations
-- (which revoke, e.g., anon's access to public tables and functions), so a restart must never hand
-- them back. Migrations never create any of this.

do $$
declare
  created text[] := '{}';
  api_role text;
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
    created := created || 'anon'::text;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
    created := created || 'authenticated'::text;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
    created := created || 'service_role'::text;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator noinherit login;
    created := created || 'authenticator'::text;
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_admin') then
    create role supabase_admin nologin;
  end if;
  -- Roles are shared by every database of a Postgres server: the membership is granted together
  -- with the role that needs it, never again on a later start or another database.
  foreach api_role in array array['anon', 'authenticated', 'service_role'] loop
    if api_role = any(created) or 'authenticator' = any(created) then
      execute format('grant %I to authenticator', api_role);
    end if;
  end loop;
end
$$;

do $$
declare
  api_schema text;
begin
  foreach api_schema in array array['extensions', 'auth', 'realtime'] loop
    if not exists (select from pg_namespace where nspname = api_schema) then
      execute format('create schema %I', api_schema);
      execute format('grant usage on schema %I to anon, authenticated, service_role', api_schema);
    end if;
  end loop;
end
$$;

create extension if not exists pgcrypto with schema extensions;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255) default '',
  recovery_token varchar(255) default '',
  email_change_token_new varchar(255) default '',
  email_change varchar(255) default '',
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);

-- The other columns supabase/auth has, so seeds written for hosted Supabase (which often fill
-- confirmation_sent_at, recovery_sent_at, …) run here unchanged. `add column if not exists` also
-- upgrades a database made by an older baseline.
alter table auth.users add column if not exists confirmation_sent_at timestamptz;
alter table auth.users add column if not exists recovery_sent_at timestamptz;
alter table auth.users add column if not exists email_change_token_current varchar(255) default '';
alter table auth.users add column if not exists email_change_confirm_status smallint default 0;
alter table auth.users add column if not exists email_change_sent_at timestamptz;
alter table auth.users add column if not exists phone_change text default '';
alter table auth.users add column if not exists phone_change_token varchar(255) default '';
alter table auth.users add column if not exists phone_change_sent_at timestamptz;
alter table auth.users add column if not exists reauthentication_token varchar(255) default '';
alter table auth.users add column if not exists reauthentication_sent_at timestamptz;
alter table auth.users add column if not exists confirmed_at timestamptz
  generated always as (least(email_confirmed_at, phone_confirmed_at)) stored;

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid primary key default gen_random_uuid(),
  unique (provider_id, provider)
);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  aal text default 'aal1',
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip text
);

create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

-- The helpers missing before this run: only they get their grants below. `create or replace` keeps
-- the privileges of a function that exists already.
create temporary table baseline_new_functions on commit drop as
  select signature
    from unnest(array['auth.uid()', 'auth.role()', 'auth.email()', 'auth.jwt()']) as signature
   where to_regprocedure(signature) is null;

-- Supabase's helpers read the claims PostgREST puts in request.jwt.claims for each transaction.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

do $$
declare
  signature text;
begin
  for signature in select b.signature from baseline_new_functions b loop
    execute format('grant execute on function %s to anon, authenticated, service_role', signature);
  end loop;
end
$$;

do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- The first start on a database is the one that finds no migration table yet. Only then does public
-- get what a hosted Supabase project has today: the API roles may use the schema, and nothing else.
-- Since 2026-10-30 hosted projects grant new tables, sequences and functions to no API role, so
-- every migration grants exactly what each role needs, and a forgotten grant fails here as it would
-- there. (Postgres's own EXECUTE to PUBLIC on new functions remains, as on hosted projects: every
-- migration revokes it, and supabase/tests/database/90-privileges checks that none is left.) Later
-- starts leave public's privileges to the migrations.
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    grant usage on schema public to anon, authenticated, service_role;

    create schema if not exists supabase_migrations;
    create table supabase_migrations.schema_migrations (
      version text primary key,
      statements text[],
      name text
    );
  end if;
end
$$;
