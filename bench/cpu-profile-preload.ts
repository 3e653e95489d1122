/**
 * Loaded with `--import` into the stack process by bench/rest-concurrency.ts when it profiles: the
 * first SIGUSR2 starts the V8 CPU profiler of the main thread, the second stops it and writes the
 * profile to BENCH_CPU_PROFILE_FILE, so the profile holds the load window only (not migrations and
 * seed). Summarise it with bench/cpu-profile-summary.ts.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const file = process.env.BENCH_CPU_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post('Profiler.enable');
        // 250 µs: fine enough for requests of about a millisecond.
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
        process.stderr.write('[profile] started\n');
      } else {
        running = false;
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
        process.stderr.write(`[profile] written to ${file}\n`);
      }
    })();
  });
}
