/**
 * The document data_subject_search answers (issue #22) — everything held about one number — read
 * with a schema (the RPC returns untyped JSON), and its CSV form for a request under UU PDP: one
 * block per section, each starting with a header row whose first cell is `section`, each data row
 * starting with its section's name, the fields in the order of DATA_SUBJECT_SECTIONS. The JSON
 * export is the document itself, so both files hold the same rows.
 */
import { z } from 'zod';
import { csvLine, type CsvValue } from './csv';

export const DATA_SUBJECT_SECTIONS = {
  calls: ['id', 'received_at', 'answered_at', 'ended_at', 'call_type', 'caller_phone', 'caller_name', 'caller_lat', 'caller_lng', 'caller_accuracy_m', 'incident_id', 'notes', 'pseudonymised_at'],
  incidents: ['id', 'ticket_no', 'status', 'category', 'reported_at', 'address', 'kecamatan', 'kelurahan', 'lat', 'lng', 'description'],
  blocks: ['id', 'status', 'proposed_at', 'decided_at', 'decision_reason', 'expires_at', 'lifted_at'],
  callbacks: ['id', 'call_id', 'reason', 'status', 'attempts', 'call_received_at'],
  access: ['id', 'at', 'actor_id', 'actor_role', 'call_id', 'incident_id', 'screen', 'reason'],
  requests: ['id', 'kind', 'requester', 'details', 'received_on', 'received_at', 'answer', 'answered_at'],
} as const;

export type DataSubjectSection = keyof typeof DATA_SUBJECT_SECTIONS;
export const DATA_SUBJECT_SECTION_NAMES = Object.keys(DATA_SUBJECT_SECTIONS) as DataSubjectSection[];

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const row = z.record(z.string(), value);
export type DataSubjectRow = z.infer<typeof row>;

export const dataSubjectDocumentSchema = z.object({
  phone: z.string(),
  generated_at: z.string(),
  calls: z.array(row),
  incidents: z.array(row),
  blocks: z.array(row),
  callbacks: z.array(row),
  access: z.array(row),
  requests: z.array(row),
});

export type DataSubjectDocument = z.infer<typeof dataSubjectDocumentSchema>;

export function parseDataSubjectDocument(json: unknown): DataSubjectDocument | null {
  const result = dataSubjectDocumentSchema.safeParse(json);
  return result.success ? result.data : null;
}

/** The CSV export of a document (RFC 4180, comma, CRLF). */
export function dataSubjectCsv(doc: DataSubjectDocument): string {
  const lines = [csvLine(['phone', doc.phone]), csvLine(['generated_at', doc.generated_at])];
  for (const section of DATA_SUBJECT_SECTION_NAMES) {
    const fields = DATA_SUBJECT_SECTIONS[section];
    lines.push(csvLine(['section', ...fields]));
    for (const r of doc[section]) lines.push(csvLine([section, ...fields.map((f): CsvValue => r[f] ?? null)]));
  }
  return lines.join('');
}

/** How many rows a document holds in all, for the screen's summary. */
export function dataSubjectRowCount(doc: DataSubjectDocument): number {
  return DATA_SUBJECT_SECTION_NAMES.reduce((n, s) => n + doc[s].length, 0);
}
