// Page views for live visitor monitoring: a `view` when the page loads (fetch keepalive) and a
// `leave` with the time spent when it goes away (sendBeacon, which survives the unload). Both are
// JSON sent as text/plain, a "simple" request that needs no CORS preflight.

export interface PageViewEnvironment {
  beaconUrl: string;
  token: () => string | null;
  window: Pick<Window, 'addEventListener' | 'location' | 'document'>;
  fetch: typeof fetch;
  sendBeacon: (url: string, data: Blob) => boolean;
  uuid: () => string;
  now: () => number;
}

export interface ViewEvent {
  type: 'view';
  pageViewId: string;
  url: string;
  title: string;
  referrer: string;
  at: string;
}

export interface LeaveEvent {
  type: 'leave';
  pageViewId: string;
  durationMs: number;
}

export const beaconBody = (token: string, events: Array<ViewEvent | LeaveEvent>) =>
  JSON.stringify({ token, events });

/** Reports this page (call once a session token exists); pages restored from the bfcache count again. */
export function trackPageViews(env: PageViewEnvironment): void {
  let current: { pageViewId: string; startedAt: number } | null = null;

  const view = () => {
    const token = env.token();
    if (!token) return;
    current = { pageViewId: env.uuid(), startedAt: env.now() };
    const { document, location } = env.window;
    const event: ViewEvent = {
      type: 'view',
      pageViewId: current.pageViewId,
      url: location.href,
      title: document.title.slice(0, 1000),
      referrer: document.referrer,
      at: new Date(current.startedAt).toISOString(),
    };
    env
      .fetch(env.beaconUrl, {
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
        headers: { 'Content-Type': 'text/plain' },
        body: beaconBody(token, [event]),
      })
      .catch(() => undefined); // monitoring only: a lost view never disturbs the chat
  };

  const leave = () => {
    const token = env.token();
    if (!token || !current) return;
    const event: LeaveEvent = {
      type: 'leave',
      pageViewId: current.pageViewId,
      durationMs: Math.max(0, Math.round(env.now() - current.startedAt)),
    };
    current = null;
    env.sendBeacon(env.beaconUrl, new Blob([beaconBody(token, [event])], { type: 'text/plain' }));
  };

  env.window.addEventListener('pagehide', leave);
  env.window.addEventListener('pageshow', (event) => {
    if (event.persisted) view();
  });
  view();
}
