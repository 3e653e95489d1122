-- Private realtime channels (DESIGN.md §8): Supabase Realtime authorises a join of a channel with
-- config.private = true by the RLS policies on realtime.messages, evaluated as the joining user with
-- realtime.topic() = the channel's topic: SELECT lets them receive, INSERT lets them send (presence
-- track, broadcast), per extension ('presence' or 'broadcast'). A join nothing lets them read is refused.
--
-- Incident presence rooms (topic incident:<uuid>, the dispatch drawer's "who else is looking") are
-- for active supervisors only: the room tells who is working on which incident, so operators, OPD,
-- leadership, admins and anon are refused, and nobody can inject viewers. No policy grants broadcast:
-- the rooms carry presence only.
--
-- realtime.messages belongs to the platform (supabase/realtime creates it in every project; the
-- embedded stack before the migrations), so this file only adds policies. On a bare Postgres without
-- Realtime there is no such table and nothing to authorise: the policies are skipped with a notice,
-- and private channels, having no policy, stay closed to everyone.

do $$
begin
  if to_regclass('realtime.messages') is null then
    raise notice 'realtime.messages does not exist (no Realtime on this database): private channel policies not created';
    return;
  end if;

  create policy "active supervisors see who is in an incident room"
    on realtime.messages
    for select
    to authenticated
    using (
      realtime.messages.extension = 'presence'
      and (select realtime.topic()) ~ '^incident:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      and (select private.my_role()) = 'supervisor'
    );

  create policy "active supervisors announce themselves in an incident room"
    on realtime.messages
    for insert
    to authenticated
    with check (
      realtime.messages.extension = 'presence'
      and (select realtime.topic()) ~ '^incident:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      and (select private.my_role()) = 'supervisor'
    );
end
$$;
