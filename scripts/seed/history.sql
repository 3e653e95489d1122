-- ===========================================================================================
-- History: 90 days of calls, incidents, assignments and their audit trail, ending at the moment the
-- seed runs, plus a handful of incidents open right now in every live state.
-- Deterministic: setseed() fixes every random() below, and all times are relative to one clock
-- reading, so the same rows appear (shifted to "now") on every reset. Inserted directly as the owner:
-- the workflow functions stamp now() and cannot write the past; every row still satisfies the
-- tables' constraints and the workflow's state rules.
-- Needs the temp tables seed_users and seed_areas created above.
-- ===========================================================================================
select setseed(0.112);

create temp table seed_clock as
select now() as t0, date_trunc('day', now(), 'Asia/Jakarta') as today_start;

create temp table seed_staff as
select (select array_agg(u.id order by u.email) from seed_users u where u.role = 'operator') as operators,
       (select array_agg(u.id order by u.email) from seed_users u where u.role = 'supervisor') as supervisors;

-- Day shift 07:00–19:00 WIB takes the first operator/supervisor, the night shift the second.
create function pg_temp.seed_on_shift(p_staff uuid[], p_at timestamptz) returns uuid
language sql immutable
as $$
  select case when extract(hour from p_at at time zone 'Asia/Jakarta') between 7 and 18
              then p_staff[1] else p_staff[least(2, cardinality(p_staff))] end
$$;

-- Calls per WIB hour of the day (relative weights): quiet before dawn, busy in the afternoon.
create temp table seed_hours as
select array_agg(h.lo order by h.hour) as lows, max(h.total) as total
from (
  select w.hour, sum(w.w) over (order by w.hour) - w.w as lo, sum(w.w) over () as total
  from (values (0, 3.0), (1, 2.0), (2, 1.5), (3, 1.2), (4, 1.2), (5, 1.8), (6, 3.0), (7, 4.5), (8, 5.5),
               (9, 6.0), (10, 6.0), (11, 6.0), (12, 5.5), (13, 6.0), (14, 6.5), (15, 7.0), (16, 7.0),
               (17, 7.0), (18, 6.5), (19, 6.5), (20, 6.0), (21, 5.5), (22, 4.5), (23, 3.5)) as w (hour, w)
) as h;

create temp table seed_names as
select array['Ahmad Fauzi', 'Siti Aminah', 'Budi Hartono', 'Nurhayati', 'Dedi Kurniawan', 'Rina Marlina',
             'Agus Salim', 'Yuliani', 'Hendra Gunawan', 'Eka Putri', 'Iwan Setiawan', 'Lilis Suryani',
             'Joko Susilo', 'Wati Rohayati', 'Rudi Hermawan', 'Ani Suryani', 'Tono Sutisna', 'Dewi Sartika',
             'Asep Saepudin', 'Neneng Hasanah', 'Ujang Rahmat', 'Euis Komariah', 'Mulyadi', 'Sri Wahyuni',
             'Rohman', 'Fitri Handayani', 'Bambang Irawan', 'Maya Sari', 'Samsul Bahri', 'Ratna Dewi'] as names,
       array['Menanyakan nomor layanan PLN', 'Menanyakan jadwal vaksinasi puskesmas',
             'Menanyakan rumah sakit yang buka malam ini', 'Menanyakan cara melapor kehilangan KTP',
             'Menanyakan jalur alternatif saat banjir', 'Menanyakan layanan ambulans gratis',
             'Menanyakan nomor Damkar untuk sosialisasi', 'Menanyakan jadwal kapal di Pelabuhan Merak'] as info_notes;

-- Incident categories: share of incidents, priority mix (cumulative thresholds), WIB wording.
create temp table seed_categories (
  category public.incident_category, w double precision, p_critical double precision, p_high double precision,
  p_medium double precision, descriptions text[], report text, close_summary text
);
insert into seed_categories values
  ('medical', 28, 0.10, 0.45, 0.95,
   array['Warga pingsan di rumah, sesak napas', 'Ibu hamil perlu dirujuk segera', 'Lansia jatuh di kamar mandi, tidak bisa bangun'],
   'Pasien ditangani di lokasi dan dirujuk ke fasilitas kesehatan.', 'Pasien tertangani dan dirujuk.'),
  ('traffic_accident', 22, 0.10, 0.50, 0.95,
   array['Tabrakan sepeda motor dengan truk', 'Kecelakaan tunggal, pengendara luka', 'Mobil terguling di jalan raya'],
   'Korban dievakuasi, lalu lintas diatur kembali.', 'Korban dievakuasi, jalan kembali normal.'),
  ('fire', 12, 0.25, 0.85, 1.00,
   array['Kebakaran rumah warga, asap tebal', 'Kebakaran lahan kosong dekat permukiman', 'Korsleting listrik di warung, api menyala'],
   'Api dipadamkan, pendinginan selesai.', 'Api padam, tidak ada korban jiwa.'),
  ('crime', 8, 0.05, 0.35, 0.90,
   array['Pencurian sepeda motor di parkiran', 'Perkelahian antarwarga', 'Penjambretan di pinggir jalan'],
   'Pelaku diamankan / laporan diterima unit reskrim.', 'Ditangani kepolisian.'),
  ('public_order', 8, 0.00, 0.15, 0.75,
   array['Keributan di tempat hiburan malam', 'Pedagang menutup badan jalan', 'Orang dengan gangguan jiwa mengamuk'],
   'Situasi kondusif, pihak terkait diberi pembinaan.', 'Situasi kembali tertib.'),
  ('flood', 6, 0.05, 0.40, 0.90,
   array['Banjir setinggi lutut masuk rumah warga', 'Saluran air meluap ke jalan', 'Genangan tinggi, warga minta evakuasi lansia'],
   'Warga dievakuasi, air mulai surut.', 'Air surut, warga kembali ke rumah.'),
  ('rescue', 5, 0.15, 0.60, 0.95,
   array['Anak tenggelam di kolam bekas galian', 'Kucing terjebak di atap tinggi', 'Pekerja terjebak di sumur'],
   'Korban berhasil dievakuasi.', 'Evakuasi selesai.'),
  ('industrial_accident', 4, 0.30, 0.80, 1.00,
   array['Kebocoran gas di area pabrik', 'Pekerja terjatuh dari ketinggian', 'Ledakan kecil di gudang kimia'],
   'Area diamankan, korban dirujuk.', 'Area aman, korban tertangani.'),
  ('disaster', 2, 0.30, 0.80, 1.00,
   array['Pohon tumbang menimpa rumah', 'Longsor kecil menutup jalan', 'Angin kencang merusak atap rumah warga'],
   'Material dibersihkan, warga terdampak didata.', 'Penanganan darurat selesai.'),
  ('other', 5, 0.00, 0.10, 0.70,
   array['Sarang tawon di rumah warga', 'Ular masuk rumah', 'Warga terkunci di dalam rumah'],
   'Ditangani di lokasi.', 'Selesai ditangani.');

