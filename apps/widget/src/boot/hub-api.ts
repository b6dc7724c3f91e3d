import type { Identity } from '../api/hub-http';
import type { HubEvent } from '../state/widget-store';

/** What `Hub(...)` drives (the widget store). */
export interface HubApiTarget {
  setOpen(open: boolean): void;
  setLocale(locale: string): void;
  identify(identity: Identity): Promise<void>;
  on(event: HubEvent, listener: (payload?: unknown) => void): void;
}

export type HubFunction = ((command: string, ...args: unknown[]) => unknown) & { q?: unknown[] };

const EVENTS: readonly HubEvent[] = ['message', 'open', 'close'];

function isIdentity(value: unknown): value is Identity {
  if (typeof value !== 'object' || value === null) return false;
  const { id, hash, name, email } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof hash === 'string' &&
    (name === undefined || typeof name === 'string') &&
    (email === undefined || typeof email === 'string')
  );
}

/**
 * The global `Hub(command, ...args)`: 'open', 'close', 'identify' ({ id, name?, email?, hash }),
 * 'setLocale' ('ja'), 'on' ('message' | 'open' | 'close', fn). A bad call is reported on the
 * console and otherwise ignored: an integrator's typo must not break their page.
 */
export function createHubApi(target: HubApiTarget, warn: (message: string) => void): HubFunction {
  return (command: string, ...args: unknown[]) => {
    switch (command) {
      case 'open':
      case 'close':
        target.setOpen(command === 'open');
        return undefined;
      case 'setLocale':
        if (typeof args[0] === 'string') target.setLocale(args[0]);
        else warn("Hub('setLocale', locale): locale must be a string such as 'ja'");
        return undefined;
      case 'identify':
        if (!isIdentity(args[0])) {
          warn("Hub('identify', { id, name?, email?, hash }): id and hash are required strings");
          return Promise.resolve();
        }
        return target.identify(args[0]).catch((error: unknown) => {
          warn(`Hub('identify') was refused: ${String(error)}`);
          throw error;
        });
      case 'on': {
        const [event, listener] = args;
        if (EVENTS.includes(event as HubEvent) && typeof listener === 'function')
          target.on(event as HubEvent, listener as (payload?: unknown) => void);
        else warn(`Hub('on', event, fn): event is one of ${EVENTS.join(', ')}`);
        return undefined;
      }
      default:
        warn(`Hub: unknown command ${JSON.stringify(command)}`);
        return undefined;
    }
  };
}

/** Replaces the loader's queueing stub with the real `Hub` and replays what was queued. */
export function installHubApi(
  host: { Hub?: HubFunction },
  target: HubApiTarget,
  warn: (message: string) => void,
): void {
  const queued = Array.isArray(host.Hub?.q) ? host.Hub.q : [];
  const hub = createHubApi(target, warn);
  host.Hub = hub;
  for (const call of queued) {
    const [command, ...args] = Array.from(call as ArrayLike<unknown>);
    if (typeof command === 'string')
      void Promise.resolve(hub(command, ...args)).catch(() => undefined);
  }
}
