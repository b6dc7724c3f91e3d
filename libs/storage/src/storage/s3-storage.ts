import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { AwsV4Signer } from 'aws4fetch';
import { fileNotFound } from '../file.exception';
import type { FileStorage, StoredObject } from './file-storage';
import { assertStorageKey } from './storage-key';

export interface S3Settings {
  /** `https://s3.eu-west-1.amazonaws.com`, `http://minio:9000`... */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` (MinIO, most self-hosted stores) instead of `<bucket>.<host>/<key>`. */
  forcePathStyle: boolean;
}

/**
 * Objects in an S3-compatible bucket over its REST API (PutObject, GetObject, DeleteObject,
 * HeadObject), each request signed with AWS Signature V4. aws4fetch (one small file, no
 * dependencies) only signs; the bytes travel over Node's own http(s), streamed both ways with
 * a Content-Length, which S3 requires on PUT and fetch cannot be made to send for a stream.
 */
export class S3Storage implements FileStorage {
  constructor(private readonly settings: S3Settings) {}

  async put(object: StoredObject): Promise<void> {
    const response = await this.send('PUT', object.key, {
      headers: {
        'content-type': object.contentType,
        'content-length': String(object.contentLength),
        // Signed payload when the hash is known (it always is for uploads), else unsigned.
        'x-amz-content-sha256': object.sha256 ?? 'UNSIGNED-PAYLOAD',
      },
      body: object.body,
    });
    await expectStatus(response, [200], 'PutObject');
  }

  async get(key: string): Promise<Readable> {
    const response = await this.send('GET', key);
    if (response.statusCode === 404) {
      response.resume();
      throw fileNotFound();
    }
    await expectStatus(response, [200], 'GetObject', false);
    return response;
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    await expectStatus(response, [200, 204, 404], 'DeleteObject');
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send('HEAD', key);
    if (response.statusCode === 404) {
      response.resume();
      return false;
    }
    await expectStatus(response, [200], 'HeadObject');
    return true;
  }

  private objectUrl(key: string): URL {
    const { endpoint, bucket, forcePathStyle } = this.settings;
    const url = new URL(endpoint);
    const base = url.pathname.replace(/\/$/, '');
    if (forcePathStyle) url.pathname = `${base}/${bucket}/${assertStorageKey(key)}`;
    else {
      url.hostname = `${bucket}.${url.hostname}`;
      url.pathname = `${base}/${assertStorageKey(key)}`;
    }
    return url;
  }

  private async send(
    method: 'PUT' | 'GET' | 'DELETE' | 'HEAD',
    key: string,
    { headers = {}, body }: { headers?: Record<string, string>; body?: Readable | Buffer } = {},
  ): Promise<IncomingMessage> {
    const url = this.objectUrl(key);
    const signer = new AwsV4Signer({
      method,
      url: url.toString(),
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers },
      accessKeyId: this.settings.accessKeyId,
      secretAccessKey: this.settings.secretAccessKey,
      service: 's3',
      region: this.settings.region,
    });
    const signed = await signer.sign();
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const request = client.request(url, {
        method,
        headers: Object.fromEntries(signed.headers.entries()),
      });
      request.on('response', resolve).on('error', reject);
      if (body === undefined) request.end();
      else if (Buffer.isBuffer(body)) request.end(body);
      else body.on('error', (error) => request.destroy(error)).pipe(request);
    });
  }
}

/** Resolves when the store answered one of `expected`; else rejects with its error code. */
async function expectStatus(
  response: IncomingMessage,
  expected: number[],
  operation: string,
  drain = true,
): Promise<void> {
  const status = response.statusCode ?? 0;
  if (expected.includes(status)) {
    if (drain) response.resume();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'unknown';
  throw new Error(`S3 ${operation} answered ${status} (${code})`);
}
