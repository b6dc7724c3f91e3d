import { DomainException } from '@hub/service-kit';
import { parseBeacon } from './parse-beacon';

const view = {
  type: 'view',
  pageViewId: '0b8f7a1e-8f8e-4a52-9c3b-3a0e1b8f2c11',
  url: 'https://shop.example.com/',
  title: 'Shop',
  referrer: '',
  at: '2026-01-01T00:00:00.000Z',
};

function codeOf(body: unknown): string | undefined {
  try {
    parseBeacon(body);
    return undefined;
  } catch (error) {
    return error instanceof DomainException ? error.code : 'not a domain error';
  }
}

describe('parseBeacon', () => {
  it('reads JSON text (sendBeacon) and JSON bodies alike', () => {
    const body = {
      token: 't',
      events: [view, { type: 'leave', pageViewId: view.pageViewId, durationMs: 1200 }],
    };
    expect(parseBeacon(JSON.stringify(body)).events).toHaveLength(2);
    expect(parseBeacon(body).events[1]).toMatchObject({ type: 'leave', durationMs: 1200 });
  });

  it('refuses text that is not a JSON object as BEACON_MALFORMED', () => {
    expect(codeOf('not json')).toBe('BEACON_MALFORMED');
    expect(codeOf('[1,2]')).toBe('BEACON_MALFORMED');
    expect(codeOf('null')).toBe('BEACON_MALFORMED');
    expect(codeOf('['.repeat(100) + ']'.repeat(100))).toBe('BEACON_MALFORMED');
  });

  it('refuses invalid events with VALIDATION_FAILED', () => {
    expect(codeOf({ token: 't', events: [] })).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: Array(21).fill(view) })).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: [{ ...view, type: 'click' }] })).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: [{ ...view, url: undefined }] })).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: [{ ...view, pageViewId: 'x' }] })).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      codeOf({
        token: 't',
        events: [{ type: 'leave', pageViewId: view.pageViewId, durationMs: -1 }],
      }),
    ).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: [view], extra: 1 })).toBe('VALIDATION_FAILED');
    expect(codeOf({ token: 't', events: [{ ...view, title: 'a\u0000b' }] })).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('keeps hostile titles and URLs as the text they are', () => {
    const hostile = { ...view, title: '<script>alert(1)</script>', url: 'javascript:alert(1)' };
    expect(parseBeacon({ token: 't', events: [hostile] }).events[0]).toMatchObject({
      title: '<script>alert(1)</script>',
      url: 'javascript:alert(1)',
    });
  });
});
