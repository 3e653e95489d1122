/**
 * Backup of a Postgres database: `pg_dump -Fc` inside a snapshot that this connection exported, so
 * the fingerprint stored beside the file describes exactly the rows in the dump, however many
 * writes run meanwhile.
 */
import pg from 'pg';
import { fingerprintDatabase } from './fingerprint.ts';
import type { DatabaseFingerprint } from './fingerprint.ts';
import { clientQueryable, runPgTool, toolConnection } from './pg-tools.ts';

export async function backupPostgres(databaseUrl: string, target: string): Promise<DatabaseFingerprint> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const fingerprint = await fingerprintDatabase(clientQueryable(client));
    const { dbname, env } = toolConnection(databaseUrl);
    await runPgTool('pg_dump', ['--format=custom', `--snapshot=${rows[0].snapshot}`, `--file=${target}`, `--dbname=${dbname}`], env);
    await client.query('commit');
    return fingerprint;
  } finally {
    await client.end();
  }
}
