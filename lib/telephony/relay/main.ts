/**
 * The signing relay as a process, beside Kamailio on the PBX machine:
 *
 *   TELEPHONY_WEBHOOK_URL=https://dashboard.example/api/telephony/events \
 *   TELEPHONY_WEBHOOK_SECRET=... C112_RELAY_TOKEN=... C112_RELAY_PORT=8112 \
 *   npx tsx lib/telephony/relay/main.ts
 *
 * Logs one JSON line per event outcome on stdout (ids and statuses, never the caller's number). On
 * SIGTERM/SIGINT it stops accepting, gives the queue up to 10 s to empty, and says what was lost.
 */
import { z } from 'zod';
import { Outbox, type OutboxLog } from './outbox';
import { listenRelay, RELAY_PATH } from './relay-server';
import { signedPoster } from './signed-post';

const envSchema = z.object({
  TELEPHONY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }),
  TELEPHONY_WEBHOOK_SECRET: z.string().trim().min(16, 'at least 16 characters'),
  C112_RELAY_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, '16-200 printable ASCII characters without spaces'),
  C112_RELAY_PORT: z.coerce.number().int().min(1).max(65_535).default(8112),
});

function logLine(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  console.error(`relay: ${issue.path.join('.') || 'environment'}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;

const outbox = new Outbox({
  send: signedPoster({ url: env.TELEPHONY_WEBHOOK_URL, secret: env.TELEPHONY_WEBHOOK_SECRET }),
  log: (entry: OutboxLog) => logLine({ ...entry }),
});
const server = await listenRelay({ port: env.C112_RELAY_PORT, token: env.C112_RELAY_TOKEN, outbox });
logLine({ msg: 'listening', url: `http://127.0.0.1:${env.C112_RELAY_PORT}${RELAY_PATH}`, webhook: env.TELEPHONY_WEBHOOK_URL });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  const drained = await Promise.race([
    outbox.drain().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
  ]);
  logLine({ msg: 'stopped', undelivered: drained ? 0 : outbox.pending });
  process.exit(drained ? 0 : 1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
