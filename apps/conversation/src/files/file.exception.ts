import { DomainException } from '@hub/service-kit';

/** The files feature's failure codes. */
export const FileError = {
  notFound: () => new DomainException('FILE_NOT_FOUND', 'No such file'),
  /** A message may only carry a file its sender may attach (a stranger's upload is refused). */
  notAttachable: () =>
    new DomainException('VALIDATION_FAILED', 'This file cannot be attached', [
      { field: 'fileId', message: 'fileId must be a file you uploaded' },
    ]),
} as const;
