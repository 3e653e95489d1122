-- The wall display's account: a leadership account (it reads what leadership reads, changes
-- nothing) whose screen is /wall. Signing in at /login sends it there instead of /stats; the
-- database says which account it is, not its e-mail address. Only an admin may set the flag
-- (profiles are updated by admins only, see 20261128000300_rls.sql), and only on a leadership
-- account.
alter table public.profiles
  add column wall_display boolean not null default false;

comment on column public.profiles.wall_display is
  'The account of a wall display PC: it lands on /wall after signing in. Leadership accounts only.';

alter table public.profiles
  add constraint profiles_wall_display_is_leadership check (not wall_display or role = 'leadership');
