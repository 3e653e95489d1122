/**
 * Reads the TAP that pgTAP functions return as rows: plan, ok / not ok lines, diagnostics, and the
 * `# rls matrix cells: N` diagnostic with which a suite reports how many RLS matrix cells it checks.
 */
export interface TapResult {
  planned: number | undefined;
  passed: number;
  failed: number;
  /** Number of RLS matrix cells reported by `diag('rls matrix cells: N')` lines. */
  matrixCells: number;
  /** `not ok` lines with the diagnostics that follow them. */
  failures: string[];
  /** Why the file fails apart from failed tests: missing plan, plan mismatch. */
  problems: string[];
  ok: boolean;
}

export function parseTap(lines: string[]): TapResult {
  let planned: number | undefined;
  let passed = 0;
  let failed = 0;
  let matrixCells = 0;
  const failures: string[] = [];
  const problems: string[] = [];
  let inFailure = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const plan = /^1\.\.(\d+)/.exec(line);
    const cells = /^#\s*rls matrix cells:\s*(\d+)/i.exec(line);
    if (plan) {
      planned = Number(plan[1]);
      inFailure = false;
    } else if (/^not ok\b/.test(line)) {
      if (/#\s*TODO/i.test(line)) passed++;
      else {
        failed++;
        failures.push(line);
        inFailure = true;
        continue;
      }
      inFailure = false;
    } else if (/^ok\b/.test(line)) {
      passed++;
      inFailure = false;
    } else if (cells) {
      matrixCells += Number(cells[1]);
    } else if (line.startsWith('#')) {
      if (/Looks like you planned/.test(line)) {
        problems.push(line);
        inFailure = false;
      } else if (inFailure) failures.push('  ' + line);
    }
  }
  const ran = passed + failed;
  if (planned === undefined) problems.push('no plan');
  else if (planned !== ran && !problems.some((p) => p.includes('planned'))) problems.push(`planned ${planned}, ran ${ran}`);
  return { planned, passed, failed, matrixCells, failures, problems, ok: failed === 0 && problems.length === 0 };
}
