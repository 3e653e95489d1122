import { describe, expect, it } from 'vitest';
import type { QueueItem } from './offline-queue';
import {
  CLAIMS_LIMIT,
  EMPTY_PREFS,
  addClaims,
  finishedClaims,
  parsePrefs,
  removeClaims,
  samePrefs,
  serializePrefs,
  setStopped,
  settingOffIds,
  type LocationPrefs,
} from './location-claims';

const step = (assignmentId: string, action: QueueItem['action']): QueueItem => ({
  id: `${assignmentId}-${action}`,
  assignmentId,
  action,
  expectedVersion: 1,
  createdAtMs: 0,
  state: 'pending',
  attempts: 0,
});

describe('location claims', () => {
  it('claims only the assignments the phone itself set off on or arrived at', () => {
    const queue = [step('a1', 'acknowledge_assignment'), step('a2', 'mark_en_route'), step('a3', 'mark_on_scene'), step('a2', 'mark_on_scene'), step('a4', 'complete_assignment')];
    expect(settingOffIds(queue)).toEqual(['a2', 'a3']);
  });

  it('adding claims already held returns the very same object (an equal list is a no-op)', () => {
    const prefs = addClaims(EMPTY_PREFS, ['a1', 'a2']);
    expect(prefs.claimed).toEqual(['a1', 'a2']);
    expect(addClaims(prefs, ['a2', 'a1'])).toBe(prefs);
    expect(addClaims(prefs, [])).toBe(prefs);
    expect(addClaims(prefs, ['a3', 'a3']).claimed).toEqual(['a1', 'a2', 'a3']);
  });

  it('keeps at most the newest CLAIMS_LIMIT claims, and no stop of a dropped one', () => {
    let prefs: LocationPrefs = addClaims(EMPTY_PREFS, ['first']);
    prefs = setStopped(prefs, 'first', true);
    prefs = addClaims(prefs, Array.from({ length: CLAIMS_LIMIT }, (_, i) => `a${i}`));
    expect(prefs.claimed).toHaveLength(CLAIMS_LIMIT);
    expect(prefs.claimed).not.toContain('first');
    expect(prefs.stopped).toEqual([]);
  });

  it('stops and resumes only claimed assignments, unchanged when already so', () => {
    const prefs = addClaims(EMPTY_PREFS, ['a1']);
    expect(setStopped(prefs, 'other', true)).toBe(prefs);
    const stopped = setStopped(prefs, 'a1', true);
    expect(stopped.stopped).toEqual(['a1']);
    expect(setStopped(stopped, 'a1', true)).toBe(stopped);
    expect(setStopped(stopped, 'a1', false).stopped).toEqual([]);
  });

  it('finds claims of finished assignments and closed incidents, keeps unknown rows', () => {
    const prefs = addClaims(EMPTY_PREFS, ['done', 'declined', 'withdrawn', 'closed', 'going', 'unknown']);
    const over = finishedClaims(prefs, [
      { id: 'done', status: 'completed', incident: { status: 'on_scene' } },
      { id: 'declined', status: 'declined', incident: null },
      { id: 'withdrawn', status: 'withdrawn', incident: null },
      { id: 'closed', status: 'on_scene', incident: { status: 'cancelled' } },
      { id: 'going', status: 'en_route', incident: { status: 'acknowledged' } },
    ]);
    expect([...over].sort()).toEqual(['closed', 'declined', 'done', 'withdrawn']);
    const left = removeClaims(setStopped(prefs, 'done', true), over);
    expect(left).toEqual({ claimed: ['going', 'unknown'], stopped: [] });
    expect(removeClaims(left, over)).toBe(left);
  });

  it('round-trips through storage and reads malformed text as no claims', () => {
    const prefs = setStopped(addClaims(EMPTY_PREFS, ['a1', 'a2']), 'a2', true);
    expect(samePrefs(parsePrefs(serializePrefs(prefs)), prefs)).toBe(true);
    expect(parsePrefs(null)).toEqual(EMPTY_PREFS);
    expect(parsePrefs('{not json')).toEqual(EMPTY_PREFS);
    expect(parsePrefs('{"claimed":[1,"a1","a1",""],"stopped":["a1","ghost"]}')).toEqual({ claimed: ['a1'], stopped: ['a1'] });
  });
});
