/**
 * Presence per topic, in Phoenix's shape: each key holds `metas`, one per tracking channel, each
 * with a unique `phx_ref`. Changes are reported as diffs of joins and leaves.
 */
import { randomBytes } from 'node:crypto';

export type Meta = Record<string, unknown> & { phx_ref: string; phx_ref_prev?: string };
export type PresenceMap = Record<string, { metas: Meta[] }>;
export interface PresenceDiff {
  joins: PresenceMap;
  leaves: PresenceMap;
}

interface Entry {
  key: string;
  meta: Meta;
}

export class PresenceTopic {
  /** Tracked entries by owner (one channel join). */
  private entries = new Map<object, Entry>();

  state(): PresenceMap {
    const out: PresenceMap = {};
    for (const { key, meta } of this.entries.values()) (out[key] ??= { metas: [] }).metas.push(meta);
    return out;
  }

  get size(): number {
    return this.entries.size;
  }

  has(owner: object): boolean {
    return this.entries.has(owner);
  }

  /** Tracks or updates; returns the diff to send, or undefined when nothing changed. */
  track(owner: object, key: string, payload: Record<string, unknown>): PresenceDiff | undefined {
    const prev = this.entries.get(owner);
    const meta: Meta = { ...payload, phx_ref: randomBytes(8).toString('base64url') };
    if (prev && JSON.stringify(withoutRefs(prev.meta)) === JSON.stringify(payload) && prev.key === key) return undefined;
    if (prev && prev.key === key) meta.phx_ref_prev = prev.meta.phx_ref;
    this.entries.set(owner, { key, meta });
    const diff: PresenceDiff = { joins: { [key]: { metas: [meta] } }, leaves: {} };
    if (prev) diff.leaves[prev.key] = { metas: [prev.meta] };
    return diff;
  }

  untrack(owner: object): PresenceDiff | undefined {
    const prev = this.entries.get(owner);
    if (!prev) return undefined;
    this.entries.delete(owner);
    return { joins: {}, leaves: { [prev.key]: { metas: [prev.meta] } } };
  }
}

function withoutRefs(meta: Meta): Record<string, unknown> {
  const { phx_ref: _r, phx_ref_prev: _p, ...rest } = meta;
  return rest;
}
