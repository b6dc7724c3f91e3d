import { checkFile } from './check-file';

const limits = { maxBytes: 1000, accept: ['image/png', 'application/pdf'] };

describe('checkFile', () => {
  it('accepts an allowed type within the size limit', () => {
    expect(checkFile({ size: 1000, type: 'image/png' }, limits)).toBe('ok');
  });

  it('refuses a file over the limit', () => {
    expect(checkFile({ size: 1001, type: 'image/png' }, limits)).toBe('fileTooLarge');
  });

  it('refuses a type the inbox does not accept, and leaves an unknown type to the server', () => {
    expect(checkFile({ size: 10, type: 'image/svg+xml' }, limits)).toBe('fileTypeNotAllowed');
    expect(checkFile({ size: 10, type: '' }, limits)).toBe('ok');
  });
});
