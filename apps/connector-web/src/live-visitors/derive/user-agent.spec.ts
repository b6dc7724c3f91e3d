import { describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
  it('tells a desktop Chrome on Windows', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', os: 'Windows', device: 'desktop' });
  });

  it('tells a phone and a tablet', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Mobile Safari', os: 'iOS', device: 'mobile' });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ).device,
    ).toBe('tablet');
  });

  it('knows nothing of a missing or unknown user agent', () => {
    expect(describeUserAgent(undefined)).toEqual({ browser: null, os: null, device: null });
    expect(describeUserAgent('curl-ish thing').device).toBeNull();
  });
});
