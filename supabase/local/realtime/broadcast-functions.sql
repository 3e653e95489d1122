-- Broadcast from Database: realtime.send() and realtime.broadcast_changes(), as supabase/realtime
-- creates them in every project (its tenant migrations). A trigger calls them to store a message in
-- realtime.messages; Realtime then delivers each stored message as a `broadcast` to the channels of
-- its topic (private ones when `private`, see broadcast-capture.sql for how the embedded stack picks
-- them up). Like upstream, send() runs as its caller (the RLS policies on realtime.messages decide
-- what an ordinary role may store: triggers that broadcast are security definer) and never fails the
-- caller's statement: a message it cannot store is reported as a warning.
-- Part of the platform: created when missing, granted only then.

do $platform$
begin
  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null then
    create function realtime.send(payload jsonb, event text, topic text, private boolean default true)
    returns void
    language plpgsql
    as $send$
    declare
      generated_id uuid := gen_random_uuid();
    begin
      begin
        -- The policies that check the insert see the message's topic as realtime.topic().
        perform set_config('realtime.topic', topic, true);
        insert into realtime.messages (id, payload, event, topic, private, extension)
        values (
          generated_id,
          -- As upstream: the message id travels in the payload unless the payload has its own.
          case when payload ? 'id' then payload else jsonb_set(payload, '{id}', to_jsonb(generated_id)) end,
          event,
          topic,
          private,
          'broadcast'
        );
      exception
        when others then
          raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
      end;
    end
    $send$;
    comment on function realtime.send(jsonb, text, text, boolean) is
      'Broadcast from Database: stores a broadcast message (payload, event) for the channels of topic (private channels when private); delivered by Realtime.';
    revoke all on function realtime.send(jsonb, text, text, boolean) from public;
    if exists (select from pg_roles where rolname = 'postgres') then
      grant execute on function realtime.send(jsonb, text, text, boolean) to postgres;
    end if;
  end if;

  if to_regprocedure('realtime.broadcast_changes(text, text, text, text, text, record, record, text)') is null then
    create function realtime.broadcast_changes(
      topic_name text, event_name text, operation text, table_name text, table_schema text,
      new record, old record, level text default 'ROW'
    )
    returns void
    language plpgsql
    as $changes$
    declare
      row_data jsonb;
    begin
      if level = 'STATEMENT' then
        raise exception 'function can only be triggered for each row, not for each statement';
      end if;
      if operation not in ('INSERT', 'UPDATE', 'DELETE') then
        raise exception 'Unexpected operation type: %', operation;
      end if;
      row_data := jsonb_build_object(
        'old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema
      );
      perform realtime.send(row_data, event_name, topic_name);
    end
    $changes$;
    comment on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) is
      'Broadcast from Database: sends a row change (record, old_record, operation, table, schema) as event_name on topic_name, privately; call it from a row trigger.';
    revoke all on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) from public;
    if exists (select from pg_roles where rolname = 'postgres') then
      grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) to postgres;
    end if;
  end if;
end
$platform$;
