/**
 * Runs several commands at once, each line of their output prefixed with the lane's name, and resolves
 * with every lane's exit code. `npm test` uses it for the browser suites: each lane has its own server
 * (ports, database, output folders), so lanes share nothing but the machine's cores, and most of a
 * browser test is waiting (realtime, polls, page loads) rather than computing.
 */
import { spawn } from 'node:child_process';

export interface Lane {
  name: string;
  cmd: string[];
  env?: Record<string, string | undefined>;
}

export interface LaneResult {
  name: string;
  code: number;
  seconds: number;
}

function prefixLines(name: string, write: (line: string) => void) {
  let pending = '';
  return {
    push(chunk: Buffer) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) write(`[${name}] ${line}\n`);
    },
    flush() {
      if (pending) write(`[${name}] ${pending}\n`);
      pending = '';
    },
  };
}

function runLane(lane: Lane): Promise<LaneResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(lane.cmd[0], lane.cmd.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...lane.env },
    });
    const out = prefixLines(lane.name, (line) => process.stdout.write(line));
    const err = prefixLines(lane.name, (line) => process.stderr.write(line));
    child.stdout.on('data', out.push);
    child.stderr.on('data', err.push);
    const finish = (code: number) => {
      out.flush();
      err.flush();
      resolve({ name: lane.name, code, seconds: (Date.now() - started) / 1000 });
    };
    child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));
    child.on('error', () => finish(127));
  });
}

/** Runs all lanes together; the result lists them in the order given. */
export async function runLanes(lanes: Lane[]): Promise<LaneResult[]> {
  const results = await Promise.all(lanes.map(runLane));
  for (const r of results) console.log(`lane ${r.name}: ${r.code === 0 ? 'pass' : `FAIL (exit ${r.code})`} in ${r.seconds.toFixed(1)} s`);
  return results;
}
