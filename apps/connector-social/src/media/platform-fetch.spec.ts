import { allowedHosts, isAllowedMediaUrl } from './platform-fetch';

describe('isAllowedMediaUrl', () => {
  const allowed = allowedHosts('fbcdn.net,fbsbx.com', 'https://graph.facebook.com/v21.0');

  it('allows the platform’s media hosts and their subdomains', () => {
    expect(isAllowedMediaUrl('https://scontent.xx.fbcdn.net/v/t1/abc.jpg', allowed)).toBe(true);
    expect(isAllowedMediaUrl('https://lookaside.fbsbx.com/whatsapp_business/x', allowed)).toBe(
      true,
    );
    expect(isAllowedMediaUrl('https://graph.facebook.com/123', allowed)).toBe(true);
  });

  it('refuses other hosts, look-alikes, userinfo tricks, ports and other schemes', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'https://evilfbcdn.net/x',
      'https://fbcdn.net.evil.com/x',
      'https://fbcdn.net@127.0.0.1/x',
      'https://scontent.fbcdn.net:8443/x',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect({ url, allowed: isAllowedMediaUrl(url, allowed) }).toEqual({ url, allowed: false });
    }
  });

  it('pins a port when the entry names one', () => {
    expect(isAllowedMediaUrl('http://127.0.0.1:4000/m', ['127.0.0.1:4000'])).toBe(true);
    expect(isAllowedMediaUrl('http://127.0.0.1:4001/m', ['127.0.0.1:4000'])).toBe(false);
  });
});
