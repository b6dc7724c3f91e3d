/**
 * Express's `trust proxy` value for TRUST_PROXY (validated by ServiceEnv): off by default, so
 * the client IP is the socket's peer and a forged `X-Forwarded-For` changes nothing.
 */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
