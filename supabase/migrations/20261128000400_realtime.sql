-- Live views subscribe to postgres_changes on these tables; each subscriber still gets only the
-- rows its RLS policies let it select.
alter publication supabase_realtime add table public.calls, public.incidents, public.assignments, public.incident_events;
