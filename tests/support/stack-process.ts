/**
 * The embedded stack as a process of its own (`npm run stack`, supabase/local/main.ts), so a fault
 * test can kill it with SIGKILL the way a crash or a power cut would, and start it again on the same
 * PGlite directory or Postgres database. Demo keys, no seed unless asked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface StackProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (null when killed by a signal), the signal and everything on stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export interface StackProcessOptions {
  port: number;
  /** PGlite data directory (PGlite mode). */
  dataDir?: string;
  /** Postgres database (DATABASE_URL mode); wins over `dataDir`. */
  databaseUrl?: string;
  /** Run supabase/seed.sql as `npm start` does (default: off, STACK_SEED=off). */
  seed?: boolean;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was given');
  return address.port;
}

export function spawnStack(opts: StackProcessOptions): StackProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, STACK_PORT: String(opts.port), STACK_HOST: '127.0.0.1', STACK_KEYS: 'demo' };
  if (!opts.seed) env.STACK_SEED = 'off';
  else delete env.STACK_SEED;
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else if (opts.dataDir) env.STACK_DATA_DIR = opts.dataDir;
  else throw new Error('a stack process needs a data directory or a database URL');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'supabase', 'local', 'main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, url: `http://127.0.0.1:${opts.port}`, exited };
}

/** Resolves when the stack prints that it serves, rejects when it exits first. */
export function ready(stack: StackProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    stack.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Embedded Supabase stack on')) resolve();
    });
    void stack.exited.then(({ code, stderr }) => reject(new Error(`stack exited with ${code}: ${stderr}`)));
  });
}

/** SIGKILL: no handler runs, nothing is flushed or closed; resolves when the process is gone. */
export async function killHard(stack: StackProcess): Promise<void> {
  stack.child.kill('SIGKILL');
  const { signal } = await stack.exited;
  if (signal !== 'SIGKILL') throw new Error(`the stack ended by ${signal ?? 'itself'}, not by SIGKILL`);
}
