-- The official Laporan Kondisi Gawat Darurat (issue #17): the letterhead (kop surat) of the city
-- government and its agency, the city of the date line and the signatory (title, name, NIP), one
-- settings row an admin changes through set_letterhead (version-checked, audited in admin_events,
-- like the shift schedule and the nuisance rules). Supervisors read it to print the report; admins
-- to edit it. The report shows the caller's data through read_caller_data with its own screen, so
-- each print is in the access log (issue #22).
-- Limits: government 1–120, agency 1–160, address 1–200, phone ≤ 60, email ≤ 120, website ≤ 120,
-- city 1–60, signatory title 1–160, name ≤ 120 characters, NIP 18 digits; one line each.

alter type public.caller_data_screen add value if not exists 'official_report';

-- One line of letterhead text: no control characters (a line break would break the kop's layout),
-- no surrounding blanks (the function trims), within the bounds.
create function private.letterhead_line(p_value text, p_min integer, p_max integer) returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_value is not null
    and char_length(p_value) between p_min and p_max
    and p_value = btrim(p_value)
    and p_value !~ '[[:cntrl:]]'
$$;
comment on function private.letterhead_line(text, integer, integer) is
  'True for one trimmed line of p_min–p_max characters without control characters.';
revoke all on function private.letterhead_line(text, integer, integer) from public;

create table public.letterhead_settings (
  id boolean primary key default true check (id),
  government_name text not null default 'Pemerintah Kota Cilegon' check (private.letterhead_line(government_name, 1, 120)),
  agency_name text not null default 'Dinas Komunikasi, Informatika, Statistik dan Persandian'
    check (private.letterhead_line(agency_name, 1, 160)),
  address_line text not null default 'Jl. Jenderal Sudirman No. 2, Kota Cilegon, Banten' check (private.letterhead_line(address_line, 1, 200)),
  phone text default 'Layanan darurat 112' check (phone is null or private.letterhead_line(phone, 1, 60)),
  email text check (email is null or (private.letterhead_line(email, 3, 120) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')),
  website text check (website is null or (private.letterhead_line(website, 3, 120) and website !~ '[[:space:]]')),
  city text not null default 'Cilegon' check (private.letterhead_line(city, 1, 60)),
  signatory_title text not null default 'Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Cilegon'
    check (private.letterhead_line(signatory_title, 1, 160)),
  signatory_name text check (signatory_name is null or private.letterhead_line(signatory_name, 1, 120)),
  signatory_nip text check (signatory_nip is null or signatory_nip ~ '^[0-9]{18}$'),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null,
  version integer not null default 1 check (version > 0)
);
comment on table public.letterhead_settings is
  'The one row of the official report''s letterhead (kop surat), date-line city and signatory; changed only through set_letterhead.';
comment on column public.letterhead_settings.signatory_nip is
  'Nomor Induk Pegawai of the signatory: 18 digits (PP 11/2017 numbering); null prints a blank line to fill by hand.';
comment on column public.letterhead_settings.signatory_name is 'Null prints a blank line to fill by hand.';
comment on column public.letterhead_settings.city is 'The place of the date line above the signature ("Cilegon, 3 Desember 2026").';
insert into public.letterhead_settings (id) values (true) on conflict do nothing;

revoke all on table public.letterhead_settings from public, anon, authenticated, service_role;
grant select on table public.letterhead_settings to authenticated, service_role;
alter table public.letterhead_settings enable row level security;
-- Supervisors print the official report, admins edit its letterhead.
create policy "supervisors and admins read the letterhead" on public.letterhead_settings
  for select to authenticated
  using ((select private.my_role()) in ('supervisor', 'admin'));

create function public.set_letterhead(
  p_government_name text,
  p_agency_name text,
  p_address_line text,
  p_phone text,
  p_email text,
  p_website text,
  p_city text,
  p_signatory_title text,
  p_signatory_name text,
  p_signatory_nip text,
  p_expected_version integer default null
) returns public.letterhead_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.letterhead_settings;
  v_row public.letterhead_settings;
  v_new public.letterhead_settings;
begin
  perform private.require_admin();
  -- Optional lines: blank means none.
  v_new.government_name := btrim(p_government_name);
  v_new.agency_name := btrim(p_agency_name);
  v_new.address_line := btrim(p_address_line);
  v_new.phone := nullif(btrim(p_phone), '');
  v_new.email := nullif(btrim(p_email), '');
  v_new.website := nullif(btrim(p_website), '');
  v_new.city := btrim(p_city);
  v_new.signatory_title := btrim(p_signatory_title);
  v_new.signatory_name := nullif(btrim(p_signatory_name), '');
  v_new.signatory_nip := nullif(btrim(p_signatory_nip), '');
  if not coalesce(private.letterhead_line(v_new.government_name, 1, 120)
       and private.letterhead_line(v_new.agency_name, 1, 160)
       and private.letterhead_line(v_new.address_line, 1, 200)
       and (v_new.phone is null or private.letterhead_line(v_new.phone, 1, 60))
       and (v_new.email is null or (private.letterhead_line(v_new.email, 3, 120) and v_new.email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'))
       and (v_new.website is null or (private.letterhead_line(v_new.website, 3, 120) and v_new.website !~ '[[:space:]]'))
       and private.letterhead_line(v_new.city, 1, 60)
       and private.letterhead_line(v_new.signatory_title, 1, 160)
       and (v_new.signatory_name is null or private.letterhead_line(v_new.signatory_name, 1, 120)), false) then
    perform private.fail('invalid_letterhead',
      'One line each: government 1–120, agency 1–160, address 1–200, phone ≤ 60, email ≤ 120 (an address), website ≤ 120, city 1–60, title 1–160, name ≤ 120 characters.');
  end if;
  if v_new.signatory_nip is not null and v_new.signatory_nip !~ '^[0-9]{18}$' then
    perform private.fail('invalid_nip', 'A NIP has 18 digits.');
  end if;
  select * into v_before from public.letterhead_settings s where s.id for update;
  if p_expected_version is not null and v_before.version <> p_expected_version then
    perform private.fail('stale_version', 'Another administrator changed the letterhead meanwhile; reload and try again.',
      'current version ' || v_before.version);
  end if;
  -- Saving the letterhead in force changes nothing and writes no audit row.
  if (v_before.government_name, v_before.agency_name, v_before.address_line, v_before.phone, v_before.email, v_before.website,
      v_before.city, v_before.signatory_title, v_before.signatory_name, v_before.signatory_nip)
     is not distinct from
     (v_new.government_name, v_new.agency_name, v_new.address_line, v_new.phone, v_new.email, v_new.website,
      v_new.city, v_new.signatory_title, v_new.signatory_name, v_new.signatory_nip) then
    return v_before;
  end if;
  update public.letterhead_settings s set
    government_name = v_new.government_name, agency_name = v_new.agency_name, address_line = v_new.address_line,
    phone = v_new.phone, email = v_new.email, website = v_new.website, city = v_new.city,
    signatory_title = v_new.signatory_title, signatory_name = v_new.signatory_name, signatory_nip = v_new.signatory_nip,
    updated_at = now(), version = s.version + 1,
    updated_by = (select p.id from public.profiles p where p.id = auth.uid())
  where s.id
  returning * into v_row;
  perform private.log_admin_event('letterhead.changed', 'letterhead_settings', 'settings',
    to_jsonb(v_before) - 'id' - 'updated_at' - 'updated_by',
    to_jsonb(v_row) - 'id' - 'updated_at' - 'updated_by');
  return v_row;
end;
$$;
comment on function public.set_letterhead(text, text, text, text, text, text, text, text, text, text, integer) is
  'Admin: the official report''s letterhead, date-line city and signatory; blank optional lines become none. '
  'p_expected_version is the row''s (stale_version when another admin saved first). Refusals: invalid_letterhead, invalid_nip. '
  'Audited in admin_events with the letterhead before and after.';
revoke all on function public.set_letterhead(text, text, text, text, text, text, text, text, text, text, integer) from public, anon;
grant execute on function public.set_letterhead(text, text, text, text, text, text, text, text, text, text, integer) to authenticated, service_role;
