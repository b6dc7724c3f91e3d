import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { checkBudget, GZIP_BUDGET_BYTES, manifestFor } from './size-budget';

describe('the widget size budget', () => {
  it('is the 30 KB gzipped the issue sets', () => {
    expect(GZIP_BUDGET_BYTES).toBe(30 * 1024);
  });

  it('measures a bundle by its UTF-8 bytes and its gzipped bytes', () => {
    const code = 'console.log("日本語");'.repeat(200);
    const manifest = manifestFor('widget.abc123.js', code);
    expect(manifest.file).toBe('widget.abc123.js');
    expect(manifest.bytes).toBe(Buffer.byteLength(code, 'utf8'));
    expect(manifest.gzipBytes).toBe(gzipSync(Buffer.from(code), { level: 9 }).length);
    expect(manifest.gzipBytes).toBeLessThan(manifest.bytes);
  });

  it('passes a bundle exactly at the budget and reports its sizes', () => {
    const result = checkBudget({
      file: 'widget.x.js',
      bytes: 90_000,
      gzipBytes: GZIP_BUDGET_BYTES,
    });
    expect(result).toEqual({
      ok: true,
      report: 'widget.x.js: 87.9 KB, 30.0 KB gzipped (budget 30.0 KB)',
    });
  });

  it('fails a bundle one byte over, naming the overrun', () => {
    const result = checkBudget({
      file: 'widget.x.js',
      bytes: 90_000,
      gzipBytes: GZIP_BUDGET_BYTES + 1,
    });
    expect(result.ok).toBe(false);
    expect(result.report).toContain('over budget by 1 bytes');
  });

  it('fails incompressible code that gzips past the budget', () => {
    // Random bytes do not compress: 40 KB of them stay over 30 KB gzipped.
    const code = randomBytes(40 * 1024).toString('latin1');
    const manifest = manifestFor('widget.big.js', code);
    expect(gunzipSync(gzipSync(Buffer.from(code, 'utf8'))).length).toBe(manifest.bytes);
    expect(checkBudget(manifest).ok).toBe(false);
  });
});
