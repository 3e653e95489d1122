/**
 * What the REST benchmarks share: the backend chosen by BENCH_BACKEND, a stack on the REST
 * conformance fixture's schema with the benchmark's own rows, and a signed-in user's token.
 */
import path from 'node:path';
import { DEMO_JWT_SECRET } from '../supabase/local/config.ts';
import { signJwt } from '../supabase/local/jwt.ts';
import { startTestStack, type Backend } from '../tests/support/test-stack.ts';

export const benchBackend: Backend = process.env.BENCH_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export async function startRestBenchStack(setupSql: string) {
  const stack = await startTestStack({
    backend: benchBackend,
    migrationsDir: path.join(import.meta.dirname, '..', 'tests', 'conformance', 'fixtures', 'rest', 'migrations'),
  });
  await stack.db.exec(setupSql);
  return stack;
}

/** An access token of `sub` as supabase/auth would issue it, valid for an hour. */
export async function userToken(sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 }, DEMO_JWT_SECRET);
}
