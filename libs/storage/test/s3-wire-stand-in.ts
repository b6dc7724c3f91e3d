import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it, for the test to inspect. */
export interface ReceivedS3Request {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

// `AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/s3/aws4_request,
//  SignedHeaders=<lowercase;sorted>, Signature=<64 hex>`
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * A stand-in for an S3-compatible platform (AWS S3, MinIO...), which these machines cannot
 * reach: a small HTTP server answering PutObject, GetObject, DeleteObject and HeadObject in
 * the S3 REST wire format (path-style `/<bucket>/<key>`, XML errors with `<Code>`), keeping
 * objects in memory. It checks each request carries a well-formed Signature V4 Authorization
 * header for the expected access key and region, signing host, x-amz-date and
 * x-amz-content-sha256, and that a signed payload hash matches the body. It does not recompute
 * the signature itself: that needs the secret key and is aws4fetch's job, tested by its authors.
 */
export class S3WireStandIn {
  readonly requests: ReceivedS3Request[] = [];
  private readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(private readonly expected: { bucket: string; accessKeyId: string; region: string }) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://s3').pathname;
    this.requests.push({ method: req.method ?? '', path, headers: req.headers });
    const refusal = this.authorizationProblem(req, body);
    if (refusal) return xmlError(res, 403, refusal);
    const prefix = `/${this.expected.bucket}/`;
    if (!path.startsWith(prefix)) return xmlError(res, 404, 'NoSuchBucket');
    const key = decodeURIComponent(path.slice(prefix.length));
    const stored = this.objects.get(key);
    switch (req.method ?? '') {
      case 'PUT':
        if (req.headers['content-length'] === undefined)
          return xmlError(res, 411, 'MissingContentLength');
        this.objects.set(key, {
          body,
          contentType: req.headers['content-type'] ?? 'binary/octet-stream',
        });
        res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` });
        return void res.end();
      case 'GET':
        if (!stored) return xmlError(res, 404, 'NoSuchKey');
        res.writeHead(200, {
          'Content-Type': stored.contentType,
          'Content-Length': stored.body.length,
        });
        return void res.end(stored.body);
      case 'HEAD':
        res.writeHead(stored ? 200 : 404, stored ? { 'Content-Length': stored.body.length } : {});
        return void res.end();
      case 'DELETE':
        this.objects.delete(key);
        res.writeHead(204);
        return void res.end();
      default:
        return xmlError(res, 405, 'MethodNotAllowed');
    }
  }

  private authorizationProblem(req: IncomingMessage, body: Buffer): string | null {
    const match = SIGV4.exec(req.headers.authorization ?? '');
    if (!match) return 'AuthorizationHeaderMalformed';
    const [, accessKeyId, date, region, signedHeaders] = match;
    if (accessKeyId !== this.expected.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== this.expected.region) return 'AuthorizationHeaderMalformed';
    const amzDate = req.headers['x-amz-date'];
    if (typeof amzDate !== 'string' || !amzDate.startsWith(date)) return 'AccessDenied';
    const signed = signedHeaders.split(';');
    for (const header of ['host', 'x-amz-date', 'x-amz-content-sha256'])
      if (!signed.includes(header)) return 'AccessDenied';
    const payloadHash = req.headers['x-amz-content-sha256'];
    if (payloadHash !== 'UNSIGNED-PAYLOAD') {
      if (payloadHash !== createHash('sha256').update(body).digest('hex'))
        return 'XAmzContentSHA256Mismatch';
    }
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function xmlError(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`,
  );
}