create temp table seed_category_ranges as
select c.*, sum(c.w) over (order by c.category) - c.w as lo, sum(c.w) over (order by c.category) as hi,
       sum(c.w) over () as total
from seed_categories c;

create temp table seed_area_ranges as
select a.*, sum(a.weight) over (order by a.ord) - a.weight as lo, sum(a.weight) over (order by a.ord) as hi,
       sum(a.weight) over () as total,
       -- Pulomerak and Ciwandan lie far from most posts: units take longer to get there.
       case a.kecamatan when 'Pulomerak' then 1.25 when 'Ciwandan' then 1.2 else 1.0 end as travel_factor
from seed_areas a;

-- Which agencies each category goes to: the first always, the others with a probability.
create temp table seed_category_agencies (category public.incident_category, code text, prob double precision, is_primary boolean);
insert into seed_category_agencies values
  ('medical', 'PSC119', 1, true), ('medical', 'RSUD', 0.2, false),
  ('traffic_accident', 'POLRES', 1, true), ('traffic_accident', 'PSC119', 0.8, false), ('traffic_accident', 'DISHUB', 0.4, false),
  ('fire', 'DPKP', 1, true), ('fire', 'PSC119', 0.3, false), ('fire', 'POLRES', 0.2, false),
  ('crime', 'POLRES', 1, true),
  ('public_order', 'SATPOLPP', 1, true), ('public_order', 'POLRES', 0.3, false),
  ('flood', 'BPBD', 1, true), ('flood', 'DINSOS', 0.3, false),
  ('rescue', 'DPKP', 1, true), ('rescue', 'BASARNAS', 0.4, false),
  ('industrial_accident', 'DPKP', 1, true), ('industrial_accident', 'PSC119', 0.7, false), ('industrial_accident', 'BPBD', 0.3, false),
  ('disaster', 'BPBD', 1, true), ('disaster', 'DPKP', 0.4, false), ('disaster', 'DINSOS', 0.3, false),
  ('other', 'SATPOLPP', 1, true), ('other', 'DPKP', 0.4, false);

-- How quickly each agency acknowledges, relative to the others.
create temp table seed_agency_speed (code text, factor double precision);
insert into seed_agency_speed values ('DPKP', 0.7), ('PSC119', 0.9), ('RSUD', 1.2), ('POLRES', 1.0), ('BPBD', 1.1),
  ('SATPOLPP', 1.2), ('DISHUB', 1.4), ('DINSOS', 1.6), ('BASARNAS', 1.0);

-- -------------------------------------------------------------------------------------------
-- the call stream: ~160–255 calls a day, stopping 15 minutes before now
-- -------------------------------------------------------------------------------------------
create temp table seed_raw_calls as
with days as (
  select c.today_start - d * interval '24 hours' as day_start,
         160 + floor(random() * 70)::integer
         + case when extract(isodow from (c.today_start - d * interval '24 hours') at time zone 'Asia/Jakarta') >= 6
                then 25 else 0 end as n_calls
  from seed_clock c, generate_series(0, 89) as d
),
raw as (
  select dy.day_start, random() as u_hour, random() as u_in_hour, random() as u_type, random() as u1,
         random() as u2, random() as u3, random() as u4, random() as u5, random() as u6, random() as u7
  from days dy, generate_series(1, dy.n_calls) as k
)
select r.*, x.hour, r.day_start + make_interval(hours => x.hour) + r.u_in_hour * interval '1 hour' as received_at
from raw r
cross join seed_hours h
-- width_bucket finds the hour whose share of the day's calls the random draw falls into.
cross join lateral (select width_bucket((r.u_hour * h.total)::numeric, h.lows) - 1 as hour) as x;

delete from seed_raw_calls r using seed_clock c where r.received_at > c.t0 - interval '15 minutes';

