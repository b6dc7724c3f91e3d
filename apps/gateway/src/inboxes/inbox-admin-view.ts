import type { InboxView } from '@hub/contracts';
import type { Channel } from '@hub/domain';

/** An inbox as the admin API answers it: its settings without the sealed secrets. */
export interface InboxAdminView {
  id: string;
  channel: Channel;
  name: string;
  settings: Record<string, unknown>;
  /** The names of the secrets set (their values are never answered). */
  secretsSet: string[];
  createdAt: string;
  updatedAt: string;
}

export function inboxAdminViewOf(inbox: InboxView): InboxAdminView {
  const { secrets, ...settings } = inbox.settings;
  return {
    id: inbox.id,
    channel: inbox.channel,
    name: inbox.name,
    settings,
    secretsSet: typeof secrets === 'object' && secrets !== null ? Object.keys(secrets).sort() : [],
    createdAt: inbox.createdAt,
    updatedAt: inbox.updatedAt,
  };
}
