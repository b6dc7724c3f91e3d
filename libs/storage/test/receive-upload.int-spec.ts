import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { DomainException } from '@hub/service-kit';
import { receiveUpload } from '../src/uploads/receive-upload';

const BOUNDARY = 'hub-test-boundary';

/** A multipart body sent in chunks without a Content-Length, as a streaming client would. */
function multipart(name: string, content: Buffer): ReadableStream<Uint8Array> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const parts: Uint8Array[] = [head];
  for (let i = 0; i < content.length; i += 4096) parts.push(content.subarray(i, i + 4096));
  parts.push(tail);
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

describe('receiveUpload: one streaming pass over a multipart upload', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      receiveUpload(request, { maxBytes: 50_000 }).then(
        async (upload) => {
          const stored = await readFile(upload.tempPath);
          await upload.discard();
          response.end(
            JSON.stringify({
              name: upload.name,
              size: upload.size,
              same: stored.length,
              sha256: upload.sha256,
              text: upload.sniff.utf8Text,
            }),
          );
        },
        (error: unknown) => {
          response.statusCode = error instanceof DomainException ? error.status : 500;
          response.end(JSON.stringify({ code: (error as DomainException).code }));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = async (name: string, content: Buffer) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart(name, content),
      duplex: 'half',
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('spools, measures and hashes a file sent without a Content-Length, reading its UTF-8 name', async () => {
    // 35,000 bytes of UTF-8 text, arriving in 4 KiB chunks that split characters.
    const content = Buffer.from('注文 '.repeat(5000), 'utf8');

    const { status, body } = await post('注文書.txt', content);

    expect(status).toBe(200);
    expect(body).toMatchObject({ name: '注文書.txt', size: 35_000, same: 35_000, text: true });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops at the limit while streaming and answers FILE_TOO_LARGE', async () => {
    const { status, body } = await post('big.bin', Buffer.alloc(200_000, 1));

    expect({ status, body }).toEqual({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
  });
});
