/**
 * Deals the e2e spec files to the browser lanes of `npm test` by expected duration: the longest
 * first, each onto the lane with the least expected time so far (greedy, "longest processing time
 * first"). Dealt round-robin by name, one lane took 300 s while the other finished far sooner: a few
 * specs take minutes and others seconds, and names say nothing about that. The durations are a small
 * committed table measured from a real run (scripts/e2e-durations.json); a spec not in it counts as
 * DEFAULT_SPEC_SECONDS until the table is measured again.
 */

/** A spec missing from the table: about a typical spec's time, so a new one is not all dealt to one lane. */
export const DEFAULT_SPEC_SECONDS = 20;

export interface DealtLane {
  specs: string[];
  expectedSeconds: number;
}

/**
 * `lanes` lanes (at least one), each with its specs in name order. Ties (equal durations, equally
 * loaded lanes) go by name and lane number, so the same table always gives the same lanes.
 */
export function dealSpecs(specs: readonly string[], durations: Readonly<Record<string, number>>, lanes: number): DealtLane[] {
  if (!Number.isInteger(lanes) || lanes < 1) throw new Error(`lanes must be a whole number of at least 1, not ${lanes}`);
  const expected = (spec: string) => {
    const s = Object.hasOwn(durations, spec) ? durations[spec] : undefined;
    return typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s : DEFAULT_SPEC_SECONDS;
  };
  const dealt: DealtLane[] = Array.from({ length: lanes }, () => ({ specs: [], expectedSeconds: 0 }));
  const longestFirst = [...new Set(specs)].sort((a, b) => expected(b) - expected(a) || (a < b ? -1 : a > b ? 1 : 0));
  for (const spec of longestFirst) {
    let least = dealt[0];
    for (const lane of dealt) if (lane.expectedSeconds < least.expectedSeconds) least = lane;
    least.specs.push(spec);
    least.expectedSeconds += expected(spec);
  }
  for (const lane of dealt) lane.specs.sort();
  return dealt;
}
