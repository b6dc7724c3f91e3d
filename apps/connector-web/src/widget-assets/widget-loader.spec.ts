import { runInNewContext } from 'node:vm';
import { widgetLoaderSource } from './widget-loader';

interface FakeScript {
  src: string;
  async?: boolean;
  getAttribute(name: string): string | null;
}

// Runs the loader as a page would, with just the DOM it touches.
function runLoader(source: string, tag: FakeScript | null, existingHub?: unknown) {
  const appended: FakeScript[] = [];
  const errors: unknown[] = [];
  const window: Record<string, unknown> = existingHub ? { Hub: existingHub } : {};
  const document = {
    currentScript: tag,
    head: { appendChild: (node: FakeScript) => appended.push(node) },
    createElement: () => ({ getAttribute: () => null }) as unknown as FakeScript,
  };
  runInNewContext(source, {
    window,
    document,
    URL,
    console: { error: (...args: unknown[]) => errors.push(args) },
  });
  return { window, appended, errors };
}

function scriptTag(src: string, inbox: string | null): FakeScript {
  return { src, getAttribute: (name) => (name === 'data-inbox' ? inbox : null) };
}

describe('the /widget.js loader', () => {
  const inboxId = '7b0c7f8e-3f4b-4f51-9d2a-1c1f2e3d4a5b';

  it('appends the hashed bundle from the hub origin it was loaded from, async', () => {
    const { appended } = runLoader(
      widgetLoaderSource('widget.abc123.js'),
      scriptTag('https://hub.example.com/widget.js?v=1', inboxId),
    );

    expect(appended).toHaveLength(1);
    expect(appended[0].src).toBe('https://hub.example.com/widget/widget.abc123.js');
    expect(appended[0].async).toBe(true);
  });

  it('leaves the origin and inbox in __HUB_WIDGET__ and queues Hub calls made before the bundle', () => {
    const { window } = runLoader(
      widgetLoaderSource('widget.abc123.js'),
      scriptTag('http://localhost:3001/widget.js', inboxId),
    );
    const hub = window.Hub as ((...args: unknown[]) => void) & { q: IArguments[] };
    hub('open');
    hub('identify', { id: 'u1' });

    expect(window.__HUB_WIDGET__).toEqual({ origin: 'http://localhost:3001', inboxId });
    expect(hub.q.map((call) => Array.from(call) as unknown[])).toEqual([
      ['open'],
      ['identify', { id: 'u1' }],
    ]);
  });

  it('keeps a Hub the page (or a loaded bundle) already defined', () => {
    const existing = () => undefined;

    const { window } = runLoader(
      widgetLoaderSource('widget.abc123.js'),
      scriptTag('http://localhost:3001/widget.js', inboxId),
      existing,
    );

    expect(window.Hub).toBe(existing);
  });

  it('loads nothing and says why when the tag has no data-inbox', () => {
    const { appended, errors, window } = runLoader(
      widgetLoaderSource('widget.abc123.js'),
      scriptTag('http://localhost:3001/widget.js', null),
    );

    expect(appended).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(window.__HUB_WIDGET__).toBeUndefined();
  });

  it('refuses a bundle name that is not widget.<hash>.js', () => {
    for (const name of ['../secret.js', 'widget.x.js";alert(1);"', 'other.abc123.js']) {
      expect(() => widgetLoaderSource(name)).toThrow('not a bundle file name');
    }
  });
});
