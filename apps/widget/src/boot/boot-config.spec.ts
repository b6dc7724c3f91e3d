import { readBootConfig } from './boot-config';

describe('readBootConfig', () => {
  it("reads the loader's origin and inbox", () => {
    expect(readBootConfig({ origin: 'https://hub.example.com/', inboxId: 'i1' })).toEqual({
      origin: 'https://hub.example.com',
      inboxId: 'i1',
    });
  });

  it('refuses a missing inbox or a non-http origin, with the reason', () => {
    expect(readBootConfig(undefined)).toMatch(/not set/);
    expect(readBootConfig({ origin: 'https://hub.example.com' })).toMatch(/inboxId/);
    expect(readBootConfig({ origin: 'javascript:alert(1)', inboxId: 'i1' })).toMatch(/http/);
    expect(readBootConfig({ origin: 'not a url', inboxId: 'i1' })).toMatch(/not a URL/);
  });
});
