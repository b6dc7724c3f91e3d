import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage, newStorageKey, S3Storage, type FileStorage } from '@hub/storage';
import { S3WireStandIn } from './s3-wire-stand-in';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const bytes = Buffer.from(`%PDF-1.4 ${randomUUID()} ${'x'.repeat(200_000)}`);
const sha256 = createHash('sha256').update(bytes).digest('hex');

/** What both stores must do alike. */
function behavesAsFileStorage(storage: () => FileStorage): void {
  it('stores a stream under its key, gives the same bytes back, and deletes them', async () => {
    const key = newStorageKey(randomUUID());

    await storage().put({
      key,
      body: Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      contentType: 'application/pdf',
      contentLength: bytes.length,
      sha256,
    });

    expect(await storage().exists(key)).toBe(true);
    expect((await readAll(await storage().get(key))).equals(bytes)).toBe(true);
    await storage().delete(key);
    expect(await storage().exists(key)).toBe(false);
    await storage().delete(key); // twice: nothing to do, no error
  });

  it('answers FILE_NOT_FOUND for a key with nothing stored', async () => {
    const missing = storage().get(newStorageKey(randomUUID()));

    await expect(missing).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });

  it('refuses a key that is not <uuid>/<uuid>, so no value can climb out or reach another tenant', async () => {
    const workspace = randomUUID();
    for (const key of [
      `../${workspace}/${randomUUID()}`,
      `${workspace}/../../etc/passwd`,
      `/${workspace}/${randomUUID()}`,
      `${workspace}/${randomUUID()}/x`,
      `${workspace}\\${randomUUID()}`,
      `${workspace}/%2e%2e`,
    ]) {
      await expect(storage().exists(key)).rejects.toThrow(/not a storage key/);
      await expect(
        storage().put({ key, body: Buffer.from('x'), contentType: 'text/plain', contentLength: 1 }),
      ).rejects.toThrow(/not a storage key/);
    }
  });
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'hub-storage-'));
    storage = new LocalDiskStorage(root);
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  behavesAsFileStorage(() => storage);

  it('leaves no partial file behind when the stream fails midway', async () => {
    const key = newStorageKey(randomUUID());
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('client went away'));
      },
    });

    await expect(
      storage.put({ key, body: failing, contentType: 'text/plain', contentLength: 5000 }),
    ).rejects.toThrow('client went away');

    expect(await storage.exists(key)).toBe(false);
    const [workspace] = key.split('/');
    expect(await readdir(path.join(root, workspace))).toEqual([]);
  });
});

// Against a stand-in for an outside S3-compatible platform (see s3-wire-stand-in.ts).
describe('S3Storage', () => {
  const settings = { bucket: 'hub-files', accessKeyId: 'AKIDEXAMPLE', region: 'eu-west-1' };
  const standIn = new S3WireStandIn(settings);
  let storage: S3Storage;
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await standIn.start();
    storage = new S3Storage({
      ...settings,
      endpoint,
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      forcePathStyle: true,
    });
  });

  afterAll(() => standIn.stop());

  behavesAsFileStorage(() => storage);

  it('sends PutObject path-style with its length, type and signed payload hash', async () => {
    const key = newStorageKey(randomUUID());

    await storage.put({
      key,
      body: Readable.from([bytes]),
      contentType: 'application/pdf',
      contentLength: bytes.length,
      sha256,
    });

    const put = standIn.requests.findLast((r) => r.method === 'PUT');
    expect(put).toMatchObject({
      path: `/hub-files/${key}`,
      headers: {
        'content-length': String(bytes.length),
        'content-type': 'application/pdf',
        'x-amz-content-sha256': sha256,
        authorization: expect.stringMatching(
          /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, ?SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, ?Signature=[0-9a-f]{64}$/,
        ) as string,
      },
    });
  });

  it('reports the store refusing a request with its error code', async () => {
    const stranger = new S3Storage({
      ...settings,
      endpoint,
      accessKeyId: 'SOMEONE-ELSE',
      secretAccessKey: 'x',
      forcePathStyle: true,
    });

    // A HEAD answer has no body, so GetObject shows the code.
    await expect(stranger.get(newStorageKey(randomUUID()))).rejects.toThrow(
      'S3 GetObject answered 403 (InvalidAccessKeyId)',
    );
    await expect(stranger.exists(newStorageKey(randomUUID()))).rejects.toThrow(
      'S3 HeadObject answered 403',
    );
  });
});
