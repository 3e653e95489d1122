-- The administrator's account functions (issue #13): profile creation and changes (role, agency,
-- desk extension, name, active flag) go through these security-definer functions, never through
-- direct table writes from the console, so that each change is validated, version-checked and
-- audited in admin_events in the same transaction. The auth side (the auth user, its password, its
-- ban and sessions) is changed by server code through the auth admin API; see lib/admin/.
--
-- Refusals follow the workflow scheme (P0001, stable code in message, mirrored in
-- lib/domain/workflow-errors.ts): not_authenticated, forbidden_role, account_not_found,
-- profile_exists, stale_version, full_name_required, agency_required, agency_not_allowed,
-- agency_not_found, agency_inactive, extension_operator_only, invalid_extension, extension_taken,
-- own_account, invalid_range, invalid_filter.

alter table public.profiles
  add column version integer not null default 1 check (version > 0);
comment on column public.profiles.version is
  'Optimistic-concurrency counter: every admin change checks and bumps it, so two admins never overwrite each other silently.';

-- A deactivated user's open screens learn of it from their own profile row (own-row policy), at once.
alter publication supabase_realtime add table public.profiles;

-- ---------------------------------------------------------------------------------------------
-- internals
-- ---------------------------------------------------------------------------------------------

-- What the audit trail keeps of a profile: everything but the bookkeeping timestamps.
create function private.profile_snapshot(p public.profiles) returns jsonb
language sql
immutable
set search_path = ''
as $$
  select to_jsonb(p) - 'created_at' - 'updated_at'
$$;
revoke all on function private.profile_snapshot(public.profiles) from public;

-- Checks the fields an admin gives a profile and returns the trimmed name. An OPD liaison needs an
-- agency and nobody else may have one (the table's check says the same; this says it clearly); an
-- extension belongs to an operator's desk and is unique among active operators.
create function private.check_profile_fields(
  p_user_id uuid,
  p_full_name text,
  p_role public.app_role,
  p_agency_id uuid,
  p_extension text,
  p_active boolean
) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_name text := btrim(coalesce(p_full_name, ''));
begin
  if length(v_name) = 0 or length(v_name) > 120 then
    perform private.fail('full_name_required', 'A name of 1 to 120 characters is required.');
  end if;
  if p_role is null then
    perform private.fail('forbidden_role', 'A role is required.');
  end if;
  if p_role = 'opd' and p_agency_id is null then
    perform private.fail('agency_required', 'An OPD liaison needs an agency.');
  end if;
  if p_role <> 'opd' and p_agency_id is not null then
    perform private.fail('agency_not_allowed', 'Only an OPD liaison belongs to an agency.', p_role::text);
  end if;
  if p_agency_id is not null then
    perform private.require_agency(p_agency_id);
  end if;
  if p_extension is not null then
    if p_role <> 'operator' then
      perform private.fail('extension_operator_only', 'Only an operator''s desk has an extension.', p_role::text);
    end if;
    if p_extension !~ '^[0-9]{2,8}$' then
      perform private.fail('invalid_extension', 'An extension is 2 to 8 digits.');
    end if;
    if p_active and exists (
      select 1 from public.profiles o
      where o.extension = p_extension and o.active and o.role = 'operator' and o.id <> p_user_id
    ) then
      perform private.fail('extension_taken', 'Another active operator has this extension.', p_extension);
    end if;
  end if;
  return v_name;
end;
$$;
revoke all on function private.check_profile_fields(uuid, text, public.app_role, uuid, text, boolean) from public;

-- Locks a profile for an admin change and checks its version.
create function private.lock_profile(p_user_id uuid, p_expected_version integer) returns public.profiles
language plpgsql
set search_path = ''
as $$
declare
  v_row public.profiles;
begin
  select * into v_row from public.profiles where id = p_user_id for update;
  if not found then
    perform private.fail('account_not_found', 'The account has no profile.');
  end if;
  if p_expected_version is null or v_row.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed this account meanwhile; reload and try again.',
      'current version ' || v_row.version);
  end if;
  return v_row;
end;
$$;
revoke all on function private.lock_profile(uuid, integer) from public;

-- ---------------------------------------------------------------------------------------------
-- account changes
-- ---------------------------------------------------------------------------------------------

-- The profile of an auth user the server has just created (or one that has none yet).
create function public.admin_create_profile(
  p_user_id uuid,
  p_full_name text,
  p_role public.app_role,
  p_agency_id uuid default null,
  p_extension text default null
) returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_name text;
  v_extension text := nullif(btrim(coalesce(p_extension, '')), '');
  v_row public.profiles;
begin
  perform private.require_admin();
  if not exists (select 1 from auth.users u where u.id = p_user_id and u.deleted_at is null) then
    perform private.fail('account_not_found', 'There is no auth user with this id.');
  end if;
  if exists (select 1 from public.profiles p where p.id = p_user_id) then
    perform private.fail('profile_exists', 'This account already has a profile.');
  end if;
  v_name := private.check_profile_fields(p_user_id, p_full_name, p_role, p_agency_id, v_extension, true);
  insert into public.profiles (id, full_name, role, agency_id, extension, active)
  values (p_user_id, v_name, p_role, p_agency_id, v_extension, true)
  returning * into v_row;
  perform private.log_admin_event('account.created', 'profiles', p_user_id::text, null,
    private.profile_snapshot(v_row));
  return v_row;
