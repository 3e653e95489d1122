/**
 * The embedded Supabase-compatible stack: one HTTP server serving `/rest/v1`, `/auth/v1`,
 * `/realtime/v1/websocket`, `/admin/v1/backup` and `/health` over one database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StackConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { migrate, type MigrationProgress, type MigrationReport } from './db/migrate.ts';
import { applyCors, applySecurityHeaders, HttpError, originAllowed, sendJson } from './http.ts';
import type { HttpApi, StackContext } from './stack-context.ts';
import { createRestApi } from './rest/rest-api.ts';
import { createAuthApi } from './auth/auth-api.ts';
import { createRealtime } from './realtime/realtime-server.ts';
import { createBackupApi } from './backup/backup-api.ts';
import { startRetentionTimer, type RetentionTimer } from './jobs/retention-timer.ts';
import { keepAliveWithoutDrops } from './keep-alive.ts';
import { listenWithBacklog } from './listen-backlog.ts';
import { createAdmission, type Admission } from './admission.ts';

export interface RunningStack {
  url: string;
  db: Database;
  migrations: MigrationReport;
  /** The hourly retention job (issue #22); tests run it now with `retention.runOnce()`. */
  retention: RetentionTimer;
  /** The bound on API requests worked on at once (admission.ts): in flight now, refused so far. */
  admission: Pick<Admission, 'inFlight' | 'refused'>;
  close(): Promise<void>;
}

export interface StackHooks {
  /** What a start prints while it migrates and seeds (the commands pass `consoleProgress`). */
  progress?: MigrationProgress;
  /**
   * The database is gone for good (PGlite's worker died: a WebAssembly abort, out of memory). Every
   * pending call has been rejected; the commands that start the stack log it and exit non-zero so
   * that it is started again. By default it is only logged (tests start stacks in their own process).
   */
  onDatabaseLost?: (err: Error) => void;
}

export async function startStack(config: StackConfig, hooks: StackHooks = {}): Promise<RunningStack> {
  const db = await openDatabase({
    ...config,
    onWorkerLost: hooks.onDatabaseLost ?? ((err) => console.error(`[stack] ${err.message}`)),
  });
  const migrations = await migrate(db, config.migrationsDir, config.seedFile, hooks.progress);
  const ctx: StackContext = { db, config };
  const rest = await createRestApi(ctx);
  const auth = createAuthApi(ctx);
  const realtime = await createRealtime(ctx);
  const apis: Array<[string, HttpApi]> = [
    ['/rest/v1', rest],
    ['/auth/v1', auth],
    ['/admin/v1', createBackupApi(ctx)],
  ];

  const admission = createAdmission(config.maxRequestsInFlight);
  const server = http.createServer((req, res) => {
    void route(req, res, apis, db, config, admission).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return sendJson(res, err.status, err.body);
      sendJson(res, 500, { code: 'PGRST000', message: 'Internal error in the embedded stack', details: null, hint: null });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // Browsers do not apply CORS to websockets: refuse a page of another site here instead.
    if (!originAllowed(req.headers.origin, config.allowedOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://stack').pathname;
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    if (path === '/realtime/v1/websocket' || path === '/realtime/v1/websocket/') {
      realtime.handleUpgrade(req, socket, head);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    }
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // A busy thread (a burst of JSON or websocket frames; PGlite ran here before it had a worker)
  // stalls the event loop: new connections must wait in the kernel meanwhile (listen-backlog.ts), and
  // Node's own idle close would reset the requests that reached an idle connection (keep-alive.ts).
  keepAliveWithoutDrops(server);
  await listenWithBacklog(server, config.port, config.host);
  const retention = startRetentionTimer(db, {
    intervalMs: config.retentionIntervalMs,
    onError: (err) => console.error('[stack] retention job failed:', err instanceof Error ? err.message : err),
  });
  const address = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `http://${shownHost}:${address.port}`,
    db,
    migrations,
    retention,
    admission,
    async close() {
      await retention.stop();
      await realtime.close();
      await Promise.all(apis.map(([, api]) => api.close?.()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

async function route(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  apis: Array<[string, HttpApi]>,
  db: Database,
  config: StackConfig,
  admission: Admission,
) {
  applyCors(req, res, config.allowedOrigins);
  applySecurityHeaders(res);
  res.setHeader('x-supabase-api-version', '2024-01-01');
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return;
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://stack');
  } catch {
    throw new HttpError(400, { code: 'PGRST100', message: 'Malformed request URL', details: null, hint: null });
  }
  if (url.pathname === '/health') {
    await db.query('select 1');
    return sendJson(res, 200, { status: 'ok', database: db.kind });
  }
  for (const [prefix, api] of apis) {
    if (url.pathname === prefix || url.pathname.startsWith(prefix + '/')) {
      // Refused here, before its body is read or the database is asked: nothing of it is applied.
      if (!admission.admit(res)) return;
      return api.handle(req, res, url, url.pathname.slice(prefix.length).replace(/^\/+/, ''));
    }
  }
  sendJson(res, 404, { code: 'not_found', message: `No route for ${url.pathname}` });
}
