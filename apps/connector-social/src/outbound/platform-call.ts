/** A platform refused a reply: for good (4xx), or for now (5xx, 429: retried after `retryAfterMs`). */
export class PlatformRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'PlatformRefusal';
  }
}

const TIMEOUT_MS = 20_000;

/** A file to send with a reply, read from the file storage. */
export interface ReplyFile {
  name: string;
  mimeType: string;
  bytes: Buffer;
}

/** A multipart form part holding `file`. */
export function filePart(file: ReplyFile): Blob {
  return new Blob([file.bytes], { type: file.mimeType });
}

/**
 * POSTs to a platform API and returns its JSON answer. A refusal becomes a PlatformRefusal with
 * the platform's own error text (Graph `error.message`, Telegram `description`, LINE `message`);
 * an unreachable platform or a timeout is a temporary refusal.
 */
export async function callPlatform(
  url: string,
  init: { headers?: Record<string, string>; json?: unknown; form?: FormData },
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        ...init.headers,
        ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: init.form ?? JSON.stringify(init.json),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new PlatformRefusal(`the platform was not reached: ${(error as Error).message}`, false);
  }
  const body = (await response.json().then(
    (value: unknown) => (typeof value === 'object' && value !== null ? value : {}),
    () => ({}),
  )) as Record<string, unknown>;
  if (response.ok && body.ok !== false) return body;
  const temporary = response.status === 429 || response.status >= 500;
  throw new PlatformRefusal(
    `${response.status}: ${errorTextOf(body)}`,
    !temporary,
    temporary ? retryAfterMs(response, body) : undefined,
  );
}

function errorTextOf(body: Record<string, unknown>): string {
  const graph = body.error as Record<string, unknown> | undefined;
  const text = graph?.message ?? body.description ?? body.message;
  return typeof text === 'string' ? text : 'refused without a reason';
}

/** `Retry-After` (seconds), or Telegram's `parameters.retry_after`. */
function retryAfterMs(response: Response, body: Record<string, unknown>): number | undefined {
  const header = Number(response.headers.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header * 1000;
  const telegram = Number((body.parameters as Record<string, unknown> | undefined)?.retry_after);
  return Number.isFinite(telegram) && telegram > 0 ? telegram * 1000 : undefined;
}
