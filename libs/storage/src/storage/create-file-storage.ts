import { existsSync } from 'node:fs';
import path from 'node:path';
import type { StorageEnv } from '../storage-env';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage } from './s3-storage';

/** The store `FILES_STORE` names, configured from the environment (validated at boot). */
export function createFileStorage(env: StorageEnv): FileStorage {
  if (env.FILES_STORE === 's3') {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(env.FILES_DIR ?? path.join(repoRoot(), '.hub', 'files'));
}

/** The nearest ancestor holding deploy/build.mjs (from src and from dist alike), else the cwd. */
function repoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'deploy', 'build.mjs'))) return dir;
  }
  return process.cwd();
}
