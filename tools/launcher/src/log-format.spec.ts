import { LineSplitter, formatChildLine, prettyLogRecord } from './log-format';

const plain = { width: 10, color: false };

describe('formatChildLine', () => {
  it('prefixes a plain line with the padded service name', () => {
    expect(formatChildLine('crm', 'hello world', plain)).toEqual(['crm        | hello world']);
  });

  it('pretty-prints a pino record as time, level, context, message and extra fields', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2024-05-01T12:34:56.789Z',
      service: 'crm',
      context: 'CustomersService',
      msg: 'merge skipped',
      customerId: 'c-1',
      reason: 'two words',
    });
    expect(formatChildLine('crm', line, plain)).toEqual([
      'crm        | 12:34:56.789 WARN  [CustomersService] merge skipped customerId=c-1 reason="two words"',
    ]);
  });

  it('maps numeric pino levels and prints an error stack on its own lines', () => {
    const record = {
      level: 50,
      time: 0,
      msg: 'boom',
      err: { message: 'bad', stack: 'Error: bad\n    at x' },
    };
    expect(prettyLogRecord(record, false)).toBe('00:00:00.000 ERROR boom\nError: bad\n    at x');
    expect(formatChildLine('gw', JSON.stringify(record), plain)).toHaveLength(3);
  });

  it('leaves JSON that is not a log record alone', () => {
    expect(formatChildLine('gw', '{"a":1}', plain)).toEqual(['gw         | {"a":1}']);
    expect(formatChildLine('gw', '{not json', plain)).toEqual(['gw         | {not json']);
  });
});

describe('LineSplitter', () => {
  it('holds a partial line back until its end arrives, and flushes the rest at the end', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.push('o\r\nthree')).toEqual(['two']);
    expect(splitter.flush()).toEqual(['three']);
    expect(splitter.flush()).toEqual([]);
  });
});