end;
$$;
comment on function public.admin_create_profile(uuid, text, public.app_role, uuid, text) is
  'Admin: gives an auth user its profile (role, agency for OPD, operator extension), audited.';

create function public.admin_update_profile(
  p_user_id uuid,
  p_expected_version integer,
  p_full_name text,
  p_role public.app_role,
  p_agency_id uuid default null,
  p_extension text default null
) returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.profiles;
  v_row public.profiles;
  v_name text;
  v_extension text := nullif(btrim(coalesce(p_extension, '')), '');
begin
  perform private.require_admin();
  v_old := private.lock_profile(p_user_id, p_expected_version);
  if p_user_id = auth.uid() and (p_role, p_agency_id) is distinct from (v_old.role, v_old.agency_id) then
    perform private.fail('own_account', 'You cannot change your own role or agency; another administrator must.');
  end if;
  v_name := private.check_profile_fields(p_user_id, p_full_name, p_role, p_agency_id, v_extension, v_old.active);
  update public.profiles
     set full_name = v_name, role = p_role, agency_id = p_agency_id, extension = v_extension,
         version = version + 1
   where id = p_user_id
  returning * into v_row;
  perform private.log_admin_event('account.changed', 'profiles', p_user_id::text,
    private.profile_snapshot(v_old), private.profile_snapshot(v_row));
  return v_row;
end;
$$;
comment on function public.admin_update_profile(uuid, integer, text, public.app_role, uuid, text) is
  'Admin: changes an account''s name, role, agency and extension, version-checked and audited.';

-- Deactivation takes effect at the next request: every RLS helper treats an inactive profile as
-- signed out. The server also bans the auth user so that sign-in and token refresh are refused.
create function public.admin_set_profile_active(p_user_id uuid, p_active boolean, p_expected_version integer)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old public.profiles;
  v_row public.profiles;
begin
  perform private.require_admin();
  if p_active is null then
    perform private.fail('invalid_filter', 'Say whether the account is active.');
  end if;
  v_old := private.lock_profile(p_user_id, p_expected_version);
  if p_user_id = auth.uid() then
    perform private.fail('own_account', 'You cannot deactivate your own account; another administrator must.');
  end if;
  if v_old.active = p_active then
    perform private.fail('invalid_state', 'The account is already in this state.', p_active::text);
  end if;
  if p_active then
    perform private.check_profile_fields(p_user_id, v_old.full_name, v_old.role, v_old.agency_id, v_old.extension, true);
  end if;
  update public.profiles set active = p_active, version = version + 1
   where id = p_user_id
  returning * into v_row;
  perform private.log_admin_event(case when p_active then 'account.reactivated' else 'account.deactivated' end,
    'profiles', p_user_id::text, private.profile_snapshot(v_old), private.profile_snapshot(v_row));
  return v_row;
end;
$$;
comment on function public.admin_set_profile_active(uuid, boolean, integer) is
  'Admin: deactivates (no rights from the next request) or reactivates an account, version-checked and audited.';

