-- The statistics functions without JIT (issue #21). On Postgres (jit = on, jit_above_cost 100000)
-- a 30-day page range of stats_sla_compliance took 8.2–10.5 s at 1 M calls, of which the query
-- itself ran 0.1 s: the rest was LLVM compiling the plan (EXPLAIN ANALYZE: the first node's start
-- at 10,339 ms). The plans are cheap to run but estimated dear, because the cached generic plan
-- costs the partial-edge scans of the raw rows, which a whole-day range never executes. With
-- jit = off the same call took 64–87 ms. Only these functions; PGlite has no JIT (the setting is a no-op).
alter function public.stats_calls_by_type(timestamptz, timestamptz, text) set jit = off;
alter function public.stats_calls_by_hour_of_day(timestamptz, timestamptz) set jit = off;
alter function public.stats_sla_compliance(timestamptz, timestamptz) set jit = off;
alter function public.stats_incidents_by_category(timestamptz, timestamptz) set jit = off;
alter function public.stats_incidents_by_kecamatan(timestamptz, timestamptz) set jit = off;
alter function public.stats_agency_response(timestamptz, timestamptz) set jit = off;
alter function public.stats_operator_stage_times(timestamptz, timestamptz) set jit = off;
alter function public.stats_answer_time(timestamptz, timestamptz) set jit = off;
alter function public.stats_major_incidents(timestamptz, timestamptz) set jit = off;
alter function public.stats_call_funnel(timestamptz, timestamptz) set jit = off;
alter function public.stats_dispatch_accuracy(timestamptz, timestamptz) set jit = off;
alter function public.run_card_feedback_hints(integer) set jit = off;
