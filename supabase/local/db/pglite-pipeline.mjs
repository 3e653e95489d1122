// @ts-check
/**
 * A pipeline for PGlite, shared by the in-thread database (`pglite-database.ts`) and the worker
 * (`pglite-worker.mjs`). Plain JavaScript so that the worker, which has no TypeScript loader, can load
 * it too; its types are in `pglite-pipeline.d.mts`.
 */
import { protocol } from '@electric-sql/pglite';

/** @param {unknown} v */
function isScalar(v) {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * The messages of a pipeline: Parse, Bind (text values, their types inferred by the server), Describe
 * and Execute per statement, then one Sync. PGlite's own `query` sends each of these (and a Sync) in
 * a call of its own: six calls into WebAssembly per statement instead of one per pipeline.
 * Undefined when a value is not a plain scalar.
 * @param {import('./database.ts').PipelineStatement[]} statements
 * @returns {Uint8Array | undefined}
 */
export function pipelineMessages(statements) {
  /** @type {Uint8Array[]} */
  const parts = [];
  for (const st of statements) {
    if (!st.values.every(isScalar)) return undefined;
    parts.push(protocol.serialize.parse({ text: st.sql }));
    parts.push(protocol.serialize.bind({ values: st.values.map((v) => (v === null || v === undefined ? null : String(v))) }));
    parts.push(protocol.serialize.describe({ type: 'P' }));
    parts.push(protocol.serialize.execute({}));
  }
  parts.push(protocol.serialize.sync());
  return Buffer.concat(parts);
}

/**
 * Rows per statement from the backend's answer (the statements' CommandComplete ends each).
 * @param {Array<{ name: string }>} messages
 * @returns {import('./database.ts').TextRow[][]}
 */
export function pipelineRows(messages) {
  /** @type {import('./database.ts').TextRow[][]} */
  const results = [];
  /** @type {string[]} */
  let names = [];
  /** @type {import('./database.ts').TextRow[]} */
  let rows = [];
  for (const m of messages) {
    if (m instanceof protocol.messages.RowDescriptionMessage) names = m.fields.map((f) => f.name);
    else if (m instanceof protocol.messages.DataRowMessage) {
      const fields = m.fields;
      rows.push(Object.fromEntries(names.map((n, i) => [n, fields[i] ?? null])));
    } else if (m instanceof protocol.messages.CommandCompleteMessage) {
      results.push(rows);
      rows = [];
      names = [];
    }
  }
  return results;
}
