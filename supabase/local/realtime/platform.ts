/**
 * The realtime part of the platform layer: objects supabase/realtime itself creates in a project
 * (realtime.messages, realtime.topic()), which migrations build on with policies. It must run before
 * the migrations, as on Supabase, where Realtime has set up the project before `db push`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../db/database.ts';

const messagesSql = path.join(path.dirname(fileURLToPath(import.meta.url)), 'messages.sql');

/** Idempotent: creates only what is missing, and grants only on what it creates. */
export async function installRealtimePlatform(db: Queryable): Promise<void> {
  await db.exec(readFileSync(messagesSql, 'utf8'));
}
