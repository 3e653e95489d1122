/**
 * postgres_changes fan-out: matches each drained change against the subscribed bindings (table,
 * event, filter, role's privileges), checks RLS once per claims group for INSERT/UPDATE, and sends
 * one message per channel, in change order. Channels that receive the same message (same serializer,
 * topic, role and binding ids) get the same encoded frame: thousands of screens cost one encoding.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Claims } from '../jwt.ts';
import type { Change } from './change-capture.ts';
import { matchesFilter, type FilterCondition } from './filters.ts';
import type { TableMeta } from './table-meta.ts';
import { checkVisibility, type VisibilityRequest } from './visibility.ts';

/** Larger records are replaced by an error, as supabase/realtime does. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Deliveries handed to sockets in one turn of the event loop. Sends within a turn are corked and
 * held in the process until the turn ends; a drain of 500 changes to 5,000 subscribers is 2.5 M
 * deliveries, so the fan-out yields after this many and lets the sockets write (about 35 MB of
 * the app's change messages, far under the send budget of realtime-server.ts).
 */
export const MAX_DELIVERIES_PER_TURN = 50_000;
/** The same bound in bytes handed to sockets, for large rows (a 1 MiB record to a few hundred screens). */
export const MAX_BYTES_PER_TURN = 32 * 1024 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PgSubscriber {
  role: string;
  claims: Claims;
  groupKey: string;
  /** Serializer and topic: subscribers with the same key receive byte-identical frames for one payload. */
  frameKey: string;
  /** The frame carrying a postgres_changes payload (already JSON) on this subscriber's channel. */
  encode(payloadJson: string): Buffer;
  send(frame: Buffer): void;
}

/**
 * The id of a postgres_changes binding, as supabase/realtime makes it: a hash of the binding's
 * parameters (`:erlang.phash2(params)`, 27 bits), not a counter. Equal bindings on different sockets
 * share it, so one change makes one message for all of them. `taken` holds the ids already used in
 * the same channel; a hash collision there moves to the next free id, so every binding of a channel
 * stays told apart.
 */
export function bindingId(params: { event: string; schema: string; table: string; filter?: string }, taken: ReadonlySet<number>): number {
  const canonical = JSON.stringify([params.event, params.schema, params.table, params.filter ?? null]);
  let id = createHash('sha1').update(canonical).digest().readUInt32BE(0) & 0x7ffffff;
  while (taken.has(id)) id = (id + 1) & 0x7ffffff;
  return id;
}

export interface PgBinding {
  id: number;
  event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  table: string;
  filters: FilterCondition[];
  subscriber: PgSubscriber;
  /**
   * The frame key of a message carrying this binding's id alone, for the role it was made for:
   * kept so that the fan-out does not build and hash a new string per delivery.
   */
  frameClass?: { role: string; key: string };
}

function frameKey(sub: PgSubscriber, ids: string): string {
  return `${sub.frameKey}\u0000${sub.role}\u0000${ids}`;
}

/** The frame key for a subscriber that one binding alone matched (the common case), cached on the binding. */
function singleFrameKey(b: PgBinding): string {
  const role = b.subscriber.role;
  if (b.frameClass?.role !== role) b.frameClass = { role, key: frameKey(b.subscriber, String(b.id)) };
  return b.frameClass.key;
}

export class BindingRegistry {
  private byTable = new Map<string, Set<PgBinding>>();

  private static key(schema: string, table: string) {
    return schema + '\u0000' + table;
  }

  add(b: PgBinding): void {
    const k = BindingRegistry.key(b.schema, b.table);
    let set = this.byTable.get(k);
    if (!set) this.byTable.set(k, (set = new Set()));
    set.add(b);
  }

  remove(b: PgBinding): void {
    const k = BindingRegistry.key(b.schema, b.table);
    const set = this.byTable.get(k);
    set?.delete(b);
    if (set && !set.size) this.byTable.delete(k);
  }

  lookup(schema: string, table: string): PgBinding[] {
    const out: PgBinding[] = [];
    for (const k of [
      BindingRegistry.key(schema, table),
      BindingRegistry.key(schema, '*'),
      BindingRegistry.key('*', '*'),
    ]) {
      const set = this.byTable.get(k);
      if (set) out.push(...set);
    }
    return out;
  }

  get size(): number {
    let n = 0;
    for (const s of this.byTable.values()) n += s.size;
    return n;
  }
}

function pick(meta: TableMeta, row: Record<string, unknown>, cols: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of meta.columns) if (cols.has(c.name) && c.name in row) out[c.name] = row[c.name];
  return out;
}

/** What the WAL holds of an old row, and so all hosted Realtime knows of it: the replica identity. */
function identityImage(meta: TableMeta, old: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of meta.identity) if (k in old) out[k] = old[k];
  return out;
}

/**
 * `old_record` as supabase/realtime's apply_rls builds it: the replica identity; for a DELETE on a
 * table with RLS only its primary-key columns, since no policy can be checked on a deleted row
 * (an UPDATE's old values go to whoever may see the new row).
 */
function oldRecordImage(meta: TableMeta, change: Change): Record<string, unknown> {
  const image = identityImage(meta, change.oldRecord ?? {});
  if (change.op !== 'DELETE' || !meta.rls) return image;
  const out: Record<string, unknown> = {};
  for (const k of meta.primaryKey) if (k in image) out[k] = image[k];
  return out;
}

