import { Logger } from '@nestjs/common';
import { PeriodicPass } from './periodic-pass';

describe('PeriodicPass', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const logger = new Logger('test');

  it('skips a tick while the last pass still runs, and waits for it on stop', async () => {
    let finish = () => undefined as void;
    const pass = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const periodic = new PeriodicPass(pass, { everyMs: 100, logger, failure: 'failed' });
    periodic.start();
    jest.advanceTimersByTime(350);
    expect(pass).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    jest.advanceTimersByTime(500);
    expect(pass).toHaveBeenCalledTimes(1);
  });

  it('logs a failed pass and runs again at the next tick', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const pass = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(undefined);
    const periodic = new PeriodicPass(pass, { everyMs: 100, logger, failure: 'sweep failed' });
    periodic.start();
    jest.advanceTimersByTime(100);
    await jest.runOnlyPendingTimersAsync();
    const [context, message] = warn.mock.calls[0] as [{ err: Error }, string];
    expect([context.err.message, message]).toEqual(['down', 'sweep failed']);
    expect(pass).toHaveBeenCalledTimes(2);
    await periodic.stop();
  });
});
