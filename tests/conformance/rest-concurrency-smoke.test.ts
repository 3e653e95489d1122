/**
 * CI smoke of the REST concurrency benchmark (issue #21): bench/rest-concurrency.ts in its short mode
 * (10 clients for 3 s, a supervisor and an OPD liaison asking at the same time, real migrations and
 * seed, the stack in its own process). It asserts correctness only, never a figure: no errors, no
 * timeouts, every answer's rows those of the user who asked (RLS: the liaison's differ from the
 * supervisor's), and /health answered throughout. The figures live in bench/README.md. The timeout
 * is head room for a loaded machine (a PGlite start with migrations and seed took 195 s at load 26),
 * not a bound: on a quiet machine the run is the stack's start plus about 4 s.
 */
import { describe, expect, it } from 'vitest';
import { benchBackend, optionsFromEnv, shortModeUsers } from '../../bench/rest-concurrency.ts';
import { freePort } from '../support/stack-process.ts';
import { backends } from '../support/test-stack.ts';

const root = new URL('../..', import.meta.url).pathname;

describe.each(backends)('REST under concurrent clients, short mode, on %s', (backend) => {
  it('answers every request of both users with that user\'s own rows, and /health all along', { timeout: 600_000 }, async () => {
    const opts = { ...optionsFromEnv({ BENCH_SHORT: '1', TEST_DATABASE_URL: process.env.TEST_DATABASE_URL }), ports: [await freePort(), await freePort()] };
    expect(opts.checkRows).toBe(true);
    const r = await benchBackend(root, backend, opts);

    expect(r.rest.count).toBeGreaterThan(0);
    expect({ timeouts: r.rest.timeouts, errors: r.rest.errors, wrongStatus: r.rest.wrongStatus }).toEqual({ timeouts: 0, errors: 0, wrongStatus: 0 });

    const rows = r.rows ?? [];
    expect(rows.map((c) => c.email)).toEqual(shortModeUsers.map((u) => u.email));
    for (const c of rows) {
      expect(c.answers, c.email).toBeGreaterThan(0);
      expect({ email: c.email, wrong: c.wrong, leftOut: c.leftOut }).toEqual({ email: c.email, wrong: 0, leftOut: 0 });
      expect(c.expectedRows, c.email).toBeGreaterThan(0);
    }
    // The two reads differ, so a request answered with the other user's rows would have been caught.
    const [supervisor, liaison] = rows;
    expect(liaison.expectedIds).not.toEqual(supervisor.expectedIds);

    expect(r.healthDuring.count).toBeGreaterThan(0);
    expect(r.healthDuring.failed).toBe(0);
  });
});
