import { createHmac, timingSafeEqual } from 'node:crypto';

export interface FileSignatureInput {
  secret: string;
  fileId: string;
  /** Unix seconds after which the link is refused. */
  expires: number;
}

/** Hex HMAC-SHA256 of `<fileId>:<expires>` under the signing secret. */
export function fileSignature({ secret, fileId, expires }: FileSignatureInput): string {
  return createHmac('sha256', secret).update(`${fileId}:${expires}`).digest('hex');
}

/**
 * Whether `signature` is this file's, for this expiry, and the expiry is still ahead. The
 * comparison takes the same time wherever the first difference is.
 */
export function verifyFileSignature(
  input: FileSignatureInput & { signature: string; nowSeconds?: number },
): boolean {
  const { signature, nowSeconds = Math.floor(Date.now() / 1000) } = input;
  if (!Number.isSafeInteger(input.expires) || input.expires < nowSeconds) return false;
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(fileSignature(input), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
