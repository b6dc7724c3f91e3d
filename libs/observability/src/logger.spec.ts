import { Writable } from 'node:stream';
import pino from 'pino';
import { withCorrelationId } from './correlation';
import { createLogger, PinoNestLogger } from './logger';

function sink(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}

function capture(): { logger: PinoNestLogger; lines: Record<string, unknown>[] } {
  const { stream, lines } = sink();
  return { logger: new PinoNestLogger(pino(stream)), lines };
}

describe('PinoNestLogger', () => {
  it('keeps structured fields and the message text apart from the Nest context', () => {
    const { logger, lines } = capture();
    logger.log({ customerId: 'c1' }, 'customer created', 'CustomersService');
    expect(lines[0]).toMatchObject({
      customerId: 'c1',
      msg: 'customer created',
      context: 'CustomersService',
    });
  });

  it('records a string second argument of error() as the stack', () => {
    const { logger, lines } = capture();
    logger.error('boom', 'Error: boom\n    at x', 'Thing');
    expect(lines[0]).toMatchObject({
      msg: 'boom',
      stack: 'Error: boom\n    at x',
      context: 'Thing',
      level: 50,
    });
  });

  it('serialises an Error given as the message', () => {
    const { logger, lines } = capture();
    logger.warn(new Error('lost'));
    expect(lines[0]).toMatchObject({ msg: 'lost', err: { message: 'lost', type: 'Error' } });
  });
});

describe('createLogger', () => {
  it('stamps every line with the service and the current correlation id', () => {
    const { stream, lines } = sink();
    const logger = createLogger({ service: 'test', destination: stream });
    withCorrelationId('corr-1', () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      service: 'test',
      correlationId: 'corr-1',
      msg: 'inside',
      level: 'info',
    });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });
});
