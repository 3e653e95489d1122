/**
 * The real Supabase CLI (npm package `supabase`, pinned) on a database given by URL, without Docker:
 * `db push` applies `supabase/migrations` exactly as it would to a hosted project, and `db lint`
 * runs plpgsql_check over our schemas. Used by the database suite so that what CI tests is what a
 * city's `supabase db push` will do.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'node_modules', '.bin', 'supabase');

/** Schemas our migrations own (auth, realtime and the rest belong to the platform). */
export const LINTED_SCHEMAS = ['public', 'private'] as const;

export interface LintIssue {
  function: string;
  level: string;
  message: string;
}

/** The CLI wants a non-TLS local server said explicitly. */
function cliUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'disable');
  return url.toString();
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, [...args, '--workdir', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * `supabase db push`: every migration not yet in supabase_migrations.schema_migrations. Returns what
 * the CLI printed (it says which migrations it applied, or that the database is up to date).
 */
export async function pushMigrations(databaseUrl: string, opts: { includeSeed?: boolean } = {}): Promise<string> {
  const args = ['db', 'push', '--db-url', cliUrl(databaseUrl), '--yes'];
  if (opts.includeSeed) args.push('--include-seed');
  const r = await run(args);
  if (r.code !== 0) throw new Error(`supabase db push failed (${r.code}):\n${r.stderr}${r.stdout}`);
  return r.stdout + r.stderr;
}

/** `supabase db lint` over our schemas; every issue of level warning or error. */
export async function lintDatabase(databaseUrl: string): Promise<LintIssue[]> {
  const r = await run(['db', 'lint', '--db-url', cliUrl(databaseUrl), '--schema', LINTED_SCHEMAS.join(','), '--level', 'warning']);
  if (r.code !== 0) throw new Error(`supabase db lint failed (${r.code}):\n${r.stderr}${r.stdout}`);
  const text = r.stdout.trim();
  if (text === '' || !text.startsWith('[')) return [];
  const parsed = JSON.parse(text) as Array<{ function: string; issues: Array<{ level: string; message: string }> }>;
  return parsed.flatMap((f) => f.issues.map((i) => ({ function: f.function, level: i.level, message: i.message })));
}
