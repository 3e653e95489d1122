/**
 * CSV as RFC 4180 writes it (comma, CRLF, fields quoted when they hold a comma, quote or line
 * break), plus a guard against formula injection: a spreadsheet would run a cell starting with
 * = + - @ (or a tab/CR), so such text gets a leading apostrophe, as OWASP recommends.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
