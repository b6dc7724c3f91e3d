import { contentDisposition, sanitizeFileName } from './file-name';

describe('sanitizeFileName: an upload name kept as text', () => {
  it('keeps the last path segment only, without control characters or disguising bidi marks', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ada\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFileName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(sanitizeFileName('a\u0000b\r\nc.txt')).toBe('abc.txt');
  });

  it('keeps hostile-looking text as text, and names an empty or dot-only name "file"', () => {
    expect(sanitizeFileName('<img src=x onerror=alert(1)>.png')).toBe(
      '<img src=x onerror=alert(1)>.png',
    );
    expect(sanitizeFileName('')).toBe('file');
    expect(sanitizeFileName(undefined)).toBe('file');
    expect(sanitizeFileName('...')).toBe('file');
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
  });

  it('cuts a long name to 255 characters without splitting a character', () => {
    const name = sanitizeFileName('😀'.repeat(300));

    expect([...name]).toHaveLength(255);
    expect(name).toBe('😀'.repeat(255));
  });
});

describe('contentDisposition: the name as a download header', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('attachment', '見積書 "final".pdf')).toBe(
      `attachment; filename="___ _final_.pdf"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8%20%22final%22.pdf`,
    );
  });

  it('escapes the characters RFC 5987 does not allow unencoded', () => {
    expect(contentDisposition('inline', "it's (1)*!.png")).toBe(
      `inline; filename="it's (1)*!.png"; filename*=UTF-8''it%27s%20%281%29%2A%21.png`,
    );
  });
});
