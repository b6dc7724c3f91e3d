import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { ParsedEmail } from './parse-mail';
import type { ParseJob, ParseOutcome } from './parse-worker';

interface Pending {
  resolve: (mail: ParsedEmail) => void;
  reject: (error: Error) => void;
}

/**
 * Parses mails on worker threads, one per core: parsing (MIME, charsets, HTML) is the CPU of
 * the SMTP door, and on the main thread it would hold up every other session's replies.
 * A worker that dies fails its mails (the senders get 451 and retry) and is replaced.
 */
@Injectable()
export class MailParsers implements OnApplicationShutdown {
  private readonly logger = new Logger(MailParsers.name);
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { worker: Worker } & Pending>();
  private nextId = 1;
  private next = 0;
  private stopping = false;

  constructor() {
    const count = Math.max(1, Math.min(4, availableParallelism()));
    for (let i = 0; i < count; i++) this.workers.push(this.start());
  }

  parse(raw: Buffer): Promise<ParsedEmail> {
    const worker = this.workers[this.next++ % this.workers.length];
    const id = this.nextId++;
    return new Promise<ParsedEmail>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, raw } satisfies ParseJob);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    // Beside this file in dist/ (the services run compiled).
    const worker = new Worker(path.join(__dirname, 'parse-worker.js'));
    worker.on('message', (outcome: ParseOutcome) => this.settle(outcome));
    worker.on('error', (error) => this.logger.error({ err: error }, 'mail parser worker failed'));
    worker.on('exit', () => this.replace(worker));
    return worker;
  }

  private settle(outcome: ParseOutcome): void {
    const waiting = this.pending.get(outcome.id);
    if (!waiting) return;
    this.pending.delete(outcome.id);
    if ('error' in outcome) {
      waiting.reject(new Error(outcome.error));
      return;
    }
    const { mail } = outcome;
    waiting.resolve({
      ...mail,
      parts: mail.parts.map((part) => ({
        ...part,
        content: Buffer.from(part.content.buffer, part.content.byteOffset, part.content.length),
      })),
    });
  }

  private replace(dead: Worker): void {
    for (const [id, waiting] of this.pending) {
      if (waiting.worker !== dead) continue;
      this.pending.delete(id);
      waiting.reject(new Error('the mail parser worker stopped'));
    }
    if (this.stopping) return;
    const index = this.workers.indexOf(dead);
    if (index !== -1) this.workers[index] = this.start();
  }
}
