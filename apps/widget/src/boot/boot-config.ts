/** `window.__HUB_WIDGET__`, set by the `/widget.js` loader. */
export interface BootConfig {
  origin: string;
  inboxId: string;
}

/** The loader's settings, or null (with the reason) when they are missing or malformed. */
export function readBootConfig(value: unknown): BootConfig | string {
  if (typeof value !== 'object' || value === null) return 'window.__HUB_WIDGET__ is not set';
  const { origin, inboxId } = value as Record<string, unknown>;
  if (typeof inboxId !== 'string' || inboxId === '')
    return 'window.__HUB_WIDGET__.inboxId is missing';
  if (typeof origin !== 'string') return 'window.__HUB_WIDGET__.origin is missing';
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'origin must be http(s)';
    return { origin: url.origin, inboxId };
  } catch (_invalid) {
    return `window.__HUB_WIDGET__.origin is not a URL: ${origin}`;
  }
}
