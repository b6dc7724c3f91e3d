import type { Readable } from 'node:stream';

/** What to store under a key. */
export interface StoredObject {
  key: string;
  /** The bytes: a stream of exactly `contentLength` bytes, or a buffer. */
  body: Readable | Buffer;
  contentType: string;
  contentLength: number;
  /** Hex SHA-256 of the bytes, when known (S3 then signs the payload itself). */
  sha256?: string;
}

/**
 * Where uploaded files' bytes live: local disk by default, an S3-compatible store by
 * configuration (`FILES_STORE`). Keys are `<workspaceId>/<uuid>`; a key of any other shape is
 * refused, so no caller's value can become a path or another tenant's object.
 */
export interface FileStorage {
  put(object: StoredObject): Promise<void>;
  /** The bytes under `key`; FILE_NOT_FOUND when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** The injection token of the configured FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
