import type { HubApiTarget, HubFunction } from './hub-api';
import { installHubApi } from './hub-api';

function target() {
  const calls: unknown[][] = [];
  const api: HubApiTarget = {
    setOpen: (open) => void calls.push(['setOpen', open]),
    setLocale: (locale) => void calls.push(['setLocale', locale]),
    identify: (identity) => Promise.resolve(void calls.push(['identify', identity])),
    on: (event, listener) => void calls.push(['on', event, typeof listener]),
  };
  return { api, calls };
}

describe('the Hub global', () => {
  it("replays the loader's queued calls in order, then answers calls directly", async () => {
    const { api, calls } = target();
    const stub = Object.assign(() => undefined, {
      q: [['setLocale', 'ja'], ['open'], ['on', 'message', () => undefined]],
    }) as HubFunction;
    const host: { Hub?: HubFunction } = { Hub: stub };
    installHubApi(host, api, () => undefined);
    expect(calls).toEqual([
      ['setLocale', 'ja'],
      ['setOpen', true],
      ['on', 'message', 'function'],
    ]);
    expect(host.Hub).not.toBe(stub);
    await host.Hub?.('identify', { id: 'u1', name: 'Kim', email: 'kim@example.com', hash: 'h' });
    host.Hub?.('close');
    expect(calls.slice(3)).toEqual([
      ['identify', { id: 'u1', name: 'Kim', email: 'kim@example.com', hash: 'h' }],
      ['setOpen', false],
    ]);
  });

  it('installs without a loader stub', () => {
    const { api, calls } = target();
    const host: { Hub?: HubFunction } = {};
    installHubApi(host, api, () => undefined);
    host.Hub?.('open');
    expect(calls).toEqual([['setOpen', true]]);
  });

  it('warns about bad calls instead of throwing into the host page', () => {
    const { api, calls } = target();
    const warnings: string[] = [];
    const host: { Hub?: HubFunction } = {};
    installHubApi(host, api, (message) => warnings.push(message));
    host.Hub?.('identify', { id: 'u1' });
    host.Hub?.('on', 'hover', () => undefined);
    host.Hub?.('setLocale', 42);
    host.Hub?.('explode');
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(4);
  });
});
