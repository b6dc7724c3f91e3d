import type { Channel } from '@hub/domain';

/** An inbox as other services see it: where its messages come from and whose it is. */
export interface InboxView {
  id: string;
  workspaceId: string;
  channel: Channel;
  name: string;
  /**
   * The inbox's `settings.widget` as stored (web inboxes; null when absent), unvalidated: each
   * reader validates what it uses. Holds the identity secret: never send it to a browser.
   */
  widgetSettings: Record<string, unknown> | null;
  /**
   * The inbox's whole `settings` as stored, sealed credentials included (`settings.secrets.<name>`,
   * SecretBox strings that only services given SECRETS_KEY can open). Never send it to a client
   * as it is.
   */
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
