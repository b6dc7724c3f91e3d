import { DomainException } from '@hub/service-kit';
import { versionRead } from './if-match';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  return undefined;
}

describe('versionRead', () => {
  it('takes the version from the body or from If-Match, quoted, weak or bare', () => {
    expect(versionRead(4, undefined)).toBe(4);
    expect(versionRead(undefined, '"4"')).toBe(4);
    expect(versionRead(undefined, 'W/"4"')).toBe(4);
    expect(versionRead(undefined, '4')).toBe(4);
    expect(versionRead(4, '"4"')).toBe(4);
  });

  it('requires one of them: a write without the version read could overwrite another', () => {
    expect(codeOf(() => versionRead(undefined, undefined))).toBe('TICKET_VERSION_REQUIRED');
  });

  it('refuses an If-Match that is no version, or one disagreeing with the body', () => {
    expect(codeOf(() => versionRead(undefined, '*'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => versionRead(undefined, '"0"'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => versionRead(3, '"4"'))).toBe('VALIDATION_FAILED');
  });
});
