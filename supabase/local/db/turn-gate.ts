/**
 * One database call per turn of the event loop, for PGlite in the stack's thread (issue #19).
 *
 * PGlite queues its calls on promises: the end of one starts the next in the same microtask queue,
 * so however many calls wait, they all run in one turn of the loop, and the loop polls no socket
 * until the queue is empty. On a disaster day the stack's turns grew to 2.25 s (strace: one
 * `accept4` per `epoll_pwait`, 2.25 s apart, 3,000 connections waiting in the accept queue): no
 * request was read, no connection accepted, no websocket frame sent meanwhile, and requests waited
 * up to 140 s. The gate starts each call from `setImmediate`, after the loop has been through its
 * poll phase, in the order the calls came — except urgent ones, which go before every call still
 * waiting: the realtime drains, whose delay is every screen's commit → screen latency.
 */
export type TurnGate = <T>(job: () => Promise<T>, urgent?: boolean) => Promise<T>;

export function createTurnGate(): TurnGate {
  const urgentJobs: Array<() => Promise<void>> = [];
  const jobs: Array<() => Promise<void>> = [];
  let running = false;

  const runNext = () => {
    const job = urgentJobs.shift() ?? jobs.shift();
    if (!job) {
      running = false;
      return;
    }
    void job().then(() => setImmediate(runNext));
  };

  return <T>(job: () => Promise<T>, urgent = false): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // A job that throws before it returns a promise is a rejection too, never a stopped gate.
      (urgent ? urgentJobs : jobs).push(() => Promise.resolve().then(job).then(resolve, reject));
      if (!running) {
        running = true;
        setImmediate(runNext);
      }
    });
}
