/**
 * The realtime part of the platform layer: objects supabase/realtime itself creates in a project
 * (realtime.messages, realtime.topic(), realtime.send(), realtime.broadcast_changes()), which
 * migrations build on with policies and triggers. It must run before the migrations, as on Supabase,
 * where Realtime has set up the project before `db push`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../db/database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const platformFiles = ['messages.sql', 'broadcast-functions.sql'].map((f) => path.join(here, f));

/** Idempotent: creates only what is missing, and grants only on what it creates. */
export async function installRealtimePlatform(db: Queryable): Promise<void> {
  for (const file of platformFiles) await db.exec(readFileSync(file, 'utf8'));
}
