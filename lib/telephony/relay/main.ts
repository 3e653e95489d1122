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
import { Outbox, type OutboxLog } from './outbox';
import { listenRelay, RELAY_PATH } from './relay-server';
import { relaySettings } from './relay-settings';
import { signedPoster } from './signed-post';

function logLine(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

const read = relaySettings(process.env);
if (!read.ok) {
  console.error(`relay: ${read.message}`);
  process.exit(2);
}
const env = read.settings;

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
