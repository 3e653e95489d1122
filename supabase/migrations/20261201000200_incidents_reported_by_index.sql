-- Index on incidents(reported_by) (#12): the operator read policy of 20261128000300_rls.sql lets an
-- operator see closed and cancelled incidents only where reported_by = (select auth.uid()), so
-- every operator read of history filters on it; the foreign key to profiles (on delete set null)
-- also scans incidents by it whenever a profile is deleted. Postgres does not index a referencing
-- column by itself.
create index if not exists incidents_reported_by_idx on public.incidents (reported_by);
