/** GET /admin/v1/backup: the service-role key only, GET only, one copy at a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { BACKUP_FINGERPRINT_HEADER } from '../../supabase/local/backup/backup-api.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { AUTH_FIXTURE_MIGRATIONS } from './fixtures/auth/auth-fixture.ts';

let stack: TestStack & { drop(): Promise<void> };
beforeAll(async () => {
  stack = await startTestStack({ backend: 'pglite', migrationsDir: AUTH_FIXTURE_MIGRATIONS });
});
afterAll(() => stack.drop());

const backup = (headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${stack.url}/admin/v1/backup`, { method, headers });

describe('backup endpoint', () => {
  it('refuses no key, the anon key and a forged token', async () => {
    expect((await backup()).status).toBe(401);
    expect((await backup({ authorization: `Bearer ${DEMO_ANON_KEY}` })).status).toBe(403);
    expect((await backup({ authorization: `Bearer ${DEMO_SERVICE_ROLE_KEY.slice(0, -2)}xx` })).status).toBe(401);
    expect((await backup({ authorization: `Bearer ${DEMO_SERVICE_ROLE_KEY}` }, 'POST')).status).toBe(405);
  });

  it('gives the service role a gzip copy with its fingerprint, and one copy at a time', async () => {
    const auth = { authorization: `Bearer ${DEMO_SERVICE_ROLE_KEY}` };
    const [a, b] = await Promise.all([backup(auth), backup(auth)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const ok = a.status === 200 ? a : b;
    await (a === ok ? b : a).body?.cancel();
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const fingerprint = JSON.parse(Buffer.from(ok.headers.get(BACKUP_FINGERPRINT_HEADER) ?? '', 'base64').toString('utf8'));
    expect(Object.keys(fingerprint.tables)).toContain('public.auth_fixture_notes');
    expect((await backup(auth)).status).toBe(200);
  });
});
