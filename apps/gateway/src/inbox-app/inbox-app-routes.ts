/** Paths the gateway answers itself; the inbox app never shadows them. */
const RESERVED_PREFIXES = ['/api', '/ws', '/health', '/metrics', '/files', '/assets'];

/**
 * Whether `path` is one of the app's client routes (`/`, `/conversations/…`), answered with the
 * app's index page: anything outside the reserved prefixes whose last segment is not a file name.
 */
export function isInboxAppRoute(path: string): boolean {
  // Express matches routes case-insensitively: `/API/v1/…` is the API too.
  const lower = path.toLowerCase();
  const reserved = RESERVED_PREFIXES.some(
    (prefix) => lower === prefix || lower.startsWith(`${prefix}/`),
  );
  if (reserved) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
