-- The nuisance-number rules become an admin change like the others (issue #16 §5, issue #13 rules):
-- a version on the one settings row so two admins never overwrite each other silently
-- (stale_version), and one admin_events row with the rules before and after, in the same
-- transaction as the change. The screen is /admin/nuisance.

alter table public.nuisance_settings add column if not exists version integer not null default 1 check (version > 0);
comment on column public.nuisance_settings.version is 'Optimistic-concurrency counter: every admin change checks and bumps it.';

-- The argument list grows, so the old function goes: one set_nuisance_settings only.
drop function public.set_nuisance_settings(integer, integer, integer);

create function public.set_nuisance_settings(
  p_threshold integer,
  p_window_hours integer,
  p_block_hours integer,
  p_expected_version integer default null
) returns public.nuisance_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.nuisance_settings;
  v_row public.nuisance_settings;
begin
  perform private.require_admin();
  if p_threshold is null or p_threshold not between 2 and 50
     or p_window_hours is null or p_window_hours not between 1 and 720
     or p_block_hours is null or p_block_hours not between 1 and 720 then
    perform private.fail('invalid_settings', 'threshold 2–50 calls, window and block 1–720 hours.');
  end if;
  select * into v_before from public.nuisance_settings s where s.id for update;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed the nuisance rules meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  -- Saving the rules in force changes nothing and writes no audit row.
  if (v_before.threshold, v_before.window_hours, v_before.block_hours) = (p_threshold, p_window_hours, p_block_hours) then
    return v_before;
  end if;
  update public.nuisance_settings s set
    threshold = p_threshold, window_hours = p_window_hours, block_hours = p_block_hours,
    updated_at = now(), updated_by = (select p.id from public.profiles p where p.id = auth.uid()),
    version = s.version + 1
  where s.id
  returning * into v_row;
  perform private.log_admin_event('nuisance_settings.changed', 'nuisance_settings', 'settings',
    jsonb_build_object('threshold', v_before.threshold, 'window_hours', v_before.window_hours,
                       'block_hours', v_before.block_hours, 'version', v_before.version),
    jsonb_build_object('threshold', v_row.threshold, 'window_hours', v_row.window_hours,
                       'block_hours', v_row.block_hours, 'version', v_row.version));
  return v_row;
end;
$$;
comment on function public.set_nuisance_settings(integer, integer, integer, integer) is
  'Admin: how many ghost/prank calls within how many hours propose a block, and how long an approved block lasts; '
  'p_expected_version is the settings row''s (stale_version when another admin saved first). Audited in admin_events. '
  'Applies to later proposals and decisions.';

revoke all on function public.set_nuisance_settings(integer, integer, integer, integer) from public, anon;
grant execute on function public.set_nuisance_settings(integer, integer, integer, integer) to authenticated, service_role;
