import { describe, expect, it } from 'vitest';
import { liveOrInitial } from './live-or-initial';

describe('liveOrInitial', () => {
  it('shows the server rows until the live view has its own', () => {
    expect(liveOrInitial({ rows: [], status: 'connecting' }, ['server'])).toEqual(['server']);
    expect(liveOrInitial({ rows: ['live'], status: 'syncing' }, ['server'])).toEqual(['live']);
    expect(liveOrInitial({ rows: ['live'], status: 'reconnecting' }, ['server'])).toEqual(['live']);
  });

  it('trusts a live view that has no rows at all', () => {
    expect(liveOrInitial({ rows: [], status: 'live' }, ['server'])).toEqual([]);
  });
});
