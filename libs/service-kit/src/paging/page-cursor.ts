import { DomainException } from '../errors/domain.exception';

/** A position in a list ordered by a timestamp then an id, both descending. */
export interface PagePosition {
  /** The timestamp as PostgreSQL printed it (microseconds kept: a JS Date would lose them). */
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** The one answer to a cursor a list did not hand out (400 at the gateway). */
export function pageCursorInvalid(): DomainException {
  return new DomainException('CURSOR_INVALID', 'The cursor is not one this list gave');
}

// Opaque to clients (base64url of JSON) so they never build one; checked on the way back in.
export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodePageCursor(cursor: string): PagePosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      typeof decoded[1] === 'string' &&
      TIMESTAMP.test(decoded[0]) &&
      UUID.test(decoded[1])
    ) {
      return { at: decoded[0], id: decoded[1] };
    }
  } catch {
    // Not base64url JSON: refused below like any other foreign cursor.
  }
  throw pageCursorInvalid();
}
