/**
 * CSV as RFC 4180 writes it (comma, CRLF, fields quoted when they hold the separator, a quote or a
 * line break), plus a guard against formula injection: a spreadsheet would run a cell starting with
 * = + - @ (or a tab/CR), so such text gets a leading apostrophe, as OWASP recommends.
 *
 * Excel opens a CSV by double-click with the Windows list separator, which is `;` under id-ID
 * (the decimal separator there is `,`), and reads it as ANSI unless it starts with a UTF-8 byte order
 * mark: the `excel` dialect writes both, the `rfc` dialect neither.
 */
export type CsvValue = string | number | boolean | null | undefined;
export type CsvSeparator = ',' | ';';

export const CSV_DIALECTS = {
  rfc: { separator: ',', bom: '', decimal: '.' },
  excel: { separator: ';', bom: '\uFEFF', decimal: ',' },
} as const satisfies Record<string, { separator: CsvSeparator; bom: string; decimal: '.' | ',' }>;
export type CsvDialect = keyof typeof CSV_DIALECTS;

export function csvField(value: CsvValue, separator: CsvSeparator = ',', decimal: '.' | ',' = '.'): string {
  if (value === null || value === undefined) return '';
  // Only a number's decimal mark differs between dialects; a number is never defused below.
  let text = typeof value === 'number' ? String(value).replace('.', decimal) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const special = separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[], separator: CsvSeparator = ',', decimal: '.' | ',' = '.'): string {
  return `${values.map((v) => csvField(v, separator, decimal)).join(separator)}\r\n`;
}

/** A whole file in one dialect: BOM (excel), header, rows; numbers with the dialect's decimal mark. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, dialect: CsvDialect): string {
  const { separator, bom, decimal } = CSV_DIALECTS[dialect];
  return bom + csvLine(header, separator) + rows.map((r) => csvLine(r, separator, decimal)).join('');
}
