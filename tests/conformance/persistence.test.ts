/**
 * Data outlives the stack: close it and start it again on the same PGlite directory (or the same
 * Postgres database) and the users and rows are still there, with no migration applied twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, startTestStack, type Backend } from '../support/test-stack.ts';
import { AUTH_FIXTURE_MIGRATIONS, createConfirmedUser, PASSWORD, uniqueEmail, userClient } from './fixtures/auth/auth-fixture.ts';

/** Where the data lives between the two runs, and how to clean it up afterwards. */
async function storageFor(backend: Backend): Promise<{ options: { dataDir?: string; databaseUrl?: string }; remove(): Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cilegon-persistence-'));
    return { options: { dataDir }, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const db = await createTestDatabase();
  return { options: { databaseUrl: db.url }, remove: db.drop };
}

describe.each(backends)('persistence on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps users and rows across a restart and applies migrations once', async () => {
    const storage = await storageFor(backend);
    cleanups.push(storage.remove);
    const email = uniqueEmail('persist');

    const first = await startTestStack({ backend, migrationsDir: AUTH_FIXTURE_MIGRATIONS, ...storage.options });
    let firstOpen = true;
    cleanups.push(async () => {
      if (firstOpen) await first.close();
    });
    expect(first.migrations.applied).toEqual(['20260101000000_auth_fixture.sql']);
    const user = await createConfirmedUser(first, email);
    await first.db.query(`insert into public.auth_fixture_notes (owner, body) values ($1, 'kept')`, [user.id]);
    await first.close();
    firstOpen = false;

    const second = await startTestStack({ backend, migrationsDir: AUTH_FIXTURE_MIGRATIONS, ...storage.options });
    cleanups.push(() => second.close());
    expect(second.migrations).toEqual({ applied: [], seeded: false });
    const { rows } = await second.db.query<{ body: string }>('select body from public.auth_fixture_notes where owner = $1', [
      user.id,
    ]);
    expect(rows).toEqual([{ body: 'kept' }]);
    const signIn = await userClient(second).auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.id).toBe(user.id);
  });
});