-- Nuisance calls peak after school and in the evening; at night fewer information requests.
create temp table seed_typed_calls as
select r.*,
  (case
     when r.hour between 14 and 21 then
       case when r.u_type < 0.17 then 'emergency' when r.u_type < 0.29 then 'info' when r.u_type < 0.58 then 'ghost' else 'prank' end
     when r.hour < 6 then
       case when r.u_type < 0.22 then 'emergency' when r.u_type < 0.30 then 'info' when r.u_type < 0.70 then 'ghost' else 'prank' end
     else
       case when r.u_type < 0.21 then 'emergency' when r.u_type < 0.37 then 'info' when r.u_type < 0.70 then 'ghost' else 'prank' end
   end)::public.call_type as call_type,
  case when r.hour between 7 and 18 then 1.0 else 1.2 end as shift_factor
from seed_raw_calls r;

create temp table seed_call (
  id uuid primary key,
  received_at timestamptz not null,
  answered_at timestamptz,
  classified_at timestamptz,
  ended_at timestamptz,
  reported_at timestamptz,
  call_type public.call_type,
  operator_id uuid,
  caller_phone text,
  caller_name text,
  incident_id uuid,
  notes text
);

insert into seed_call
select md5('call:' || row_number() over (order by t.received_at, t.u1))::uuid,
  t.received_at,
  t.received_at + a.answer_s * interval '1 second',
  t.received_at + (a.answer_s + a.classify_s) * interval '1 second',
  -- An emergency ends after its report is recorded and the caller is told what happens next.
  t.received_at + (a.answer_s + a.classify_s + case when t.call_type = 'emergency' then a.report_s else 0 end + a.close_s)
    * interval '1 second',
  case when t.call_type = 'emergency' then t.received_at + (a.answer_s + a.classify_s + a.report_s) * interval '1 second' end,
  t.call_type,
  case when t.u6 < 0.05 then pg_temp.seed_on_shift(s.supervisors, t.received_at)
       else pg_temp.seed_on_shift(s.operators, t.received_at) end,
  '08' || (11 + floor(t.u5 * 48))::integer || lpad(floor(t.u7 * 100000000)::bigint::text, 8, '0'),
  case when t.call_type = 'emergency' and t.u4 < 0.85 or t.call_type = 'info' and t.u4 < 0.7
         or t.call_type = 'prank' and t.u4 < 0.1
       then n.names[1 + floor(t.u7 * cardinality(n.names))::integer] end,
  null,
  case t.call_type
    when 'ghost' then 'Tidak ada suara, panggilan terputus'
    when 'prank' then 'Panggilan iseng'
    when 'info' then n.info_notes[1 + floor(t.u4 * cardinality(n.info_notes))::integer]
  end
from seed_typed_calls t
cross join seed_staff s
cross join seed_names n
cross join lateral (
  -- Ringing time: most calls picked up within the 10 s of NFPA 1225, a tail at night.
  select least(300, 1 + -ln(1 - t.u1) * 3.5 * t.shift_factor) as answer_s,
         -- Answered → type verified; for an emergency the form is filled afterwards (report_s).
         least(400, case t.call_type
           when 'emergency' then 10 + -ln(1 - t.u2) * 8
           when 'info' then 15 + -ln(1 - t.u2) * 15
           when 'ghost' then 4 + -ln(1 - t.u2) * 6
           else 8 + -ln(1 - t.u2) * 9 end) as classify_s,
         least(300, case t.call_type when 'emergency' then 3 + -ln(1 - t.u3) * 6 else 2 + -ln(1 - t.u3) * 5 end) as close_s,
         -- Classified → report recorded: the emergency form (location, category, description).
         least(180, 20 + -ln(1 - t.u4) * 18) as report_s
) as a;

-- -------------------------------------------------------------------------------------------
-- incidents: one per emergency call of the stream (repeat callers are added afterwards)
-- -------------------------------------------------------------------------------------------
create temp table seed_incident (
  id uuid primary key,
  call_id uuid not null,
  reported_at timestamptz not null,
  reported_by uuid,
  category public.incident_category not null,
  priority public.incident_priority not null,
  description text not null,
  lat double precision not null,
  lng double precision not null,
  address text,
  kecamatan text,
  kelurahan text,
  dispatched_at timestamptz,
  acknowledged_at timestamptz,
  on_scene_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  close_summary text,
  close_delay interval not null,
  status public.incident_status,
  ticket_no text
);

insert into seed_incident (id, call_id, reported_at, reported_by, category, priority, description, lat, lng, address,
                           kecamatan, kelurahan, dispatched_at, cancelled_at, cancel_reason, close_summary, close_delay)
select md5('incident:' || x.call_id)::uuid, x.call_id, x.reported_at, x.operator_id, cat.category,
  (case when x.v2 < cat.p_critical then 'critical' when x.v2 < cat.p_high then 'high'
        when x.v2 < cat.p_medium then 'medium' else 'low' end)::public.incident_priority,
  cat.descriptions[1 + floor(x.v3 * cardinality(cat.descriptions))::integer] || ', Kel. ' || kel.k,
  round((ar.lat + (x.v4 - 0.5) * 0.024)::numeric, 6)::double precision,
  round(greatest(105.955, ar.lng + (x.v5 - 0.5) * 0.024)::numeric, 6)::double precision,
  'Kel. ' || kel.k || ', Kec. ' || ar.kecamatan,
  ar.kecamatan, kel.k,
  case when x.v6 >= 0.03
       then x.reported_at + least(900, 15 + -ln(1 - x.v7) * 35 * case when x.v2 >= cat.p_medium then 1.4 else 1 end)
            * interval '1 second' end,
  case when x.v6 < 0.03 then x.reported_at + (120 + x.v7 * 360) * interval '1 second' end,
  case when x.v6 < 0.03 then 'Sudah ditangani warga sebelum petugas diberangkatkan' end,
  cat.close_summary,
  (180 + -ln(1 - x.v8) * 1200) * interval '1 second'
