/**
 * CSV for board papers: RFC 4180 (CRLF after every record, including the last;
 * a field is quoted when it holds a comma, a double quote, CR or LF, and its quotes are doubled), and
 * safe to open in a spreadsheet. Following OWASP's CSV-injection advice, a text field starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote so Excel or Sheets
 * shows it as text rather than running it as a formula.
 *
 * Not prefixed: numbers passed as numbers (`-5` stays `-5`), and text that is a plain decimal number
 * such as `-12` or `-0.5`, which a spreadsheet can only read as that number. Anything else starting
 * with a sign is prefixed (`+44 20 7946 0000` becomes `'+44 20 7946 0000`, which also keeps the phone
 * number from being read as a sum).
 *
 * null and undefined are empty fields; booleans are `true` / `false`; a number that is not finite
 * (NaN, Infinity) is an empty field. Headers are escaped like any other field.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads accents and `£` correctly. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file. Every row must have as many fields as there are headers. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  rows.forEach((row, i) => {
    if (row.length !== headers.length) {
      throw new RangeError(`Row ${i + 1} has ${row.length} fields; the headers have ${headers.length}`);
    }
  });
  const lines = [headers, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return `${options.bom ? '\uFEFF' : ''}${lines.join('')}`;
}
