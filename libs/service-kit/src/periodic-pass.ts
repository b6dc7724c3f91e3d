import type { Logger } from '@nestjs/common';

/**
 * A background job's timer: once started, runs `pass` every `everyMs`, never two passes at once
 * (a tick that finds the last pass still running is skipped); a failed pass is logged and the
 * next tick retries. `stop` waits for the pass under way, so a shutdown never cuts one short.
 * The timer does not keep the process alive.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly options: { everyMs: number; logger: Logger; failure: string },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running ??= this.pass()
      .then(
        () => undefined,
        (error: unknown) => this.options.logger.warn({ err: error }, this.options.failure),
      )
      .finally(() => (this.running = undefined));
  }
}
