/**
 * The load generator of bench/rest-concurrency.ts, run in its own process so the clients never share
 * an event loop with the stack: `CLIENTS` keep-alive connections, each sending one GET after the
 * other for `DURATION_MS`, like wrk. A request that has no answer after `TIMEOUT_MS` is aborted and
 * counted as a timeout (wrk's 2 s default). Prints one JSON line (LoadResult) on stdout at the end.
 *
 * Input: one JSON argument {url, headers, clients, durationMs, timeoutMs, expectStatus, keepBodies}.
 * With keepBodies, every distinct body of an expected answer is kept with its count, so the caller can
 * check what each answer said (the CI smoke: rows as that user may see them) without parsing each.
 */
import http from 'node:http';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  clients: number;
  durationMs: number;
  timeoutMs: number;
  expectStatus: number;
  keepBodies?: boolean;
}

/** More distinct bodies than this are not kept (counted in `bodiesLeftOut`): the answers differ wildly anyway. */
export const MAX_DISTINCT_BODIES = 100;

export interface LoadResult {
  requests: number;
  /** Answers with another status than expected (counted, not in the latencies). */
  wrongStatus: number;
  timeouts: number;
  /** Socket errors (reset, refused). */
  errors: number;
  elapsedMs: number;
  /** Latencies of the expected answers, ms, sorted. */
  latencies: number[];
  /** With keepBodies: each distinct body of an expected answer and how many answers had it. */
  bodies: Record<string, number>;
  bodiesLeftOut: number;
}

interface Answer {
  status: number | 'timeout' | 'error';
  ms: number;
  body?: string;
}

function oneRequest(agent: http.Agent, spec: LoadSpec, target: URL): Promise<Answer> {
  const started = performance.now();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: Answer['status']) => {
      if (done) return;
      done = true;
      const ms = performance.now() - started;
      resolve(spec.keepBodies && typeof status === 'number' ? { status, ms, body: Buffer.concat(chunks).toString('utf8') } : { status, ms });
    };
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers: spec.headers },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          if (spec.keepBodies) chunks.push(chunk);
        });
        res.on('end', () => finish(res.statusCode ?? 0));
        res.on('error', () => finish('error'));
      },
    );
    req.setTimeout(spec.timeoutMs, () => {
      finish('timeout');
      req.destroy();
    });
    req.on('error', () => finish('error'));
    req.end();
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients });
  const result: LoadResult = { requests: 0, wrongStatus: 0, timeouts: 0, errors: 0, elapsedMs: 0, latencies: [], bodies: {}, bodiesLeftOut: 0 };
  const bodies = new Map<string, number>();
  const started = performance.now();
  const deadline = started + spec.durationMs;
  async function client() {
    while (performance.now() < deadline) {
      const r = await oneRequest(agent, spec, target);
      result.requests++;
      if (r.status === 'timeout') result.timeouts++;
      else if (r.status === 'error') result.errors++;
      else if (r.status !== spec.expectStatus) result.wrongStatus++;
      else {
        result.latencies.push(r.ms);
        if (r.body === undefined) continue;
        const seen = bodies.get(r.body);
        if (seen !== undefined) bodies.set(r.body, seen + 1);
        else if (bodies.size < MAX_DISTINCT_BODIES) bodies.set(r.body, 1);
        else result.bodiesLeftOut++;
      }
    }
  }
  await Promise.all(Array.from({ length: spec.clients }, client));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  result.latencies.sort((a, b) => a - b);
  result.bodies = Object.fromEntries(bodies);
  return result;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const result = await runLoad(spec);
  process.stdout.write(JSON.stringify(result) + '\n');
}
