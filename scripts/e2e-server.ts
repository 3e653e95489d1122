/**
 * Server for the browser tests (Playwright's webServer): the embedded stack on a fresh in-memory
 * PGlite database with migrations and seed, and the production Next.js server (`next start`) in
 * demo mode pointed at it. Needs an existing production build (`npx next build`). Stops both when
 * it is told to stop or when either one ends.
 *
 * Env: E2E_PORT (Next.js, default 3199), E2E_STACK_PORT (stack, default a free port).
 *
 * Test-only control (for the restart tests): the database lives in a temporary PGlite directory
 * (deleted on exit) rather than in memory, so the stack can be stopped and started again on the same
 * data and port. A loopback HTTP server on E2E_CONTROL_PORT (default E2E_PORT + 1) answers
 * `GET /stack` with the stack's URL and keys, `POST /restart-stack` by restarting the stack,
 * `POST /kill-next` by killing the Next.js server (SIGKILL, as a crash; answered once it is gone),
 * `POST /start-next` by starting it again on the same port (answered once it serves /login), and
 * `POST /exactly-once` (a simulator run's calls and incidents) with the SQL exactly-once check of
 * bench/disaster-day/exactly-once.ts on the stack's database (a fixed query, the ids bound).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, loopbackAppOrigins } from '../supabase/local/config.ts';
import { startStack, type RunningStack } from '../supabase/local/server.ts';
import { E2E_TELEPHONY_SECRET } from '../e2e/support/telephony-secret.ts';
import { checkExactlyOnce, simRunSchema } from '../bench/disaster-day/exactly-once.ts';

const root = path.resolve(import.meta.dirname, '..');
const nextPort = Number(process.env.E2E_PORT ?? 3199);
const seedFile = path.join(root, 'supabase', 'seed.sql');

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('e2e-server: no production build in .next; run `npx next build` first.');
  process.exit(1);
}
if (!existsSync(seedFile)) {
  console.error(`e2e-server: ${seedFile} is missing; the browser tests sign in with the seeded demo accounts.`);
  process.exit(1);
}

const config = {
  ...configFromEnv(process.env, root),
  host: '127.0.0.1',
  port: Number(process.env.E2E_STACK_PORT ?? 0),
  // A throw-away PGlite directory, so a restart keeps the data; removed when the server stops.
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'cilegon112-e2e-')),
  // Always a throw-away PGlite database, whatever DATABASE_URL the shell has.
  databaseUrl: undefined,
  seedFile,
  // The browsers load the app from this port; only its pages may call the API.
  allowedOrigins: loopbackAppOrigins(nextPort),
};

// The app's server signs users in on their behalf and passes on their address: believe it from this
// machine only, so the sign-in attempt limit counts per browser, not once for the whole center.
process.env.STACK_TRUSTED_PROXIES ??= '127.0.0.1,::1,::ffff:127.0.0.1';
let stack: RunningStack = await startStack(config);
console.log(`e2e-server: stack on ${stack.url}; migrations ${stack.migrations.applied.length}, seeded ${stack.migrations.seeded}`);
// Restarts must come back on the same port: the app and the browsers keep this URL.
const stackPort = Number(new URL(stack.url).port);
let restarting: Promise<void> | null = null;

const MAX_CONTROL_BODY = 8 * 1024 * 1024;
const controlPort = Number(process.env.E2E_CONTROL_PORT ?? nextPort + 1);
const control = http.createServer((req, res) => {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/stack') {
    return reply(200, { url: stack.url, anonKey: config.anonKey, serviceRoleKey: config.serviceRoleKey });
  }
  if (req.method === 'POST' && req.url === '/restart-stack') {
    restarting ??= (async () => {
      await stack.close();
      stack = await startStack({ ...config, port: stackPort });
      console.log(`e2e-server: stack restarted on ${stack.url}`);
    })().finally(() => {
      restarting = null;
    });
    return void restarting.then(
      () => reply(200, { url: stack.url }),
      (err: unknown) => reply(500, { error: String(err) }),
    );
  }
  if (req.method === 'POST' && req.url === '/exactly-once') {
    // Loopback and test-only, still bounded: a run's ids are a few kilobytes per minute of calls.
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
      if (body.length > MAX_CONTROL_BODY) req.destroy();
    });
    req.on('end', () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return reply(400, { error: 'the body is not JSON' });
      }
      const run = simRunSchema.safeParse(parsed);
      if (!run.success) return reply(400, { error: run.error.message });
      checkExactlyOnce(stack.db, [run.data]).then(
        (report) => reply(200, report),
        (err: unknown) => reply(500, { error: String(err) }),
      );
    });
    return;
  }
  if (req.method === 'POST' && req.url === '/kill-next') {
    return void killNext().then(
      () => reply(200, { killed: true }),
      (err: unknown) => reply(500, { error: String(err) }),
    );
  }
  if (req.method === 'POST' && req.url === '/start-next') {
    if (!nextGone) return reply(409, { error: 'next is running' });
    next = startNext();
    nextGone = false;
    return void waitForNext().then(
      (ms) => reply(200, { readyAfterMs: ms }),
      (err: unknown) => reply(500, { error: String(err) }),
    );
  }
  reply(404, { error: 'not found' });
});
await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));

function startNext(): ChildProcess {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(nextPort), '-H', '127.0.0.1'],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        SUPABASE_URL: stack.url,
        NEXT_PUBLIC_SUPABASE_URL: stack.url,
        SUPABASE_ANON_KEY: config.anonKey,
        NEXT_PUBLIC_SUPABASE_ANON_KEY: config.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
        DEMO_MODE: '1',
        // No test may depend on internet tiles: the maps show the offline coastline and markers.
        MAP_TILE_URL: 'off',
        // The telephony webhook is on, with the secret the specs sign with.
        TELEPHONY_WEBHOOK_SECRET: E2E_TELEPHONY_SECRET,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  child.on('exit', (code, signal) => {
    // A kill asked for through the control port is the test's fault injection, not the end.
    if (stopping || child !== next || nextGone) return;
    console.error(`e2e-server: next start ended (${signal ?? code}); stopping the stack.`);
    void stop(code ?? 1);
  });
  child.on('error', (error) => {
    console.error('e2e-server: could not start next', error);
    void stop(1);
  });
  return child;
}

/** Kills Next.js as a crash would (SIGKILL) and resolves once the process is gone. */
async function killNext(): Promise<void> {
  if (nextGone) return;
  nextGone = true;
  const child = next;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
  console.log('e2e-server: next killed');
}

/** Resolves with the milliseconds it took until the new Next.js server serves the login page. */
async function waitForNext(): Promise<number> {
  const started = Date.now();
  const url = `http://127.0.0.1:${nextPort}/login`;
  while (Date.now() - started < NEXT_START_TIMEOUT_MS) {
    const ok = await fetch(url, { redirect: 'manual' }).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ok) {
      console.log(`e2e-server: next restarted, serving after ${Date.now() - started} ms`);
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next did not serve ${url} within ${NEXT_START_TIMEOUT_MS} ms`);
}

const NEXT_START_TIMEOUT_MS = 60_000;
let nextGone = false;
let next: ChildProcess = startNext();

let stopping = false;
async function stop(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) {
      const exited = new Promise<void>((resolve) => next.once('exit', () => resolve()));
      next.kill('SIGTERM');
      await exited;
    }
    control.close();
    await restarting?.catch(() => undefined);
    await stack.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stop(0));
}
