/** One CSV column: its header and how a row gives its cell. */
export interface CsvColumn<T> {
  header: string;
  cell: (row: T) => string | number | null;
}

/**
 * RFC 4180 text: a header line, then one line per row, CRLF-separated; a cell holding a comma,
 * a quote or a line break is quoted. An empty cell stands for null.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const line = (cells: (string | number | null)[]) => cells.map(quote).join(',');
  return [
    line(columns.map((column) => column.header)),
    ...rows.map((row) => line(columns.map((column) => column.cell(row)))),
  ]
    .map((text) => `${text}\r\n`)
    .join('');
}

function quote(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
