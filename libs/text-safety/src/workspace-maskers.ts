import { createTextMasker, type TextMasker } from './text-masker';

/** Reads a workspace's masking patterns from wherever the service has them. */
export type LoadMaskingPatterns = (workspaceId: string) => Promise<readonly string[]>;

const CARD_NUMBERS_ONLY = createTextMasker([]);

/**
 * The masker of each workspace, compiled once per distinct pattern list. The loader answers
 * from its own cache (settings change rarely); when it fails, the last masker the workspace
 * had is used, or card numbers only when there was none, and `onLoadFailure` is told (once per
 * error): text is never stored unmasked for want of the settings, nor refused.
 */
export class WorkspaceMaskers {
  private readonly compiled = new Map<string, TextMasker>();
  private readonly lastKnown = new Map<string, TextMasker>();
  // A loader that caches a failed answer for a while gives every message meanwhile the same
  // error: it is reported once, not once per message.
  private readonly reported = new WeakSet<object>();

  constructor(
    private readonly load: LoadMaskingPatterns,
    private readonly onLoadFailure: (workspaceId: string, error: unknown) => void,
  ) {}

  async forWorkspace(workspaceId: string): Promise<TextMasker> {
    let patterns: readonly string[];
    try {
      patterns = await this.load(workspaceId);
    } catch (error) {
      if (!isObject(error) || !this.reported.has(error)) {
        if (isObject(error)) this.reported.add(error);
        this.onLoadFailure(workspaceId, error);
      }
      return this.lastKnown.get(workspaceId) ?? CARD_NUMBERS_ONLY;
    }
    const key = JSON.stringify(patterns);
    let masker = this.compiled.get(key);
    if (!masker) {
      masker = createTextMasker(patterns);
      this.compiled.set(key, masker);
    }
    this.lastKnown.set(workspaceId, masker);
    return masker;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
