import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { fileTooLarge, uploadMalformed } from '../file.exception';
import { sanitizeFileName } from './file-name';
import { SNIFF_HEAD_BYTES, type SniffInput } from './sniff-file-type';

/** An upload spooled to a temporary file, measured, hashed and ready to be sniffed. */
export interface ReceivedUpload {
  tempPath: string;
  name: string;
  size: number;
  sha256: string;
  sniff: SniffInput;
  /** Removes the temporary file. */
  discard(): Promise<void>;
}

// Room for the multipart boundaries and part headers around the file.
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * Reads the multipart field `file` of `request` into a temporary file, one pass: counting,
 * hashing, keeping the head for the sniffer and checking the text is UTF-8. Past `maxBytes` it
 * stops storing and refuses (FILE_TOO_LARGE); a declared Content-Length past the limit is
 * refused before anything is read. The rest of the body is then discarded by Node.
 */
export async function receiveUpload(
  request: IncomingMessage,
  { maxBytes }: { maxBytes: number },
): Promise<ReceivedUpload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD)
    throw fileTooLarge(maxBytes);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      // Browsers send the file name as UTF-8; busboy's default would read it as Latin-1.
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: maxBytes, fields: 5, parts: 6, fieldSize: 1024 },
    });
  } catch {
    // busboy throws on a missing or non-multipart Content-Type.
    throw uploadMalformed('The body must be multipart/form-data with a field "file"');
  }
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let spooling: Promise<ReceivedUpload> | undefined;
    const fail = (error: Error) => {
      request.unpipe(parser);
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || spooling) {
        stream.resume();
        return;
      }
      // Browsers (WHATWG FormData) send a `"` of the name as %22: the uploader's name had a quote.
      const name = info.filename?.replaceAll('%22', '"');
      spooling = spool(stream, { name, maxBytes });
      spooling.catch((error: Error) => fail(error));
    });
    parser.on('error', () => fail(uploadMalformed('The multipart body is malformed')));
    parser.on('close', () => {
      if (!spooling) fail(uploadMalformed('The multipart body has no field "file"'));
      else spooling.then(resolve, (error: Error) => fail(error));
    });
    request.on('aborted', () => fail(uploadMalformed('The upload was interrupted')));
    request.pipe(parser);
  });
}

async function spool(
  stream: Readable & { truncated?: boolean },
  { name, maxBytes }: { name: string | undefined; maxBytes: number },
): Promise<ReceivedUpload> {
  const tempPath = path.join(tmpdir(), `hub-upload-${randomUUID()}`);
  const discard = () => rm(tempPath, { force: true });
  const inspector = new UploadInspector();
  let tooLarge = false;
  stream.on('limit', () => {
    tooLarge = true;
    // Stop here: nothing past the limit is stored or even parsed.
    stream.destroy(fileTooLarge(maxBytes));
  });
  try {
    await pipeline(stream, inspector, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard();
    throw tooLarge ? fileTooLarge(maxBytes) : error;
  }
  if (inspector.size === 0) {
    await discard();
    throw uploadMalformed('The file is empty');
  }
  return {
    tempPath,
    name: sanitizeFileName(name),
    size: inspector.size,
    sha256: inspector.sha256(),
    sniff: { head: inspector.head(), utf8Text: inspector.utf8Text },
    discard,
  };
}

/** Passes bytes through while measuring them for the checks that follow the upload. */
class UploadInspector extends Transform {
  size = 0;
  utf8Text = true;
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.headLength < SNIFF_HEAD_BYTES) {
      const part = chunk.subarray(0, SNIFF_HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    if (this.utf8Text) this.checkText(chunk, true);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.utf8Text) this.checkText(Buffer.alloc(0), false);
    done();
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  private checkText(chunk: Buffer, more: boolean): void {
    if (chunk.includes(0)) {
      this.utf8Text = false;
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: more });
    } catch {
      // Not UTF-8: the file can still be one of the binary types.
      this.utf8Text = false;
    }
  }
}
