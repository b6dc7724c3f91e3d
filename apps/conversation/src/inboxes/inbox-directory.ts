import { Injectable } from '@nestjs/common';
import type { InboxView } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { InboxRepository } from './inbox.repository';
import { inboxViewOf } from './inbox-view';

// An inbox never changes channel or workspace, but its settings (the widget's) may: a change
// is seen within this long.
const FRESH_MS = 10_000;

/** Inbox lookups, cached briefly. */
@Injectable()
export class InboxDirectory {
  private readonly cache = new Map<string, { inbox: InboxView; until: number }>();

  constructor(private readonly inboxes: InboxRepository) {}

  async get(inboxId: string): Promise<InboxView> {
    const cached = this.cache.get(inboxId);
    if (cached && cached.until > Date.now()) return cached.inbox;
    const inbox = await this.inboxes.findById(inboxId);
    if (!inbox) throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    const info = inboxViewOf(inbox);
    this.cache.set(inboxId, { inbox: info, until: Date.now() + FRESH_MS });
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

  /** Forgets a changed or deleted inbox in this replica at once (others within FRESH_MS). */
  forget(inboxId: string): void {
    this.cache.delete(inboxId);
  }
}
