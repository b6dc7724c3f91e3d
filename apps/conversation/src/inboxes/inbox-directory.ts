import { Injectable } from '@nestjs/common';
import type { InboxView } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { InboxRepository } from './inbox.repository';

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
    const info: InboxView = {
      id: inbox.id,
      workspaceId: inbox.workspaceId,
      channel: inbox.channel,
      name: inbox.name,
      widgetSettings: widgetSettingsOf(inbox.settings),
      settings: inbox.settings,
      createdAt: inbox.createdAt.toISOString(),
      updatedAt: inbox.updatedAt.toISOString(),
    };
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
}

function widgetSettingsOf(settings: Record<string, unknown>): Record<string, unknown> | null {
  const widget = settings.widget;
  return typeof widget === 'object' && widget !== null && !Array.isArray(widget)
    ? (widget as Record<string, unknown>)
    : null;
}
