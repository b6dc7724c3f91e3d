import type { InboxView } from '@hub/contracts';
import type { Inbox } from './inbox.entity';

/** An inbox as other services see it, sealed secrets included (never sent to a client as is). */
export function inboxViewOf(inbox: Inbox): InboxView {
  return {
    id: inbox.id,
    workspaceId: inbox.workspaceId,
    channel: inbox.channel,
    name: inbox.name,
    widgetSettings: widgetSettingsOf(inbox.settings),
    settings: inbox.settings,
    createdAt: inbox.createdAt.toISOString(),
    updatedAt: inbox.updatedAt.toISOString(),
  };
}

function widgetSettingsOf(settings: Record<string, unknown>): Record<string, unknown> | null {
  const widget = settings.widget;
  return typeof widget === 'object' && widget !== null && !Array.isArray(widget)
    ? (widget as Record<string, unknown>)
    : null;
}