from (
  select c.id as call_id, c.reported_at, c.operator_id, random() as v1, random() as v2, random() as v3, random() as v4,
         random() as v5, random() as v6, random() as v7, random() as v8, random() as v9, random() as v10
  from seed_call c
  where c.call_type = 'emergency'
  order by c.received_at
) as x
join seed_category_ranges cat on x.v1 * cat.total >= cat.lo and x.v1 * cat.total < cat.hi
join seed_area_ranges ar on x.v9 * ar.total >= ar.lo and x.v9 * ar.total < ar.hi
cross join lateral (select ar.kelurahan[1 + floor(x.v10 * cardinality(ar.kelurahan))::integer] as k) as kel;

update seed_call c set incident_id = i.id from seed_incident i where i.call_id = c.id;

-- -------------------------------------------------------------------------------------------
-- assignments: fitting agencies per category, all assigned at dispatch
-- -------------------------------------------------------------------------------------------
create temp table seed_assignment (
  id uuid primary key,
  incident_id uuid not null,
  agency_id uuid not null,
  assigned_at timestamptz not null,
  acknowledged_at timestamptz,
  en_route_at timestamptz,
  on_scene_at timestamptz,
  completed_at timestamptz,
  declined_at timestamptz,
  report text,
  decline_reason text,
  status public.assignment_status,
  dead_count integer,
  seriously_injured_count integer,
  lightly_injured_count integer,
  evacuated_count integer
);

insert into seed_assignment (id, incident_id, agency_id, assigned_at, acknowledged_at, en_route_at, on_scene_at,
                             completed_at, declined_at, report, decline_reason)
select md5('assignment:' || y.incident_id || ':' || y.code)::uuid, y.incident_id, y.agency_id, y.assigned_at,
  case when not y.declined then y.assigned_at + t.ack_s * interval '1 second' end,
  case when not y.declined and y.w5 >= 0.1 then y.assigned_at + (t.ack_s + t.en_route_s) * interval '1 second' end,
  case when not y.declined and not y.remote
       then y.assigned_at + (t.ack_s + t.en_route_s + t.travel_s) * interval '1 second' end,
  case when not y.declined
       then y.assigned_at + (t.ack_s + t.en_route_s + case when y.remote then 0 else t.travel_s end + t.work_s)
            * interval '1 second' end,
  case when y.declined then y.assigned_at + (60 + y.w2 * 300) * interval '1 second' end,
  case when not y.declined then y.report end,
  case when y.declined then 'Unit sedang bertugas di lokasi lain' end
from (
  select i.id as incident_id, ag.id as agency_id, ca.code, i.dispatched_at as assigned_at, cat.report,
         ar.travel_factor, sp.factor as speed,
         not ca.is_primary and random() < 0.06 as declined,
         ca.code = 'DINSOS' or random() > 0.93 as remote,
         random() as w2, random() as w3, random() as w4, random() as w5, random() as w6, ca.prob, random() as pick
  from seed_incident i
  join seed_category_agencies ca on ca.category = i.category
  join public.agencies ag on ag.code = ca.code
  join seed_agency_speed sp on sp.code = ca.code
  join seed_categories cat on cat.category = i.category
  join seed_area_ranges ar on ar.kecamatan = i.kecamatan
  where i.dispatched_at is not null
  order by i.reported_at, ca.code
) as y
cross join lateral (
  select least(1800, (10 + -ln(1 - y.w2) * 45) * y.speed) as ack_s,
         least(900, 15 + -ln(1 - y.w3) * 50) as en_route_s,
         least(3600, (150 + -ln(1 - y.w4) * 260) * y.travel_factor) as travel_s,
         least(4 * 3600, (15 + -ln(1 - y.w6) * 50) * 60) as work_s
) as t
-- Drawn per incident and agency in the subquery: a filter there would be pushed down to the
-- agencies table and draw once per agency instead.
where y.prob >= 1 or y.pick < y.prob;

-- -------------------------------------------------------------------------------------------
-- incidents open right now, one or more per live state, so the live screens have work to show
-- -------------------------------------------------------------------------------------------
create temp table seed_live (
  k integer, category public.incident_category, priority public.incident_priority, kecamatan text, kelurahan text,
  description text, reported_ago integer, dispatched_ago integer, dlat double precision, dlng double precision
);
insert into seed_live values
  (1, 'traffic_accident', 'high', 'Jombang', 'Masigit', 'Tabrakan dua sepeda motor di depan pasar, satu korban luka', 120, null, 0.004, -0.003),
  (2, 'fire', 'critical', 'Citangkil', 'Deringo', 'Kebakaran gudang kayu, api membesar', 480, null, -0.003, 0.004),
  (3, 'medical', 'high', 'Cibeber', 'Kalitimbang', 'Warga kejang-kejang di rumah, keluarga panik', 300, 180, 0.002, 0.002),
  (4, 'crime', 'medium', 'Grogol', 'Rawa Arum', 'Percobaan pencurian di toko, pelaku masih di sekitar', 840, 660, -0.004, -0.002),
  (5, 'flood', 'high', 'Ciwandan', 'Kepuh', 'Banjir masuk rumah warga, lansia perlu dievakuasi', 1500, 1320, 0.003, 0.006),
  (6, 'fire', 'critical', 'Purwakarta', 'Kotabumi', 'Kebakaran rumah dua lantai, ada penghuni di dalam', 2400, 2280, -0.002, 0.003),
  (7, 'traffic_accident', 'critical', 'Pulomerak', 'Mekarsari', 'Truk menabrak mobil di jalan menuju pelabuhan', 4200, 4080, 0.003, 0.002),
  (8, 'medical', 'medium', 'Cilegon', 'Ciwedus', 'Pekerja jatuh dari tangga, kaki terluka', 5400, 5280, -0.003, -0.003);

