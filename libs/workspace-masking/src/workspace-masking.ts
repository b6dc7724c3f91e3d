import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type GetWorkspaceSettingsRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { WorkspaceMaskers } from '@hub/text-safety';

const PATTERNS_TTL_MS = 30_000;
// While gateway cannot answer, ask again at most this often: a stream of messages must not
// become a stream of failing requests and warnings.
const RETRY_AFTER_FAILURE_MS = 2_000;

/**
 * Masks text before it is stored: card numbers and the workspace's masking patterns (gateway's
 * settings, read at most every 30 s per workspace). conversation masks what customers write
 * (the transcript, and what `message.created` carries), crm what its search indexes hold.
 */
@Injectable()
export class WorkspaceMasking {
  private readonly logger = new Logger(WorkspaceMasking.name);
  private readonly patterns = new Map<string, { patterns: Promise<string[]>; until: number }>();
  private readonly maskers = new WorkspaceMaskers(
    (workspaceId) => this.patternsOf(workspaceId),
    (workspaceId, err) =>
      this.logger.warn({ err, workspaceId }, 'masking patterns unavailable; last known used'),
  );

  constructor(private readonly rpc: RpcClient) {}

  async mask(workspaceId: string, text: string): Promise<string> {
    return (await this.maskers.forWorkspace(workspaceId))(text);
  }

  // The promise is cached, so a burst of messages of one workspace asks gateway once; a failed
  // answer is kept only for RETRY_AFTER_FAILURE_MS (the last known patterns mask meanwhile).
  private patternsOf(workspaceId: string): Promise<string[]> {
    const cached = this.patterns.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.patterns;
    const request: GetWorkspaceSettingsRequest = { workspaceId };
    const patterns = this.rpc
      .request(SUBJECTS.gateway.getWorkspaceSettings, request)
      .then((settings) => settings.maskingPatterns);
    this.patterns.set(workspaceId, { patterns, until: Date.now() + PATTERNS_TTL_MS });
    patterns.catch(() => {
      const entry = this.patterns.get(workspaceId);
      if (entry?.patterns === patterns) entry.until = Date.now() + RETRY_AFTER_FAILURE_MS;
    });
    return patterns;
  }
}
