import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type GetWorkspaceSettingsRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { WorkspaceMaskers } from '@hub/text-safety';

const PATTERNS_TTL_MS = 30_000;

/**
 * Masks what a customer wrote before it is stored: card numbers and the workspace's masking
 * patterns (gateway's settings, read at most every 30 s per workspace). The stored text is the
 * transcript and what `message.created` carries, so nothing downstream sees the original.
 */
@Injectable()
export class TranscriptMasking {
  private readonly logger = new Logger(TranscriptMasking.name);
  private readonly patterns = new Map<string, { patterns: string[]; until: number }>();
  private readonly maskers = new WorkspaceMaskers(
    (workspaceId) => this.patternsOf(workspaceId),
    (workspaceId, err) =>
      this.logger.warn({ err, workspaceId }, 'masking patterns unavailable; last known used'),
  );

  constructor(private readonly rpc: RpcClient) {}

  async mask(workspaceId: string, text: string): Promise<string> {
    return (await this.maskers.forWorkspace(workspaceId))(text);
  }

  private async patternsOf(workspaceId: string): Promise<string[]> {
    const cached = this.patterns.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.patterns;
    const request: GetWorkspaceSettingsRequest = { workspaceId };
    // Short: a message waits for this, and the last known patterns are a fine answer.
    const { maskingPatterns } = await this.rpc.request(
      SUBJECTS.gateway.getWorkspaceSettings,
      request,
      { timeoutMs: 2_000 },
    );
    this.patterns.set(workspaceId, {
      patterns: maskingPatterns,
      until: Date.now() + PATTERNS_TTL_MS,
    });
    return maskingPatterns;
  }
}