-- A password set by an administrator happens in the auth service; this records who did it, never the password.
create function public.admin_record_password_reset(p_user_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_admin();
  if not exists (select 1 from auth.users u where u.id = p_user_id and u.deleted_at is null) then
    perform private.fail('account_not_found', 'There is no auth user with this id.');
  end if;
  perform private.log_admin_event('account.password_reset', 'auth.users', p_user_id::text, null, null);
end;
$$;
comment on function public.admin_record_password_reset(uuid) is
  'Admin: records in the admin trail that an administrator set a new password for the account.';

-- ---------------------------------------------------------------------------------------------
-- reads for the console
-- ---------------------------------------------------------------------------------------------

-- Accounts with their sign-in data from auth.users (which no API role may read), searched by name
-- or email. Auth users without a profile are listed too, so the admin can give them one.
create function public.admin_accounts(p_search text default null, p_limit integer default 200, p_user_id uuid default null)
returns table (
  id uuid,
  email text,
  full_name text,
  role public.app_role,
  agency_id uuid,
  agency_name text,
  extension text,
  active boolean,
  version integer,
  last_sign_in_at timestamptz,
  created_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_search text := nullif(btrim(coalesce(p_search, '')), '');
  v_like text;
begin
  perform private.require_admin();
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform private.fail('invalid_filter', 'The page size is 1 to 500.');
  end if;
  if v_search is not null and length(v_search) > 120 then
    perform private.fail('invalid_filter', 'The search text is at most 120 characters.');
  end if;
  -- The search is text, never a pattern: escape like's wildcards.
  v_like := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  return query
    select u.id, u.email::text, p.full_name, p.role, p.agency_id, a.name, p.extension,
           coalesce(p.active, false), p.version, u.last_sign_in_at, u.created_at
      from auth.users u
      left join public.profiles p on p.id = u.id
      left join public.agencies a on a.id = p.agency_id
     where u.deleted_at is null
       and (v_search is null or u.email ilike v_like or p.full_name ilike v_like)
       and (p_user_id is null or u.id = p_user_id)
     order by p.full_name nulls last, u.email
     limit p_limit;
end;
$$;
comment on function public.admin_accounts(text, integer, uuid) is
  'Admin: accounts (auth user + profile + agency + last sign-in), searched by name or email, or one by id.';

-- The whole audit trail, workflow and admin events together, newest first, paged by keyset
-- (at, event_key) so a page never skips or repeats a row while new events arrive. Holds no caller
-- data: incident_events.data never has it, admin_events never has a password.
create function public.admin_audit_trail(
  p_from timestamptz,
  p_to timestamptz,
  p_ticket text default null,
  p_user_id uuid default null,
  p_kind text default null,
  p_after_at timestamptz default null,
  p_after_key text default null,
  p_limit integer default 50
) returns table (
  event_key text,
  source text,
  at timestamptz,
  kind text,
  actor_id uuid,
  actor_name text,
  ticket_no text,
  target text,
  details jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_ticket text := upper(nullif(btrim(coalesce(p_ticket, '')), ''));
  v_kind text := nullif(btrim(coalesce(p_kind, '')), '');
begin
  perform private.require_admin();
  if p_from is null or p_to is null or p_from >= p_to or p_to - p_from > interval '400 days' then
    perform private.fail('invalid_range', 'Give a time range of at most 400 days, start before end.');
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 5000 then
    perform private.fail('invalid_filter', 'The page size is 1 to 5000.');
  end if;
  if v_ticket is not null and v_ticket !~ '^112-[0-9]{8}-[0-9]{4,}$' then
    perform private.fail('invalid_filter', 'A ticket number looks like 112-YYYYMMDD-NNNN.');
  end if;
  if v_kind is not null and v_kind !~ '^[a-z][a-z_.]{1,80}$' then
    perform private.fail('invalid_filter', 'Unknown kind of event.');
  end if;
  if (p_after_at is null) <> (p_after_key is null)
     or (p_after_key is not null and p_after_key !~ '^[ia]:[0-9]{19}$') then
    perform private.fail('invalid_filter', 'The page cursor is not valid.');
  end if;
  return query
    select ev.event_key, ev.source, ev.at, ev.kind, ev.actor_id, pr.full_name, ev.ticket_no, ev.target, ev.details
      from (
        select 'i:' || lpad(e.id::text, 19, '0') as event_key, 'workflow'::text as source, e.at,
               e.kind::text as kind, e.actor_id, i.ticket_no,
               coalesce('assignment:' || e.assignment_id, 'call:' || e.call_id, 'incident:' || e.incident_id) as target,
               e.data as details
          from public.incident_events e
          left join public.calls c on c.id = e.call_id
          left join public.incidents i on i.id = coalesce(e.incident_id, c.incident_id)
         where e.at >= p_from and e.at < p_to
           and (v_ticket is null or i.ticket_no = v_ticket)
           and (p_user_id is null or e.actor_id = p_user_id)
           and (v_kind is null or e.kind::text = v_kind)
        union all
        select 'a:' || lpad(a.id::text, 19, '0'), 'admin'::text, a.at, a.kind, a.actor_id, null::text,
               a.target_table || ':' || a.target_id,
               jsonb_build_object('before', a.before, 'after', a.after)
          from public.admin_events a
         where a.at >= p_from and a.at < p_to
           and v_ticket is null
           and (p_user_id is null or a.actor_id = p_user_id
                or (a.target_table in ('profiles', 'auth.users') and a.target_id = p_user_id::text))
           and (v_kind is null or a.kind = v_kind)
      ) ev
      left join public.profiles pr on pr.id = ev.actor_id
     where p_after_at is null or (ev.at, ev.event_key) < (p_after_at, p_after_key)
     order by ev.at desc, ev.event_key desc
     limit p_limit;
end;
$$;
comment on function public.admin_audit_trail(timestamptz, timestamptz, text, uuid, text, timestamptz, text, integer) is
  'Admin: workflow and admin events in a time range, filtered by ticket, user and kind, newest first, keyset-paged.';

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.admin_create_profile(uuid, text, public.app_role, uuid, text)',
    'public.admin_update_profile(uuid, integer, text, public.app_role, uuid, text)',
    'public.admin_set_profile_active(uuid, boolean, integer)',
    'public.admin_record_password_reset(uuid)',
    'public.admin_accounts(text, integer, uuid)',
    'public.admin_audit_trail(timestamptz, timestamptz, text, uuid, text, timestamptz, text, integer)'
  ] loop
    execute format('revoke all on function %s from public, anon', v_fn);
    execute format('grant execute on function %s to authenticated, service_role', v_fn);
  end loop;
end;
$$;
