/**
 * The whole product on one machine, as a function: the embedded Supabase stack with demo data and a
 * production Next.js server, reachable from other machines on the network (wall display, phones).
 * Builds the app first when the build is missing or older than the sources. `npm start`
 * (scripts/start.ts) and `npm run demo` (scripts/demo.ts) both start it through here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, loopbackAppOrigins, parseAllowedOrigins, type StackConfig } from '../supabase/local/config.ts';
import { withInstallSecrets } from '../supabase/local/install-secrets.ts';
import { startStack } from '../supabase/local/server.ts';
import { consoleProgress, exitOnDatabaseLost, exitOnDataDirError } from '../supabase/local/start-failure.ts';
import { DEMO_PASSWORD } from '../lib/demo-users.ts';

const SOURCES = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function buildIfStale(root: string): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt > changedAt) return;
  console.log('Building the app (next build)…');
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfoIPv4 => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export interface RunningCenter {
  appPort: number;
  supabaseUrl: string;
  config: StackConfig;
  /** Resolves with the app server's exit code when it ends by itself. */
  exited: Promise<number>;
  stop(): Promise<void>;
}

/** `extraEnv` goes to the Next.js server only (e.g. TELEPHONY_WEBHOOK_SECRET for the demo). */
export async function startCenter(extraEnv: Record<string, string> = {}): Promise<RunningCenter> {
  const root = process.cwd();
  const appPort = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  buildIfStale(root);

  const demoMode = (process.env.DEMO_MODE ?? '1') === '1';
  const lan = lanAddresses();
  // The app's pages are what may call the API from a browser: on this machine's names and LAN
  // addresses (wall PCs, phones), plus any set in STACK_ALLOWED_ORIGINS (a DNS name, a TLS proxy).
  const appOrigins = [...loopbackAppOrigins(appPort), ...[os.hostname(), ...lan].map((h) => `http://${h}:${appPort}`)];
  const extraOrigins = parseAllowedOrigins(process.env.STACK_ALLOWED_ORIGINS, []);
  // The app's server signs users in on their behalf and passes on their address: believe it from this
  // machine only, so the sign-in attempt limit counts per browser, not once for the whole center.
  process.env.STACK_TRUSTED_PROXIES ??= '127.0.0.1,::1,::ffff:127.0.0.1';
  const installed = await withInstallSecrets(
    { ...configFromEnv(), host: process.env.STACK_HOST ?? host, allowedOrigins: extraOrigins === '*' ? '*' : [...appOrigins, ...extraOrigins] },
    root,
  );
  const config = installed.config;
  // The app's server is stopped with the stack: it is started again together with it.
  let stopApp = () => {};
  const stack = await startStack(config, {
    progress: consoleProgress,
    onDatabaseLost: (err) => exitOnDatabaseLost(err, () => stopApp()),
  }).catch(exitOnDataDirError);
  const supabaseUrl = `http://127.0.0.1:${config.port}`;

  // Run Next's own binary, not `npx next`: a signal to npx does not reach the server it starts.
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const next: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(appPort), '-H', host], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      SUPABASE_URL: supabaseUrl,
      NEXT_PUBLIC_SUPABASE_URL: supabaseUrl,
      SUPABASE_ANON_KEY: config.anonKey,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: config.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
      DEMO_MODE: demoMode ? '1' : '0',
      ...extraEnv,
    },
  });
  stopApp = () => next.kill('SIGTERM');

  console.log(`
Command Center 112 Kota Cilegon
  app        http://localhost:${appPort}${lan.map((a) => `\n             http://${a}:${appPort}`).join('')}
  supabase   ${stack.url}  (${config.databaseUrl ? 'Postgres server' : `PGlite data in ${config.dataDir}`})
  keys       ${installed.file ? `this installation's own, in ${installed.file}` : 'from the environment / STACK_KEYS=demo (public, well-known: tests only)'}
Ctrl-C stops both.`);
  if (installed.created) {
    console.log(`
New API keys for this installation (kept in ${installed.file}; shown this once):
  anon key          ${config.anonKey}
  service_role key  ${config.serviceRoleKey}   (server only: never on a browser or phone)`);
  }
  if (demoMode) {
    console.warn(`
WARNING: demo sign-in is ON. Every demo account (admin and supervisors too) signs in with the public
password "${DEMO_PASSWORD}" from any machine that reaches this one. Not for a real center: start with
DEMO_MODE=0 and create real accounts (README, "Running it for real").`);
  }

  const exited = new Promise<number>((resolve) => next.on('exit', (code) => resolve(code ?? 0)));
  let stopping: Promise<void> | null = null;
  return {
    appPort,
    supabaseUrl,
    config,
    exited,
    stop() {
      stopping ??= (async () => {
        if (next.exitCode === null && next.signalCode === null) {
          next.kill('SIGTERM');
          await exited;
        }
        await stack.close();
      })();
      return stopping;
    },
  };
}
