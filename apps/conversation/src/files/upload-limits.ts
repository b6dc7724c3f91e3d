import { Injectable } from '@nestjs/common';
import type { GetUploadLimitRequest, UploadLimitReply } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { InboxRepository } from '../inboxes/inbox.repository';

/** An inbox's upload limit, from `settings.widget.uploads.maxBytes` (the edge caps it). */
@Injectable()
export class UploadLimits {
  constructor(private readonly inboxes: InboxRepository) {}

  async ofInbox({ workspaceId, inboxId }: GetUploadLimitRequest): Promise<UploadLimitReply> {
    const inbox = await this.inboxes.findById(inboxId);
    if (!inbox || inbox.workspaceId !== workspaceId)
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    const maxBytes = settingAt(inbox.settings, ['widget', 'uploads', 'maxBytes']);
    return {
      maxBytes:
        Number.isSafeInteger(maxBytes) && (maxBytes as number) > 0 ? (maxBytes as number) : null,
    };
  }
}

function settingAt(settings: unknown, path: string[]): unknown {
  let value = settings;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
