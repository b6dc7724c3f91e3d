import { trackPageViews } from './page-view-beacons';

function page() {
  const listeners = new Map<string, (event: Event) => void>();
  const fetches: Array<{ url: string; init: RequestInit }> = [];
  const beacons: Array<{ url: string; data: Blob }> = [];
  let now = 1_000;
  let ids = 0;
  trackPageViews({
    beaconUrl: 'http://hub.test/api/v1/widget/beacons',
    token: () => 'token-1',
    window: {
      addEventListener: (type: string, listener: (event: Event) => void) =>
        listeners.set(type, listener),
      location: { href: 'https://shop.example/shoes?utm_source=news' } as Location,
      document: { title: 'Shoes <b>sale</b>', referrer: 'https://www.google.com/' } as Document,
    },
    fetch: (url, init) => {
      fetches.push({ url: url as string, init: init ?? {} });
      return Promise.resolve(new Response(null, { status: 204 }));
    },
    sendBeacon: (url, data) => (beacons.push({ url, data }), true),
    uuid: () => `pv-${(ids += 1)}`,
    now: () => now,
  });
  return { listeners, fetches, beacons, advance: (ms: number) => void (now += ms) };
}

describe('trackPageViews', () => {
  it('reports the page view at load as text/plain JSON with keepalive', () => {
    const { fetches } = page();
    expect(fetches).toHaveLength(1);
    const [{ url, init }] = fetches;
    expect(url).toBe('http://hub.test/api/v1/widget/beacons');
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(JSON.parse(init.body as string)).toEqual({
      token: 'token-1',
      events: [
        {
          type: 'view',
          pageViewId: 'pv-1',
          url: 'https://shop.example/shoes?utm_source=news',
          title: 'Shoes <b>sale</b>',
          referrer: 'https://www.google.com/',
          at: new Date(1_000).toISOString(),
        },
      ],
    });
  });

  it('reports the time on the page with sendBeacon when the page goes away', async () => {
    const { listeners, beacons, advance } = page();
    advance(42_000);
    listeners.get('pagehide')?.(new Event('pagehide'));
    expect(beacons).toHaveLength(1);
    expect(beacons[0].data.type).toBe('text/plain');
    expect(JSON.parse(await beacons[0].data.text())).toEqual({
      token: 'token-1',
      events: [{ type: 'leave', pageViewId: 'pv-1', durationMs: 42_000 }],
    });
    listeners.get('pagehide')?.(new Event('pagehide'));
    expect(beacons).toHaveLength(1);
  });

  it('counts a page restored from the back-forward cache as a new view', () => {
    const { listeners, fetches } = page();
    listeners.get('pageshow')?.(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(fetches).toHaveLength(2);
    expect(
      (JSON.parse(fetches[1].init.body as string) as { events: Array<{ pageViewId: string }> })
        .events[0].pageViewId,
    ).toBe('pv-2');
  });
});
