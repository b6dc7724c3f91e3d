import { DomainException } from '@hub/service-kit';

// The errors of uploads and file links, each with its code from the catalogue.

export function fileNotFound(): DomainException {
  return new DomainException('FILE_NOT_FOUND', 'No such file');
}

export function fileLinkExpired(): DomainException {
  return new DomainException(
    'FILE_LINK_EXPIRED',
    'This file link has expired or is not valid; ask for the message again',
  );
}

export function fileTooLarge(maxBytes: number): DomainException {
  return new DomainException('FILE_TOO_LARGE', `Files may be at most ${maxBytes} bytes`);
}

export function fileTypeNotAllowed(): DomainException {
  return new DomainException(
    'FILE_TYPE_NOT_ALLOWED',
    'This kind of file is not accepted (images, PDF, plain text, Office documents, zip, mp3, mp4)',
  );
}

export function uploadMalformed(message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', message, [{ field: 'file', message }]);
}
