import { render } from 'preact';
import { HubHttp } from './api/hub-http';
import { readBootConfig } from './boot/boot-config';
import { type HubFunction, installHubApi } from './boot/hub-api';
import { trackPageViews } from './features/page-views/page-view-beacons';
import { WidgetStore } from './state/widget-store';
import { App } from './ui/App';
import { STYLES } from './ui/styles';

declare global {
  interface Window {
    __HUB_WIDGET__?: unknown;
    Hub?: HubFunction;
  }
}

const warn = (message: string) => console.warn(`[hub widget] ${message}`);

function mount(store: WidgetStore): void {
  const host = document.createElement('div');
  host.id = 'hub-widget';
  document.body.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLES;
  shadow.appendChild(style);
  render(<App store={store} />, shadow);
}

function boot(): void {
  const config = readBootConfig(window.__HUB_WIDGET__);
  if (typeof config === 'string') return warn(config);
  if (document.getElementById('hub-widget')) return warn('the widget is already on this page');
  const http = new HubHttp(config.origin);
  const store = new WidgetStore({
    inboxId: config.inboxId,
    http,
    storage: storageOrNull(),
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
    createSocket: (url) => new WebSocket(url),
    openWindow: (url) => {
      const opened = window.open(url, '_blank');
      if (opened) opened.opener = null; // the pushed page must not script this one
      return opened !== null;
    },
    uuid: () => crypto.randomUUID(),
    now: () => new Date(),
    pageVisible: () => document.visibilityState === 'visible',
  });
  installHubApi(window, store, warn);
  mount(store);
  window.addEventListener('online', () => store.retryConnectionNow());
  window.addEventListener('offline', () => store.connectionLost());
  document.addEventListener('visibilitychange', () => store.pageVisibilityChanged());
  store.start().then(
    () =>
      trackPageViews({
        beaconUrl: http.beaconUrl,
        token: () => store.state.token,
        window,
        fetch: (input, init) => fetch(input, init),
        sendBeacon: (url, data) => navigator.sendBeacon(url, data),
        uuid: () => crypto.randomUUID(),
        now: () => Date.now(),
      }),
    (error: unknown) => warn(`could not start: ${String(error)}`),
  );
}

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch (_blocked) {
    return null; // third-party storage blocked: the widget works without persistence
  }
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });
