import { randomUUID } from 'node:crypto';

// `<workspace uuid>/<uuid>`: two lowercase uuids, nothing else. No dot, no backslash, no
// percent sign, no leading slash: a key can never climb out of the storage root or be read
// differently by a file system and an object store.
const STORAGE_KEY =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh key for a new upload of `workspaceId`. */
export function newStorageKey(workspaceId: string): string {
  return assertStorageKey(`${workspaceId.toLowerCase()}/${randomUUID()}`);
}

/** The key itself when it has the one allowed shape; throws otherwise (a bug, never input). */
export function assertStorageKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
