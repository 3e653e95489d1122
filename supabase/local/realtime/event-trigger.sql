-- Separate from change-capture.sql because creating an event trigger needs a superuser: when the
-- stack runs as another role this part fails and the stack falls back to a periodic check.
do $$
begin
  -- Recreated on every start so that an older stack's tag list is replaced.
  if exists (select from pg_event_trigger where evtname = 'realtime_schema_sync') then
    drop event trigger realtime_schema_sync;
  end if;
  create event trigger realtime_schema_sync on ddl_command_end
    when tag in ('CREATE PUBLICATION', 'ALTER PUBLICATION', 'CREATE TABLE', 'ALTER TABLE', 'DROP TABLE',
                 'CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
    execute function realtime.on_schema_ddl();
end
$$;
