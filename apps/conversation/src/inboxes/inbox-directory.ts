import { Injectable } from '@nestjs/common';
import type { InboxView } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { InboxRepository } from './inbox.repository';

/** Inbox lookups, cached: an inbox never changes channel or workspace. */
@Injectable()
export class InboxDirectory {
  private readonly cache = new Map<string, InboxView>();

  constructor(private readonly inboxes: InboxRepository) {}

  async get(inboxId: string): Promise<InboxView> {
    const cached = this.cache.get(inboxId);
    if (cached) return cached;
    return this.read(inboxId);
  }

  /** The inbox as stored now: its settings may have changed since it was cached. */
  async read(inboxId: string): Promise<InboxView> {
    const inbox = await this.inboxes.findById(inboxId);
    if (!inbox) throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    const info: InboxView = {
      id: inbox.id,
      workspaceId: inbox.workspaceId,
      channel: inbox.channel,
      name: inbox.name,
      settings: inbox.settings,
    };
    this.cache.set(inboxId, info);
    return info;
  }

  /** The inbox, only when it belongs to `workspaceId`. */
  async getInWorkspace(workspaceId: string, inboxId: string): Promise<InboxView> {
    const inbox = await this.get(inboxId);
    if (inbox.workspaceId !== workspaceId) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    }
    return inbox;
  }
}
