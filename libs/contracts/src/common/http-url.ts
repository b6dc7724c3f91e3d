import { registerDecorator } from 'class-validator';
import { IsStorableText } from './validators';

/** The longest URL the hub stores (a pushed link, an avatar): what every browser still opens. */
export const MAX_URL_LENGTH = 2048;

// Whitespace and control characters: browsers strip or fold them (`java\tscript:`), so a URL
// holding any is refused rather than stored as something other than what is opened.
function hasSpaceOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return /\s/.test(value);
}

// The authority must follow at once: `http:///host` and `https:\\host` are parsed leniently too.
const HTTP_PREFIX = /^https?:\/\/[^/\\?#]/i;

/**
 * True for an absolute http(s) URL of at most {@link MAX_URL_LENGTH} characters with a host:
 * `javascript:`, `data:`, relative and scheme-relative (`//host`) URLs are false.
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  // The prefix is checked on the text itself: WHATWG parsing would accept `http:host` too.
  if (!HTTP_PREFIX.test(value) || hasSpaceOrControl(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * An absolute http(s) URL ({@link isHttpUrl}) PostgreSQL can store. `nullable`: null is
 * accepted too (a field that clears a URL).
 */
export function IsHttpUrl(options: { nullable?: boolean } = {}): PropertyDecorator {
  return (target, propertyName) => {
    IsStorableText()(target, propertyName);
    registerDecorator({
      name: 'isHttpUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be an absolute http or https URL of at most ${MAX_URL_LENGTH} characters${options.nullable ? ', or null' : ''}`,
      },
      validator: {
        validate: (value: unknown) =>
          (options.nullable === true && value === null) || isHttpUrl(value),
      },
    });
  };
}
