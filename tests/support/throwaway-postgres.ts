/**
 * A Postgres 15 server of a test's own, in a temporary directory, that the test may restart: the
 * machine's shared server (TEST_DATABASE_URL) must never be restarted. Unix socket in the data
 * directory, TCP on 127.0.0.1 only, trust authentication (nobody else can reach it).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// initdb and postgres refuse to run as root: as root (containers, CI), run them as the postgres user.
const RUN_AS = process.env.PG15_USER ?? 'postgres';
const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]) {
  return asRoot ? execFileAsync('runuser', ['-u', RUN_AS, '--', bin, ...args]) : execFileAsync(bin, args);
}

function ownedByServerUser(dir: string) {
  if (!asRoot) return;
  const uid = Number(execFileSync('id', ['-u', RUN_AS]).toString());
  const gid = Number(execFileSync('id', ['-g', RUN_AS]).toString());
  chownSync(dir, uid, gid);
}

/** Where the Debian/Ubuntu packages put the server binaries; PG15_BIN overrides it. */
export const PG15_BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';

export const throwawayPostgresAvailable = existsSync(path.join(PG15_BIN, 'initdb')) && existsSync(path.join(PG15_BIN, 'pg_ctl'));

export interface ThrowawayPostgres {
  url: string;
  /** `pg_ctl restart -m fast`: open connections get 57P01, new ones are refused until it is back. */
  restart(): Promise<void>;
  remove(): Promise<void>;
}

export async function startThrowawayPostgres(port: number): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cilegon-pg-'));
  ownedByServerUser(dir);
  const data = path.join(dir, 'data');
  const pgCtl = path.join(PG15_BIN, 'pg_ctl');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await run(path.join(PG15_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await run(pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await run(pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-m', 'fast', '-w', 'restart']);
    },
    async remove() {
      await run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
