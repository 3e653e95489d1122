/**
 * Restores a `pg_dump -Fc` backup into a NEW database of the server at `serverUrl`: created here
 * when absent, refused when it exists and holds anything. The roles the dump grants to (anon,
 * authenticated, service_role, …) must exist on that server, as on every Supabase.
 */
import pg from 'pg';
import { quoteIdent } from '../db/database.ts';
import { fingerprintDatabase, type DatabaseFingerprint } from './fingerprint.ts';
import { clientQueryable, runPgTool, toolConnection } from './pg-tools.ts';

export const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function urlOfDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/' + name;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function restorePostgres(file: string, serverUrl: string, name: string): Promise<DatabaseFingerprint> {
  if (!DATABASE_NAME.test(name)) throw new Error(`"${name}" is not a database name this tool accepts (a-z, 0-9, _; 63 at most)`);
  const exists = await withClient(serverUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  const target = urlOfDatabase(serverUrl, name);
  if (exists) {
    const objects = await withClient(target, async (c) => {
      const { rows } = await c.query<{ n: string }>(
        `select count(*) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
          where s.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and s.nspname not like 'pg_temp%'`,
      );
      return Number(rows[0].n);
    });
    if (objects > 0) throw new Error(`database ${name} exists and is not empty: a backup is only restored into a new database`);
  } else {
    await withClient(serverUrl, (c) => c.query(`create database ${quoteIdent(name)}`));
  }
  try {
    const { dbname, env } = toolConnection(target);
    await runPgTool('pg_restore', ['--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file], env);
    return await withClient(target, (c) => fingerprintDatabase(clientQueryable(c)));
  } catch (err) {
    if (!exists) await withClient(serverUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    throw err;
  }
}
