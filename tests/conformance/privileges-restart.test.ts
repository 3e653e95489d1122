/**
 * A restart must not hand back privileges (security issue #11). The baseline runs on every start; it
 * once re-granted everything on public to anon and authenticated, undoing the migrations' revokes:
 * after a restart anon read `calls` and called `rpc/server_now`. Here the whole privilege catalog of
 * the API roles is compared before and after a restart on the same data (PGlite directory or Postgres
 * database), and the refusals are checked end to end through /rest/v1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import type { Queryable } from '../../supabase/local/db/database.ts';
import { backends, createTestDatabase, startTestStack, type Backend, type TestStack } from '../support/test-stack.ts';

const API_ROLES = ['anon', 'authenticated', 'service_role'];

/** Where the data lives between the two runs, and how to clean it up afterwards. */
async function storageFor(backend: Backend): Promise<{ options: { dataDir?: string; databaseUrl?: string }; remove(): Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cilegon-privileges-'));
    return { options: { dataDir }, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const db = await createTestDatabase();
  return { options: { databaseUrl: db.url }, remove: db.drop };
}

/**
 * Every privilege the API roles (and PUBLIC, which the migrations revoke from too) hold in this
 * database, read from the catalogs with ACLs made explicit (a NULL ACL is the owner's default), plus
 * the information_schema views, so that nothing that a grant can change is left out: relations,
 * sequences, columns, routines, schemas, types, the database, default privileges and the
 * authenticator's memberships.
 */
async function privilegeSnapshot(db: Queryable) {
  const catalog = await db.query<Record<string, string | boolean>>(
    `with grantees(oid, name) as (
       select oid, rolname::text from pg_roles where rolname = any($1::text[])
       union all select 0::oid, 'PUBLIC'
     ),
     user_ns as (
       select oid, nspname from pg_namespace
        where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%'
          and nspname not like 'pg\\_temp%'
     ),
     acls as (
       select 'relation ' || c.relkind::text as kind, format('%I.%I', n.nspname, c.relname) as object, a.*
         from pg_class c join user_ns n on n.oid = c.relnamespace
        cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
       union all
       select 'column', format('%I.%I.%I', n.nspname, c.relname, att.attname), a.*
         from pg_attribute att join pg_class c on c.oid = att.attrelid join user_ns n on n.oid = c.relnamespace
        cross join lateral aclexplode(att.attacl) a
        where att.attacl is not null
       union all
       select 'routine', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), a.*
         from pg_proc p join user_ns n on n.oid = p.pronamespace
        cross join lateral aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) a
       union all
       select 'schema', format('%I', n.nspname), a.*
         from pg_namespace n join user_ns u on u.oid = n.oid
        cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
       union all
       select 'type', format('%I.%I', n.nspname, t.typname), a.*
         from pg_type t join user_ns n on n.oid = t.typnamespace
        cross join lateral aclexplode(coalesce(t.typacl, acldefault('T'::"char", t.typowner))) a
       union all
       select 'database', 'current', a.*
         from pg_database d cross join lateral aclexplode(coalesce(d.datacl, acldefault('d'::"char", d.datdba))) a
        where d.datname = current_database()
       union all
       select 'default ' || d.defaclobjtype::text, format('%s in %s', d.defaclrole::regrole, coalesce(n.nspname, '*')), a.*
         from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace
        cross join lateral aclexplode(d.defaclacl) a
     )
     select kind, object, g.name as grantee, privilege_type, is_grantable
       from acls join grantees g on g.oid = acls.grantee
     union all
     select 'member of', m.roleid::regrole::text, m.member::regrole::text, 'MEMBER', m.admin_option
       from pg_auth_members m
      where m.member = 'authenticator'::regrole or m.roleid::regrole::text = any($1::text[])
     order by 1, 2, 3, 4, 5`,
    [API_ROLES],
  );
  const roles = [...API_ROLES, 'PUBLIC'];
  const view = async (sql: string) => (await db.query(sql + ' order by 1, 2, 3, 4, 5', [roles])).rows;
  return {
    catalog: catalog.rows,
    tables: await view(
      `select grantee, table_schema, table_name, privilege_type, is_grantable from information_schema.role_table_grants
        where grantee = any($1::text[])`,
    ),
    columns: await view(
      `select grantee, table_schema, table_name, column_name, privilege_type from information_schema.column_privileges
        where grantee = any($1::text[])`,
    ),
    routines: await view(
      `select grantee, routine_schema, specific_name, privilege_type, is_grantable from information_schema.role_routine_grants
        where grantee = any($1::text[])`,
    ),
    usage: await view(
      `select grantee, object_schema, object_name, object_type, privilege_type from information_schema.usage_privileges
        where grantee = any($1::text[])`,
    ),
  };
}

/** What the app's migrations decided, seen as anon through /rest/v1 and in the catalog for operators. */
async function expectMigrationRefusals(stack: TestStack) {
  const headers = { apikey: DEMO_ANON_KEY, 'content-type': 'application/json' };
  const calls = await fetch(`${stack.url}/rest/v1/calls?select=id`, { headers });
  expect(calls.status).toBe(401);
  expect(((await calls.json()) as { code: string }).code).toBe('42501');
  const now = await fetch(`${stack.url}/rest/v1/rpc/server_now`, { method: 'POST', headers, body: '{}' });
  expect(now.status).toBe(401);
  expect(((await now.json()) as { code: string }).code).toBe('42501');
  const { rows } = await stack.db.query<Record<string, boolean>>(
    `select has_table_privilege('anon', 'public.calls', 'SELECT') as anon_select_calls,
            has_table_privilege('authenticated', 'public.calls', 'UPDATE') as operator_update_calls,
            has_table_privilege('authenticated', 'public.incidents', 'DELETE') as operator_delete_incidents,
            has_function_privilege('anon', 'public.server_now()', 'EXECUTE') as anon_server_now,
            has_function_privilege('authenticated', 'public.server_now()', 'EXECUTE') as operator_server_now`,
  );
  expect(rows[0]).toEqual({
    anon_select_calls: false,
    operator_update_calls: false,
    operator_delete_incidents: false,
    anon_server_now: false,
    operator_server_now: true,
  });
}

describe.each(backends)('privileges across a restart on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** Starts, hands the stack to `during`, stops; the stack is also stopped if the test fails midway. */
  async function run<T>(options: Parameters<typeof startTestStack>[0], during: (stack: TestStack) => Promise<T>): Promise<T> {
    const stack = await startTestStack(options);
    let open = true;
    cleanups.push(async () => {
      if (open) await stack.close();
    });
    try {
      return await during(stack);
    } finally {
      open = false;
      await stack.close();
    }
  }

  it('keeps the privilege catalog of the app migrations identical, and anon refused', async () => {
    const storage = await storageFor(backend);
    cleanups.push(storage.remove);
    const options = { backend, ...storage.options };

    const before = await run(options, async (stack) => {
      expect(stack.migrations.applied.length).toBeGreaterThan(0);
      await expectMigrationRefusals(stack);
      return privilegeSnapshot(stack.db);
    });
    expect(before.catalog.length).toBeGreaterThan(100);

    await run(options, async (stack) => {
      expect(stack.migrations.applied).toEqual([]);
      expect(await privilegeSnapshot(stack.db)).toEqual(before);
      await expectMigrationRefusals(stack);
    });
  });

  it('grants as a hosted Supabase project does today on a new database, and never again on the baseline objects', async () => {
    const storage = await storageFor(backend);
    cleanups.push(storage.remove);
    const emptyMigrations = mkdtempSync(path.join(os.tmpdir(), 'cilegon-no-migrations-'));
    cleanups.push(async () => rmSync(emptyMigrations, { recursive: true, force: true }));
    const options = { backend, migrationsDir: emptyMigrations, ...storage.options };

    const revoked = await run(options, async (stack) => {
      // The first start grants as a hosted Supabase project does since 2026-10-30: usage on the API
      // schemas and the auth helpers, but no default privilege on public, so what a migration
      // creates is granted to no API role until it grants it.
      const fresh = await stack.db.query<Record<string, boolean>>(
        `select has_schema_privilege('anon', 'auth', 'USAGE') as auth_usage,
                has_schema_privilege('anon', 'public', 'USAGE') as public_usage,
                has_function_privilege('anon', 'auth.uid()', 'EXECUTE') as uid_execute,
                exists (select from pg_default_acl d, aclexplode(d.defaclacl) a
                         where d.defaclnamespace = 'public'::regnamespace
                           and a.grantee in ('anon'::regrole, 'authenticated'::regrole, 'service_role'::regrole)) as api_defaults`,
      );
      expect(fresh.rows[0]).toEqual({ auth_usage: true, public_usage: true, uid_execute: true, api_defaults: false });
      await stack.db.exec('create table public.after_baseline (id int generated always as identity)');
      const created = await stack.db.query<Record<string, boolean>>(
        `select has_table_privilege('anon', 'public.after_baseline', 'SELECT') as anon_select,
                has_table_privilege('authenticated', 'public.after_baseline', 'SELECT') as authenticated_select,
                has_table_privilege('service_role', 'public.after_baseline', 'SELECT') as service_select,
                has_sequence_privilege('authenticated', pg_get_serial_sequence('public.after_baseline', 'id'), 'USAGE') as sequence_usage`,
      );
      expect(created.rows[0]).toEqual({ anon_select: false, authenticated_select: false, service_select: false, sequence_usage: false });
      // A project may narrow what the baseline granted; the next start must keep that.
      await stack.db.exec(`
        revoke usage on schema realtime from anon;
        revoke execute on function auth.email() from anon;
        revoke usage on schema public from anon;
        alter default privileges in schema public revoke all on tables from anon;
        alter default privileges in schema public revoke all on functions from authenticated;
      `);
      return privilegeSnapshot(stack.db);
    });

    await run(options, async (stack) => {
      expect(await privilegeSnapshot(stack.db)).toEqual(revoked);
      // Explicit entries, as PUBLIC keeps its own default privileges on public and on functions.
      const { rows } = await stack.db.query<Record<string, boolean>>(
        `select exists (select from aclexplode((select nspacl from pg_namespace where nspname = 'realtime')) a
                         where a.grantee = 'anon'::regrole) as realtime_usage,
                exists (select from aclexplode((select nspacl from pg_namespace where nspname = 'public')) a
                         where a.grantee = 'anon'::regrole) as public_usage,
                exists (select from aclexplode((select proacl from pg_proc where oid = 'auth.email()'::regprocedure)) a
                         where a.grantee = 'anon'::regrole) as email_execute,
                exists (select from aclexplode((select proacl from pg_proc where oid = 'auth.uid()'::regprocedure)) a
                         where a.grantee = 'anon'::regrole) as uid_execute`,
      );
      expect(rows[0]).toEqual({ realtime_usage: false, public_usage: false, email_execute: false, uid_execute: true });
    });
  });
});
