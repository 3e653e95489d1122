/**
 * CPU and memory of a few processes, read from /proc (Linux): CPU % of one core between samples
 * (utime + stime from /proc/<pid>/stat) and resident memory (VmRSS from /proc/<pid>/status).
 * Enough for a benchmark's table without a dependency.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name "(…)", which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Children of `pid` whose command line contains `match` (e.g. the Next server under npm start). */
export function childPids(pid: number, match: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(match)) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export interface UsageSummary {
  samples: number;
  cpuPercent: { avg: number; p95: number; max: number };
  rssMb: { avg: number; max: number };
}

export interface UsageWindow {
  /** Summary of the samples taken since `mark()` returned this window's start. */
  since(start: number): UsageSummary;
}

export interface UsageSampler extends UsageWindow {
  /** Index of the next sample: pass it to since() later for one stretch of the run. */
  mark(): number;
  stop(): void;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function sampleUsage(pid: number, everyMs = 1000): UsageSampler {
  const cpu: number[] = [];
  const rss: number[] = [];
  let lastTicks = cpuTicks(pid);
  let lastAt = performance.now();
  const timer = setInterval(() => {
    const ticks = cpuTicks(pid);
    const mem = rssMb(pid);
    const now = performance.now();
    if (ticks !== null && lastTicks !== null && mem !== null) {
      cpu.push(((ticks - lastTicks) / TICKS_PER_SECOND / ((now - lastAt) / 1000)) * 100);
      rss.push(mem);
    }
    lastTicks = ticks;
    lastAt = now;
  }, everyMs);
  return {
    mark: () => cpu.length,
    since(start) {
      const c = cpu.slice(start);
      const r = rss.slice(start);
      const sorted = [...c].sort((a, b) => a - b);
      const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
      return {
        samples: c.length,
        cpuPercent: { avg: round1(avg(c)), p95: round1(sorted[Math.floor(0.95 * (sorted.length - 1))] ?? NaN), max: round1(sorted.at(-1) ?? NaN) },
        rssMb: { avg: Math.round(avg(r)), max: Math.round(Math.max(...r)) },
      };
    },
    stop: () => clearInterval(timer),
  };
}