function dataJson(meta: TableMeta, change: Change, role: string): string {
  const cols = meta.selectable.get(role) ?? new Set<string>();
  const data: Record<string, unknown> = {
    schema: meta.schema,
    table: meta.table,
    commit_timestamp: change.commitTimestamp,
    type: change.op,
    columns: meta.columns.filter((c) => cols.has(c.name)).map((c) => ({ name: c.name, type: c.type })),
  };
  if (change.record) data.record = pick(meta, change.record, cols);
  if (change.oldRecord) data.old_record = pick(meta, oldRecordImage(meta, change), cols);
  data.errors = null;
  let json = JSON.stringify(data);
  if (json.length > MAX_RECORD_BYTES) {
    if (data.record) data.record = {};
    if (data.old_record) data.old_record = {};
    data.errors = ['Error 413: Payload Too Large'];
    json = JSON.stringify(data);
  }
  return json;
}

export interface FanoutLimits {
  /** Deliveries handed to sockets before the fan-out yields a turn. */
  deliveriesPerTurn: number;
  /** Bytes handed to sockets (counted per socket) before it yields; keep it well under the send budget. */
  bytesPerTurn: number;
}

export function createFanout(
  db: Database,
  registry: BindingRegistry,
  onError: (err: unknown) => void,
  limits: FanoutLimits = { deliveriesPerTurn: MAX_DELIVERIES_PER_TURN, bytesPerTurn: MAX_BYTES_PER_TURN },
) {
  return async function fanout(changes: Change[], tables: Map<number, TableMeta>): Promise<void> {
    if (!registry.size) return;
    interface Plan {
      change: Change;
      meta: TableMeta;
      /** Bindings that pass; those with a group index still need that group's RLS check. */
      hits: Array<{ binding: PgBinding; group?: number }>;
    }
    const plans: Plan[] = [];
    const groups = new Map<string, number>();
    const requests: VisibilityRequest[] = [];
    for (const change of changes) {
      const meta = tables.get(change.relid);
      if (!meta) continue;
      // A DELETE's filter is tested on the replica identity, before RLS trims old_record to the key.
      const image = change.op === 'DELETE' ? identityImage(meta, change.oldRecord ?? {}) : (change.record ?? {});
      const plan: Plan = { change, meta, hits: [] };
      for (const b of registry.lookup(meta.schema, meta.table)) {
        if (b.event !== '*' && b.event !== change.op) continue;
        const role = b.subscriber.role;
        if (!meta.selectable.has(role)) continue;
        if (!matchesFilter(b.filters, image, meta.types)) continue;
        if (change.op === 'DELETE' || !meta.rls || meta.bypassRls.has(role)) {
          plan.hits.push({ binding: b });
          continue;
        }
        let g = groups.get(b.subscriber.groupKey);
        if (g === undefined) {
          g = requests.length;
          groups.set(b.subscriber.groupKey, g);
          requests.push({ claims: b.subscriber.claims, rows: new Map() });
        }
        const rows = requests[g].rows.get(meta) ?? [];
        if (rows[rows.length - 1]?.index !== plans.length) rows.push({ index: plans.length, record: change.record ?? {} });
        requests[g].rows.set(meta, rows);
        plan.hits.push({ binding: b, group: g });
      }
      plans.push(plan);
    }
    const visible = await checkVisibility(db, requests, onError);
    let deliveries = 0;
    let bytes = 0;
    for (const [index, plan] of plans.entries()) {
      if (deliveries >= limits.deliveriesPerTurn || bytes >= limits.bytesPerTurn) {
        deliveries = 0;
        bytes = 0;
        await nextTurn();
      }
      // Per subscriber the binding that matched, or the ids when several of its bindings did.
      const perSubscriber = new Map<PgSubscriber, PgBinding | number[]>();
      for (const h of plan.hits) {
        if (h.group !== undefined && !visible[h.group].has(index)) continue;
        const sub = h.binding.subscriber;
        const seen = perSubscriber.get(sub);
        if (seen === undefined) perSubscriber.set(sub, h.binding);
        else if (Array.isArray(seen)) {
          if (!seen.includes(h.binding.id)) seen.push(h.binding.id);
        } else if (seen.id !== h.binding.id) perSubscriber.set(sub, [seen.id, h.binding.id]);
      }
      const byRole = new Map<string, string>();
      const frames = new Map<string, Buffer>();
      for (const [sub, matched] of perSubscriber) {
        const key = Array.isArray(matched) ? frameKey(sub, matched.join(',')) : singleFrameKey(matched);
        let frame = frames.get(key);
        if (frame === undefined) {
          const ids = Array.isArray(matched) ? matched.join(',') : String(matched.id);
          let data = byRole.get(sub.role);
          if (data === undefined) byRole.set(sub.role, (data = dataJson(plan.meta, plan.change, sub.role)));
          frames.set(key, (frame = sub.encode(`{"ids":[${ids}],"data":${data}}`)));
        }
        sub.send(frame);
        deliveries++;
        bytes += frame.byteLength;
      }
    }
  };
}
