import { ERROR_CODES, type ErrorCode } from '@hub/contracts';
import { DomainException, errorBody, fromErrorBody } from './domain.exception';

describe('DomainException', () => {
  it('takes its status and kind from the error-code catalogue', () => {
    const error = new DomainException('INBOX_NOT_FOUND', 'Inbox 1 does not exist');

    expect({ status: error.status, kind: error.kind }).toEqual({ status: 404, kind: 'not_found' });
    expect(errorBody(error)).toEqual({
      status: 404,
      code: 'INBOX_NOT_FOUND',
      message: 'Inbox 1 does not exist',
    });
  });

  it('has a kind for every code of the catalogue (only INTERNAL is internal)', () => {
    const internal = (Object.keys(ERROR_CODES) as ErrorCode[]).filter(
      (code) => new DomainException(code, '').kind === 'internal',
    );

    expect(internal).toEqual(['INTERNAL']);
  });

  it('comes back from an RPC error reply with the same code, message and fields', () => {
    const refused = new DomainException('VALIDATION_FAILED', 'Invalid request: bad', [
      { field: 'workspaceId', message: 'must be a UUID' },
    ]);

    const rebuilt = fromErrorBody(errorBody(refused));

    expect(rebuilt).toBeInstanceOf(DomainException);
    expect(errorBody(rebuilt)).toEqual(errorBody(refused));
  });

  it('turns a code outside the catalogue into INTERNAL, keeping the code in the message', () => {
    const rebuilt = fromErrorBody({ status: 404, code: 'HTTP_404', message: 'Cannot GET /x' });

    expect(errorBody(rebuilt)).toEqual({
      status: 500,
      code: 'INTERNAL',
      message: 'HTTP_404: Cannot GET /x',
    });
  });
});
