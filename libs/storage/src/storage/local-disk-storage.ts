import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { fileNotFound } from '../file.exception';
import type { FileStorage, StoredObject } from './file-storage';
import { assertStorageKey } from './storage-key';

/**
 * Files in a folder (`FILES_DIR`, default `.hub/files` at the repository root), one file per
 * key. A write goes to a temporary name first and is renamed into place, so a reader never sees
 * half a file.
 */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(object: StoredObject): Promise<void> {
    const target = this.pathOf(object.key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      if (Buffer.isBuffer(object.body)) {
        await pipeline([object.body], createWriteStream(partial, { flags: 'wx' }));
      } else {
        await pipeline(object.body, createWriteStream(partial, { flags: 'wx' }));
      }
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw fileNotFound();
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      await access(file);
      return true;
    } catch {
      // ENOENT (or unreadable): there is no file to serve.
      return false;
    }
  }

  private pathOf(key: string): string {
    const file = path.resolve(this.root, assertStorageKey(key));
    // The key's shape already rules it out; this is the last word on staying inside the root.
    if (!file.startsWith(this.root + path.sep)) throw new Error('storage key escapes the root');
    return file;
  }
}
