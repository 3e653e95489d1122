-- The service standard's "data laporan" stage (issue #16 §2, DESIGN.md §5): type verified → report
-- recorded. A file of its own because Postgres 15 cannot use an enum value in the transaction that
-- added it, and every migration file is applied in one transaction (supabase/local/db/migrate.ts;
-- `supabase db push` does the same). 20261203050100_call_stages.sql uses it.
alter type public.sla_stage add value if not exists 'record' after 'classify';
