import type { Channel } from '@hub/domain';

export interface CustomerView {
  id: string;
  workspaceId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /**
   * `kind` `channel`: the person's id on the channel; `site-user`: a website's id for its
   * logged-in user, vouched for by the site (widget identify).
   */
  identities: { channel: Channel; kind: 'channel' | 'site-user'; externalId: string }[];
  createdAt: string;
  /** A VIP customer (routing ranks their conversations first); absent when crm lacks the flag. */
  vip?: boolean;
}

export interface CannedResponseView {
  id: string;
  shortcut: string;
  text: string;
  departmentId: string | null;
}
