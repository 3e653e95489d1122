-- The two slowest statistics functions at 10 M calls on Postgres (issue #21) sort their duration
-- histograms (per agency × stage × second, per kecamatan × second: ~77,000 and ~40,000 rows for a
-- 30-day range) before the running counts; at the default work_mem of 4 MB the sort spilled to disk
-- (external merge, 3.3 MB and 1.8 MB). With 32 MB it stays in memory: incidents by kecamatan 86 -> 54 ms,
-- OPD response per agency 113 -> 104 ms (bench/README.md, Statistics). The answer does not change
-- (every sort there has a total order). Bounded: 32 MB per sort or hash step of these two functions only.
alter function public.stats_agency_response(timestamptz, timestamptz) set work_mem = '32MB';
alter function public.stats_incidents_by_kecamatan(timestamptz, timestamptz) set work_mem = '32MB';
