import { ERROR_CODES, httpStatusOf, isErrorCode } from './error-codes';

describe('the error-code catalogue', () => {
  it('gives the HTTP status of a code', () => {
    expect(httpStatusOf('INBOX_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
    expect(httpStatusOf('UPSTREAM_TIMEOUT')).toBe(503);
  });

  it('answers every code with an error status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES))
      expect({ code, isError: status >= 400 && status <= 599 }).toEqual({ code, isError: true });
  });

  it('recognises its own codes only, not whatever arrives on the wire', () => {
    expect(isErrorCode('CUSTOMER_NOT_FOUND')).toBe(true);
    expect(isErrorCode('HTTP_404')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
