import { DomainException } from '@hub/service-kit';

/**
 * The ticket version a writer read: `version` in the body, or the `If-Match` header (`"3"`,
 * `W/"3"` or `3`, as the ticket's `version`). Both given must agree; neither is
 * TICKET_VERSION_REQUIRED, since a write without it could silently overwrite another's.
 */
export function versionRead(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  const header = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  if (bodyVersion !== undefined && header !== undefined && bodyVersion !== header) {
    throw new DomainException('VALIDATION_FAILED', 'If-Match and version disagree', [
      { field: 'version', message: 'version must equal the If-Match header when both are sent' },
    ]);
  }
  const version = bodyVersion ?? header;
  if (version === undefined) {
    throw new DomainException(
      'TICKET_VERSION_REQUIRED',
      'Send the version you read, as the If-Match header or as version in the body',
    );
  }
  return version;
}

function parseIfMatch(value: string): number {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match || Number(match[1]) < 1) {
    throw new DomainException('VALIDATION_FAILED', 'If-Match must hold a ticket version', [
      { field: 'If-Match', message: 'If-Match must be a ticket version such as "3"' },
    ]);
  }
  return Number(match[1]);
}
