import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and one CRLF line per row, empty cells for null, quoting only when needed', () => {
    const csv = toCsv(
      [
        { header: 'name', cell: (row: { name: string; n: number | null }) => row.name },
        { header: 'n', cell: (row) => row.n },
      ],
      [
        { name: 'plain', n: 1.5 },
        { name: 'a, "b"\nc', n: null },
      ],
    );

    expect(csv).toBe('name,n\r\nplain,1.5\r\n"a, ""b""\nc",\r\n');
  });
});
