// Runs in a worker thread of MailParsers: parses the raw mails it is sent, answers each by id.
import { parentPort } from 'node:worker_threads';
import { parseMail, type ParsedEmail } from './parse-mail';

export interface ParseJob {
  id: number;
  raw: Uint8Array;
}

/** Structured cloning turns the parts' Buffers into plain Uint8Arrays. */
export type ParseOutcome = { id: number; mail: ParsedEmail } | { id: number; error: string };

parentPort?.on('message', ({ id, raw }: ParseJob) => {
  parseMail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)).then(
    (mail) => parentPort!.postMessage({ id, mail } satisfies ParseOutcome),
    (error: unknown) =>
      parentPort!.postMessage({ id, error: String(error) } satisfies ParseOutcome),
  );
});