-- Seconds ago of each step per agency (null = not yet).
create temp table seed_live_assignments (k integer, code text, ack_ago integer, en_route_ago integer, on_scene_ago integer, completed_ago integer);
insert into seed_live_assignments values
  (3, 'PSC119', null, null, null, null),
  (4, 'POLRES', null, null, null, null),
  (5, 'BPBD', 1200, 1020, null, null), (5, 'DINSOS', null, null, null, null),
  (6, 'DPKP', 2220, 2160, 1680, null), (6, 'PSC119', 2100, 2040, 1500, null),
  (7, 'POLRES', 3960, 3900, 3300, null), (7, 'PSC119', 3990, 3930, 3360, 600), (7, 'DISHUB', 3700, 3600, 3000, null),
  (8, 'PSC119', 5100, 5040, 4500, 300);

-- The reporting call of each live incident: rang 75 s before the report, answered 12 s later, type
-- verified after 30 s in all, the form filled in 45 s (the report), ended 15 s after it.
insert into seed_call (id, received_at, answered_at, classified_at, ended_at, reported_at, call_type, operator_id,
                       caller_phone, caller_name, incident_id, notes)
select md5('live-call:' || l.k)::uuid, c.t0 - (l.reported_ago + 75) * interval '1 second',
  c.t0 - (l.reported_ago + 63) * interval '1 second', c.t0 - (l.reported_ago + 45) * interval '1 second',
  c.t0 - (l.reported_ago - 15) * interval '1 second', c.t0 - l.reported_ago * interval '1 second', 'emergency',
  pg_temp.seed_on_shift(s.operators, c.t0 - l.reported_ago * interval '1 second'),
  '0812' || lpad((1000000 + l.k * 7919)::text, 8, '0'), n.names[l.k], md5('live-incident:' || l.k)::uuid, null
from seed_live l cross join seed_clock c cross join seed_staff s cross join seed_names n;

insert into seed_incident (id, call_id, reported_at, reported_by, category, priority, description, lat, lng, address,
                           kecamatan, kelurahan, dispatched_at, close_summary, close_delay)
select md5('live-incident:' || l.k)::uuid, md5('live-call:' || l.k)::uuid, c.t0 - l.reported_ago * interval '1 second',
  pg_temp.seed_on_shift(s.operators, c.t0 - l.reported_ago * interval '1 second'), l.category, l.priority,
  l.description || ', Kel. ' || l.kelurahan, a.lat + l.dlat, greatest(105.955, a.lng + l.dlng),
  'Kel. ' || l.kelurahan || ', Kec. ' || l.kecamatan, l.kecamatan, l.kelurahan,
  c.t0 - l.dispatched_ago * interval '1 second', null, interval '1 day'
from seed_live l cross join seed_clock c cross join seed_staff s join seed_areas a on a.kecamatan = l.kecamatan;

insert into seed_assignment (id, incident_id, agency_id, assigned_at, acknowledged_at, en_route_at, on_scene_at,
                             completed_at, report)
select md5('live-assignment:' || la.k || ':' || la.code)::uuid, md5('live-incident:' || la.k)::uuid, ag.id,
  c.t0 - l.dispatched_ago * interval '1 second', c.t0 - la.ack_ago * interval '1 second',
  c.t0 - la.en_route_ago * interval '1 second', c.t0 - la.on_scene_ago * interval '1 second',
  c.t0 - la.completed_ago * interval '1 second',
  case when la.completed_ago is not null then 'Korban ditangani dan dirujuk ke rumah sakit.' end
from seed_live_assignments la
join seed_live l on l.k = la.k
join public.agencies ag on ag.code = la.code
cross join seed_clock c;

-- Repeat callers: about one incident in six gets one to three more calls about the same event,
-- which the operator links to the open ticket instead of reporting it again.
insert into seed_call (id, received_at, answered_at, classified_at, ended_at, call_type, operator_id, caller_phone,
                       caller_name, incident_id, notes)
select md5('repeat-call:' || z.incident_id || ':' || z.k)::uuid, z.received_at,
  z.received_at + z.answer_s * interval '1 second',
  z.received_at + (z.answer_s + z.classify_s) * interval '1 second',
  z.received_at + (z.answer_s + z.classify_s + z.close_s) * interval '1 second',
  'emergency', pg_temp.seed_on_shift(s.operators, z.received_at),
  '08' || (11 + floor(z.u1 * 48))::integer || lpad(floor(z.u2 * 100000000)::bigint::text, 8, '0'),
  case when z.u3 < 0.8 then n.names[1 + floor(z.u2 * cardinality(n.names))::integer] end,
  z.incident_id, 'Penelepon lain melaporkan kejadian yang sama'
