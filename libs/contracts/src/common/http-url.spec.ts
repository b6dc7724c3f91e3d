import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsHttpUrl, isHttpUrl, MAX_URL_LENGTH } from './http-url';

class Link {
  @IsHttpUrl() url!: unknown;
}

class Avatar {
  @IsHttpUrl({ nullable: true }) avatarUrl!: unknown;
}

function failures<T extends object>(type: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(type, plain));
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs with a host', () => {
    for (const url of [
      'https://example.com',
      'http://example.com/path?q=1#frag',
      'HTTPS://Example.COM/a',
      'https://例え.jp/ページ',
      'http://127.0.0.1:8080/x',
    ])
      expect(isHttpUrl(url)).toBe(true);
  });

  it('refuses script, data and other schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'mailto:a@example.com',
    ])
      expect(isHttpUrl(url)).toBe(false);
  });

  it('refuses relative, scheme-relative and hostless URLs', () => {
    for (const url of [
      '/pricing',
      'pricing',
      '//evil.example',
      'http:evil.example',
      'https://',
      'http:///x',
      '',
    ])
      expect(isHttpUrl(url)).toBe(false);
  });

  it('refuses whitespace and control characters a browser would strip or fold', () => {
    for (const url of [
      'https://exa mple.com',
      'https://example.com/\tx',
      'https://a.com/\u0000',
      'https://a.com\n',
    ])
      expect(isHttpUrl(url)).toBe(false);
  });

  it(`accepts ${MAX_URL_LENGTH} characters and refuses one more`, () => {
    const base = 'https://example.com/';
    expect(isHttpUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length))).toBe(true);
    expect(isHttpUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1))).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [null, undefined, 42, {}, ['https://a.com']])
      expect(isHttpUrl(value)).toBe(false);
  });
});

describe('IsHttpUrl', () => {
  it('names the field of a refused URL', () => {
    expect(failures(Link, { url: 'javascript:alert(1)' })).toEqual({ url: ['isHttpUrl'] });
    expect(failures(Link, { url: 'https://example.com' })).toEqual({});
  });

  it('refuses null unless the field may be cleared', () => {
    expect(failures(Link, { url: null })).toEqual({ url: ['isHttpUrl'] });
    expect(failures(Avatar, { avatarUrl: null })).toEqual({});
    expect(failures(Avatar, { avatarUrl: 'data:image/png;base64,AAAA' })).toEqual({
      avatarUrl: ['isHttpUrl'],
    });
  });

  it('refuses an unpaired surrogate PostgreSQL cannot store', () => {
    expect(failures(Link, { url: 'https://example.com/\ud800' })).toEqual({
      url: ['isStorableText'],
    });
  });
});
