import { Injectable } from '@nestjs/common';
import type { Channel } from '@hub/domain';
import { DomainException } from '@hub/service-kit';
import { InboxRepository } from './inbox.repository';

export interface InboxInfo {
  id: string;
  workspaceId: string;
  channel: Channel;
  name: string;
}

/** Inbox lookups, cached: an inbox never changes channel or workspace. */
@Injectable()
export class InboxDirectory {
  private readonly cache = new Map<string, InboxInfo>();

  constructor(private readonly inboxes: InboxRepository) {}

  async get(inboxId: string): Promise<InboxInfo> {
    const cached = this.cache.get(inboxId);
    if (cached) return cached;
    const inbox = await this.inboxes.findById(inboxId);
    if (!inbox)
      throw new DomainException('not_found', 'INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    const info: InboxInfo = {
      id: inbox.id,
      workspaceId: inbox.workspaceId,
      channel: inbox.channel,
      name: inbox.name,
    };
    this.cache.set(inboxId, info);
    return info;
  }

  /** The inbox, only when it belongs to `workspaceId`. */
  async getInWorkspace(workspaceId: string, inboxId: string): Promise<InboxInfo> {
    const inbox = await this.get(inboxId);
    if (inbox.workspaceId !== workspaceId) {
      throw new DomainException('not_found', 'INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    }
    return inbox;
  }
}
