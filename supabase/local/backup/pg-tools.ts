/**
 * Runs Postgres' own client tools (pg_dump, pg_restore) against a connection URL. The password goes
 * in PGPASSWORD, not on the command line, where any user of the machine could read it.
 */
import { spawn } from 'node:child_process';
import type pg from 'pg';
import type { Queryable } from '../db/database.ts';

export function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

/** Resolves when the tool exits with 0; rejects with its last error lines otherwise. */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    });
    child.on('error', (err) => reject(new Error(`${tool} could not be started (${err.message}); install the Postgres client tools`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** A connected `pg` client seen through the stack's small Queryable interface. */
export function clientQueryable(client: pg.Client): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const r = await client.query(sql, params);
      return { rows: r.rows as Row[], affectedRows: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}
