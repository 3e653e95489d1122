/**
 * Summarises a V8 `.cpuprofile`: self time per function (top N) and per area (PGlite's WebAssembly,
 * the pg driver, Node's HTTP internals, the stack's own code, GC, idle), as shares of the samples.
 *
 *   npx tsx bench/cpu-profile-summary.ts bench/.profiles/pglite-before.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FrameShare {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  frames: FrameShare[];
  areas: FrameShare[];
}

/** Which part of the process a frame belongs to, from its script URL. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8/native (program)';
  if (url.startsWith('wasm://') || /^\$?func\d+|^wasm-function/.test(functionName)) return 'PGlite WebAssembly (Postgres)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `node_modules/${pkg[1]}`;
  if (url.startsWith('node:')) return `node internals (${url.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
  const local = /supabase\/local\/([^/]+(?:\/[^/]+)?)/.exec(url);
  if (local) return `stack: ${local[1].replace(/\.ts$/, '')}`;
  return url === '' ? 'native / builtins' : 'other';
}

export function summarise(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's time is the delta to the next sample (the last one has none).
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const frames = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|supabase|bench|lib)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const name = `${f.functionName || '(anonymous)'} ${where}`.trim();
    frames.set(name, (frames.get(name) ?? 0) + us);
    const area = areaOf(f);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const share = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, frames: share(frames, top), areas: share(areas, 30) };
}

export function formatSummary(s: ProfileSummary, title: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(7);
  const lines = [`${title}: ${(s.totalMs / 1000).toFixed(1)} s of samples`, '  by area (self time):'];
  for (const a of s.areas) lines.push(`    ${pct(a.share)}  ${a.name}`);
  lines.push('  top frames (self time):');
  for (const f of s.frames) lines.push(`    ${pct(f.share)}  ${f.name}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary.ts FILE.cpuprofile [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(summarise(profile, Number(process.argv[3] ?? 25)), file));
}
