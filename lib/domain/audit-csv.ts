/**
 * The audit trail's CSV export format: one line per event, times in WIB written out with their
 * offset (so a spreadsheet and a reader agree), the details as JSON. No caller data can appear:
 * the rows come from admin_audit_trail, which holds none.
 */
import { csvLine, type CsvValue } from './csv';

export interface AuditCsvRow {
  at: string;
  source: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  ticket_no: string | null;
  target: string | null;
  details: unknown;
}

export const AUDIT_CSV_HEADER = csvLine(['time_wib', 'source', 'kind', 'actor_name', 'actor_id', 'ticket_no', 'target', 'details']);

const WIB_OFFSET_MS = 7 * 3_600_000;

/** `2026-11-20 10:00:00.123+07:00` for any instant. */
export function wibTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${iso}`);
  return `${new Date(ms + WIB_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 23)}+07:00`;
}

export function auditCsvLine(row: AuditCsvRow): string {
  const values: CsvValue[] = [
    wibTimestamp(row.at),
    row.source,
    row.kind,
    row.actor_name,
    row.actor_id,
    row.ticket_no,
    row.target,
    row.details === null || row.details === undefined ? '' : JSON.stringify(row.details),
  ];
  return csvLine(values);
}