from (
  select i.id as incident_id, k, i.reported_at + (60 + least(540, -ln(1 - random()) * 300)) * interval '1 second' as received_at,
         least(300, 3 + -ln(1 - random()) * 17) as answer_s, least(300, 15 + -ln(1 - random()) * 10) as classify_s,
         least(120, 5 + -ln(1 - random()) * 5) as close_s, random() as u1, random() as u2, random() as u3
  from seed_incident i
  cross join lateral generate_series(1, 1 + floor(random() * 3)::integer) as k
  where i.cancelled_at is null and i.id in (select x.id from seed_incident x where random() < 0.17)
  order by i.reported_at, k
) as z
cross join seed_staff s cross join seed_names n, seed_clock c
where z.received_at < c.t0 - interval '15 minutes';

create index on seed_assignment (incident_id);
analyze seed_assignment;
analyze seed_incident;
analyze seed_call;

-- -------------------------------------------------------------------------------------------
-- now: steps that would happen after the seed's clock reading have not happened yet
-- -------------------------------------------------------------------------------------------
update seed_assignment a set
  acknowledged_at = case when a.acknowledged_at <= c.t0 then a.acknowledged_at end,
  en_route_at = case when a.en_route_at <= c.t0 then a.en_route_at end,
  on_scene_at = case when a.on_scene_at <= c.t0 then a.on_scene_at end,
  completed_at = case when a.completed_at <= c.t0 then a.completed_at end,
  declined_at = case when a.declined_at <= c.t0 then a.declined_at end
from seed_clock c;

update seed_assignment a set
  status = case when a.declined_at is not null then 'declined' when a.completed_at is not null then 'completed'
                when a.on_scene_at is not null then 'on_scene' when a.en_route_at is not null then 'en_route'
                when a.acknowledged_at is not null then 'acknowledged' else 'assigned' end::public.assignment_status,
  report = case when a.completed_at is not null then a.report end,
  decline_reason = case when a.declined_at is not null then a.decline_reason end;

-- Victim counts of the completed reports whose category asks for them (categoryNeedsCounts in
-- lib/domain/opd-inbox.ts): mostly none, now and then a few. Drawn from a hash of the assignment id
-- rather than random(), so the rows drawn above stay the same and no plan order can change them.
update seed_assignment a set
  dead_count = case when h.u1 < 0.02 then 1 else 0 end,
  seriously_injured_count = floor(h.u2 ^ 4 * 4)::integer,
  lightly_injured_count = floor(h.u3 ^ 2 * 5)::integer,
  evacuated_count = floor(h.u4 ^ 2 * case when h.category in ('flood', 'disaster', 'fire') then 20 else 4 end)::integer
from (
  select x.id, i.category,
         ('x' || substr(md5(x.id || ':dead'), 1, 8))::bit(32)::bigint / 4294967296.0 as u1,
         ('x' || substr(md5(x.id || ':serious'), 1, 8))::bit(32)::bigint / 4294967296.0 as u2,
         ('x' || substr(md5(x.id || ':light'), 1, 8))::bit(32)::bigint / 4294967296.0 as u3,
         ('x' || substr(md5(x.id || ':evacuated'), 1, 8))::bit(32)::bigint / 4294967296.0 as u4
  from seed_assignment x
  join seed_incident i on i.id = x.incident_id
  where x.status = 'completed'
    and i.category in ('fire', 'medical', 'traffic_accident', 'disaster', 'flood', 'industrial_accident', 'rescue')
) as h
where h.id = a.id;

update seed_incident i set
  cancelled_at = case when i.cancelled_at <= c.t0 then i.cancelled_at end,
  dispatched_at = case when i.dispatched_at <= c.t0 then i.dispatched_at end
from seed_clock c;

delete from seed_assignment a using seed_incident i where a.incident_id = i.id and i.dispatched_at is null;

-- Stage stamps and status as private.sync_incident derives them from the active assignments.
update seed_incident i set
  acknowledged_at = r.first_ack,
  on_scene_at = r.first_scene,
  resolved_at = case when r.active > 0 and r.completed = r.active then r.last_completed end
from (
  select a.incident_id, count(*) as active, count(a.completed_at) as completed, min(a.acknowledged_at) as first_ack,
         min(a.on_scene_at) as first_scene, max(a.completed_at) as last_completed,
         max(case when a.on_scene_at is not null then 3 when a.acknowledged_at is not null then 2 else 1 end) as level
  from seed_assignment a
  where a.status not in ('declined', 'withdrawn')
  group by a.incident_id
) as r
where r.incident_id = i.id;

update seed_incident i set
  closed_at = case when i.resolved_at + i.close_delay <= c.t0 then i.resolved_at + i.close_delay end
from seed_clock c;

update seed_incident i set
  close_summary = case when i.closed_at is not null then i.close_summary end,
  cancel_reason = case when i.cancelled_at is not null then i.cancel_reason end,
  status = (case
    when i.cancelled_at is not null then 'cancelled'
    when i.closed_at is not null then 'closed'
    when i.resolved_at is not null then 'resolved'
    when exists (select from seed_assignment a where a.incident_id = i.id and a.status not in ('declined', 'withdrawn')
                   and a.on_scene_at is not null) then 'on_scene'
    when i.acknowledged_at is not null then 'acknowledged'
    when i.dispatched_at is not null then 'dispatched'
    else 'reported' end)::public.incident_status;

