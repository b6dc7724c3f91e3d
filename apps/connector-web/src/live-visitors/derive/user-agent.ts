import type { VisitorDevice } from '@hub/contracts';
import { UAParser } from 'ua-parser-js';

export interface UserAgentInfo {
  browser: string | null;
  os: string | null;
  device: VisitorDevice | null;
}

const MAX_USER_AGENT_LENGTH = 1_000;

/** Browser, OS and kind of device from a User-Agent header (ua-parser-js v1, MIT). */
export function describeUserAgent(userAgent: string | undefined): UserAgentInfo {
  if (!userAgent) return { browser: null, os: null, device: null };
  const result = new UAParser(userAgent.slice(0, MAX_USER_AGENT_LENGTH)).getResult();
  return {
    browser: result.browser.name ?? null,
    os: result.os.name ?? null,
    device: deviceOf(result.device.type, result.browser.name),
  };
}

// ua-parser-js names a device type only for phones, tablets and the like; a known desktop
// browser with no device type is a desktop, a bot or an unknown client is nothing.
function deviceOf(type: string | undefined, browser: string | undefined): VisitorDevice | null {
  if (type === 'mobile' || type === 'wearable') return 'mobile';
  if (type === 'tablet') return 'tablet';
  if (type === undefined && browser !== undefined) return 'desktop';
  return null;
}
