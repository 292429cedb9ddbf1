/**
 * CSV as spreadsheets read it (RFC 4180): every field quoted when it holds a comma, a quote or a line break,
 * quotes doubled, lines ended with CRLF, and a byte-order mark so Excel reads UTF-8 names right.
 *
 * A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by a
 * spreadsheet (a learner's name is untrusted text): it is written with a leading apostrophe, which
 * spreadsheets show as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

export function csvText(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\ufeff${rows.map(csvRow).join('\r\n')}\r\n`;
}