-- Tickets are numbered per WIB day in report order, as private.next_ticket_no does.
update seed_incident i set ticket_no = t.ticket_no
from (
  select x.id, '112-' || to_char(x.reported_at at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-'
         || lpad(row_number() over (partition by (x.reported_at at time zone 'Asia/Jakarta')::date
                                    order by x.reported_at, x.id)::text, 4, '0') as ticket_no
  from seed_incident x
) as t
where t.id = i.id;

-- -------------------------------------------------------------------------------------------
-- into the real tables
-- -------------------------------------------------------------------------------------------
-- Triggers, including the foreign-key checks, are off for the bulk load: checking ~150k references
-- one by one would take most of the seed's time on PGlite. The rows are built from each other above
-- (tests/conformance/seed.test.ts checks that no reference dangles). A plain SET, which Supabase
-- allows its postgres role for this setting (supautils privileged_role_allowed_configs).
set session_replication_role = replica;

insert into public.incidents (id, ticket_no, status, category, priority, description, lat, lng, address, kecamatan,
  kelurahan, reported_by, reported_at, dispatched_at, acknowledged_at, on_scene_at, resolved_at, closed_at,
  cancelled_at, cancel_reason, close_summary, version, created_at, updated_at)
select i.id, i.ticket_no, i.status, i.category, i.priority, i.description, i.lat, i.lng, i.address, i.kecamatan,
  i.kelurahan, i.reported_by, i.reported_at, i.dispatched_at, i.acknowledged_at, i.on_scene_at, i.resolved_at,
  i.closed_at, i.cancelled_at, i.cancel_reason, i.close_summary,
  1 + (i.dispatched_at is not null)::integer + (i.closed_at is not null or i.cancelled_at is not null)::integer
    + coalesce((select sum((a.acknowledged_at is not null)::integer + (a.en_route_at is not null)::integer
                           + (a.on_scene_at is not null)::integer + (a.completed_at is not null)::integer
                           + (a.declined_at is not null)::integer)
                from seed_assignment a where a.incident_id = i.id), 0)::integer,
  i.reported_at,
  greatest(i.reported_at, i.dispatched_at, i.acknowledged_at, i.on_scene_at, i.resolved_at, i.closed_at, i.cancelled_at)
from seed_incident i
order by i.reported_at;

-- recorded_at as the workflow stamps it (migration 20261203050100): the report or the link of an
-- emergency, the classification of a nuisance call, the end with its note of an information call.
-- About four calls in five came through the telephony feed (their ringing time is measured); the
-- others were entered by hand, which stamps received and answered at once.
insert into public.calls (id, idempotency_key, source, external_id, received_at, answered_at, classified_at, recorded_at,
  ended_at, call_type, operator_id, caller_phone, caller_name, incident_id, notes, version, created_at, updated_at)
select c.id, md5('call-key:' || c.id)::uuid,
  case when c.via_pbx then 'telephony' else 'manual' end::public.call_source,
  case when c.via_pbx then 'seed-' || c.id end,
  c.received_at, case when c.via_pbx then c.answered_at else c.received_at end, c.classified_at,
  case when c.call_type in ('ghost', 'prank') then c.classified_at
       when c.reported_at is not null then c.reported_at
       when c.incident_id is not null then greatest(c.ended_at - interval '2 seconds', c.classified_at)
       when c.call_type = 'info' and c.notes is not null then c.ended_at
  end,
  c.ended_at,
  c.call_type, c.operator_id, c.caller_phone, c.caller_name, c.incident_id, c.notes,
  1 + (c.answered_at is not null)::integer + (c.classified_at is not null)::integer
    + (c.incident_id is not null)::integer + (c.ended_at is not null)::integer,
  c.received_at, coalesce(c.ended_at, c.classified_at, c.answered_at, c.received_at)
from (select s.*, left(md5('pbx:' || s.id), 1) < 'd' as via_pbx from seed_call s) c
order by c.received_at;

insert into public.assignments (id, incident_id, agency_id, status, assigned_by, assigned_at, acknowledged_at,
  en_route_at, on_scene_at, completed_at, declined_at, report, decline_reason, dead_count, seriously_injured_count,
  lightly_injured_count, evacuated_count, version, created_at, updated_at)
select a.id, a.incident_id, a.agency_id, a.status, pg_temp.seed_on_shift(s.supervisors, a.assigned_at), a.assigned_at,
  a.acknowledged_at, a.en_route_at, a.on_scene_at, a.completed_at, a.declined_at, a.report, a.decline_reason,
  a.dead_count, a.seriously_injured_count, a.lightly_injured_count, a.evacuated_count,
  1 + (a.acknowledged_at is not null)::integer + (a.en_route_at is not null)::integer
    + (a.on_scene_at is not null)::integer + (a.completed_at is not null)::integer + (a.declined_at is not null)::integer,
  a.assigned_at,
  greatest(a.assigned_at, a.acknowledged_at, a.en_route_at, a.on_scene_at, a.completed_at, a.declined_at)
from seed_assignment a cross join seed_staff s
order by a.assigned_at, a.id;

-- -------------------------------------------------------------------------------------------
-- the audit trail, one event per step in time order, as the workflow functions write it
-- -------------------------------------------------------------------------------------------
create temp table seed_liaison as
select distinct on (p.agency_id) p.agency_id, p.id
from public.profiles p
where p.role = 'opd'
order by p.agency_id, p.id;

insert into public.incident_events (incident_id, call_id, assignment_id, actor_id, kind, data, at)
select e.incident_id, e.call_id, e.assignment_id, e.actor_id, e.kind, e.data, e.at
from (
  select null::uuid as incident_id, c.id as call_id, null::uuid as assignment_id, c.operator_id as actor_id,
         'call_started'::public.incident_event_kind as kind, '{"source":"manual"}'::jsonb as data, c.received_at as at
  from seed_call c
  union all
  select null, c.id, null, c.operator_id, 'call_answered', '{}'::jsonb, c.answered_at
  from seed_call c where c.answered_at is not null
  union all
  select null, c.id, null, c.operator_id, 'call_classified',
         jsonb_build_object('call_type', c.call_type, 'previous', null), c.classified_at
  from seed_call c where c.classified_at is not null
  union all
  select i.id, i.call_id, null, i.reported_by, 'incident_reported',
         jsonb_build_object('ticket_no', i.ticket_no, 'category', i.category, 'priority', i.priority), i.reported_at
  from seed_incident i
  union all
  -- A repeat caller is linked to the open ticket just before the call ends.
  select c.incident_id, c.id, null, c.operator_id, 'call_linked', '{}'::jsonb, c.ended_at - interval '2 seconds'
  from seed_call c where c.incident_id is not null and c.reported_at is null
  union all
  select c.incident_id, c.id, null, c.operator_id, 'call_ended',
         jsonb_build_object('call_type', c.call_type, 'answered', c.answered_at is not null), c.ended_at
  from seed_call c where c.ended_at is not null
  union all
  select i.id, null, null, pg_temp.seed_on_shift(s.supervisors, i.dispatched_at), 'dispatched',
         jsonb_build_object('agency_ids', (select jsonb_agg(a.agency_id order by a.id) from seed_assignment a
                                            where a.incident_id = i.id), 'version', 1),
         i.dispatched_at
  from seed_incident i cross join seed_staff s where i.dispatched_at is not null
  union all
  select a.incident_id, null, a.id, l.id, st.kind,
         jsonb_build_object('from', st.from_status, 'agency_id', a.agency_id)
           || case when st.kind = 'declined' then jsonb_build_object('reason', a.decline_reason) else '{}'::jsonb end,
         st.at
  from seed_assignment a
  left join seed_liaison l on l.agency_id = a.agency_id
  cross join lateral (values
    ('acknowledged'::public.incident_event_kind, 'assigned', a.acknowledged_at),
    ('en_route', 'acknowledged', a.en_route_at),
    ('on_scene', case when a.en_route_at is null then 'acknowledged' else 'en_route' end, a.on_scene_at),
    ('completed', case when a.on_scene_at is not null then 'on_scene' when a.en_route_at is not null then 'en_route'
                       else 'acknowledged' end, a.completed_at),
    ('declined', 'assigned', a.declined_at)
  ) as st (kind, from_status, at)
  where st.at is not null
  union all
  select i.id, null, null, pg_temp.seed_on_shift(s.supervisors, i.cancelled_at), 'cancelled',
         jsonb_build_object('reason', i.cancel_reason, 'withdrawn_assignments', 0), i.cancelled_at
  from seed_incident i cross join seed_staff s where i.cancelled_at is not null
  union all
  select i.id, null, null, pg_temp.seed_on_shift(s.supervisors, i.closed_at), 'closed',
         jsonb_build_object('forced', false, 'withdrawn_assignments', 0), i.closed_at
  from seed_incident i cross join seed_staff s where i.closed_at is not null
) as e
order by e.at, e.kind;

-- -------------------------------------------------------------------------------------------
-- dispatch accuracy: most completing liaisons answered the two questions (issue #18 §5); a
-- supporting agency was often not needed (DPKP at "other" incidents most of all), and now and then
-- an agency that was not sent is named as missing
-- -------------------------------------------------------------------------------------------
insert into public.dispatch_feedback (assignment_id, incident_id, agency_id, agency_needed, missing_agency_ids,
  answered_by, answered_at)
select a.id, a.incident_id, a.agency_id,
  ('x' || left(md5('needed:' || a.id), 4))::bit(16)::integer / 65536.0 >=
    case when ca.is_primary then 0.03 when i.category = 'other' and ca.code = 'DPKP' then 0.7 else 0.3 end,
  case when ('x' || left(md5('missing:' || a.id), 4))::bit(16)::integer / 65536.0 < 0.08
       then coalesce((select array[g.id] from public.agencies g
                      where g.id <> a.agency_id
                        and not exists (select 1 from seed_assignment b where b.incident_id = a.incident_id and b.agency_id = g.id)
                      order by md5(g.id::text || a.id::text) limit 1), '{}')
       else '{}' end,
  l.id, a.completed_at
from seed_assignment a
join seed_incident i on i.id = a.incident_id
join public.agencies ag on ag.id = a.agency_id
join seed_category_agencies ca on ca.category = i.category and ca.code = ag.code
left join seed_liaison l on l.agency_id = a.agency_id
where a.completed_at is not null and left(md5('answered:' || a.id), 1) < 'd'
order by a.completed_at, a.id;

set session_replication_role = origin;

-- The statistics rollups (migration 000500) are kept by triggers, which were off for the bulk load:
-- build them from the rows now.
select private.stats_rebuild();

-- The next ticket of today continues after the seeded ones.
insert into private.ticket_counters (day, last_no)
select (i.reported_at at time zone 'Asia/Jakarta')::date, count(*)
from public.incidents i
group by 1
on conflict (day) do update set last_no = greatest(private.ticket_counters.last_no, excluded.last_no);

drop function pg_temp.seed_on_shift(uuid[], timestamptz);
drop table seed_clock, seed_staff, seed_hours, seed_names, seed_categories, seed_category_ranges, seed_area_ranges,
  seed_category_agencies, seed_agency_speed, seed_raw_calls, seed_typed_calls, seed_call, seed_incident,
  seed_assignment, seed_live, seed_live_assignments, seed_liaison, seed_users, seed_areas;
