import { Injectable, Logger } from '@nestjs/common';
import type { DraftRealtime } from '@hub/contracts';
import { WorkspaceMaskers } from '@hub/text-safety';
import { WorkspacesService } from '../workspaces/workspaces.service';

/**
 * A visitor's draft as the agent may see it: connector-web masked its card numbers, and here
 * the workspace's own patterns are masked too (the gateway holds the settings, so drafts cost
 * no request).
 */
@Injectable()
export class DraftMasking {
  private readonly logger = new Logger(DraftMasking.name);
  private readonly maskers = new WorkspaceMaskers(
    async (workspaceId) => (await this.workspaces.settings(workspaceId)).maskingPatterns,
    (workspaceId, err) =>
      this.logger.warn({ err, workspaceId }, 'masking patterns unavailable; last known used'),
  );

  constructor(private readonly workspaces: WorkspacesService) {}

  /** The draft event's text form, masked. */
  async maskedFrame(draft: DraftRealtime): Promise<string> {
    const mask = await this.maskers.forWorkspace(draft.workspaceId);
    return JSON.stringify({ ...draft, text: mask(draft.text) });
  }
}
