/**
 * bcrypt on a worker thread. bcryptjs is plain JavaScript: its async API only cuts the work into
 * slices of up to 100 ms on the calling thread, so each sign-in (about 70-100 ms at cost 10) stalled
 * every other request of the stack, and a stream of wrong passwords slowed all REST and realtime
 * traffic to near a second. Here one worker does the hashing while the main thread keeps serving;
 * jobs queue in the worker, one at a time, so bcrypt never takes more than one core.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Job = { op: 'hash'; password: string; cost: number } | { op: 'compare'; password: string; hash: string };
type Reply = { id: number; value: string | boolean } | { id: number; error: string };

// Plain JavaScript, evaluated as a CommonJS script: a .ts worker file would need a loader that
// neither `node` nor vitest's workers give it. bcryptjs is loaded by the path this module resolves.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptjs);
parentPort.on('message', (job) => {
  let reply;
  try {
    let value;
    if (job.op === 'compare') {
      value = bcrypt.compareSync(job.password, job.hash);
    } else {
      // pgcrypto's crypt() reads the $2a$ variant; bcryptjs writes $2b$, the same algorithm for
      // passwords of up to 72 bytes, so only the prefix changes.
      value = bcrypt.hashSync(job.password, bcrypt.genSaltSync(job.cost).replace(/^\\$2b\\$/, () => '$2a$'));
    }
    reply = { id: job.id, value };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(reply);
});
`;

const bcryptjsPath = createRequire(import.meta.url).resolve('bcryptjs');

/**
 * Jobs waiting or running at once. At ~80 ms a job that is about 5 s of queue: past it, a new
 * sign-in waits no longer for a flood's hashes to clear but is refused at once (BcryptBusyError),
 * and the queue's memory stays bounded whatever arrives.
 */
export const MAX_QUEUED_JOBS = 64;

export class BcryptBusyError extends Error {
  constructor() {
    super(`bcrypt queue full (${MAX_QUEUED_JOBS} jobs)`);
    this.name = 'BcryptBusyError';
  }
}

let worker: Worker | undefined;
let nextId = 0;
let started = 0;
const pending = new Map<number, { resolve(value: string | boolean): void; reject(err: Error): void }>();

function failAll(err: Error): void {
  for (const job of pending.values()) job.reject(err);
  pending.clear();
  worker = undefined;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptjs: bcryptjsPath } });
  w.on('message', (reply: Reply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.value);
    // An idle worker must not keep the process alive (tests, `npm start` shutting down).
    if (pending.size === 0) w.unref();
  });
  w.on('error', (err) => failAll(err));
  w.on('exit', (code) => {
    if (worker === w) failAll(new Error(`bcrypt worker stopped (exit code ${code})`));
  });
  worker = w;
  return w;
}

function run(job: Job): Promise<string | boolean> {
  if (pending.size >= MAX_QUEUED_JOBS) return Promise.reject(new BcryptBusyError());
  const w = getWorker();
  const id = ++nextId;
  started += 1;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, ...job });
  });
}

export async function bcryptHash(password: string, cost: number): Promise<string> {
  return String(await run({ op: 'hash', password, cost }));
}

export async function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return (await run({ op: 'compare', password, hash })) === true;
}

/** bcrypt jobs started in this process: lets tests check that a refused attempt costs none. */
export function bcryptJobsStarted(): number {
  return started;
}
