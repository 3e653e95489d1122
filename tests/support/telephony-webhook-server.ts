/**
 * The app's telephony webhook without Next.js: the same request handling (signature, limits,
 * statuses) and the same recorder as app/api/telephony/events, on a local port, so the simulator
 * can drive a center against the embedded stack alone.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordTelephonyEvent } from '../../lib/data/telephony.ts';
import { handleTelephonyEventRequest } from '../../lib/telephony/handle-event-request.ts';
import { keepAliveWithoutDrops } from '../../supabase/local/keep-alive.ts';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../lib/supabase/database.types.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport.ts';

export interface WebhookServer {
  url: string;
  close(): Promise<void>;
}

export async function startTelephonyWebhook(stackUrl: string, serviceRoleKey: string, secret: string): Promise<WebhookServer> {
  const admin = createClient<Database>(stackUrl, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`http://webhook${req.url ?? '/'}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      void handleTelephonyEventRequest(request, {
        secret,
        record: (event) => recordTelephonyEvent(admin, event),
        nowMs: Date.now,
        logFailure: (message, detail) => console.error(message, detail),
      }).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  });
  // This server shares its thread with an in-process stack, which a backup or PGlite's queue stalls
  // for seconds; in a deployment Next.js runs apart. Idle connections close as the stack's do.
  keepAliveWithoutDrops(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
