import type { Channel } from '@hub/domain';

/** One way to reach the customer. */
export interface CustomerIdentityView {
  id: string;
  channel: Channel;
  /**
   * `channel`: the person's id on the channel; `site-user`: a website's id for its logged-in
   * user, vouched for by the site (widget identify).
   */
  kind: 'channel' | 'site-user';
  externalId: string;
  /** The channel (or an agent) verified that the person controls it. */
  verified: boolean;
}

export interface CustomerView {
  id: string;
  workspaceId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  emailVerified: boolean;
  phoneVerified: boolean;
  locale: string | null;
  timeZone: string | null;
  avatarUrl: string | null;
  company: string | null;
  tags: string[];
  vip: boolean;
  /** Custom attribute values by key (and `unverifiedContact`, what a visitor typed). */
  attributes: Record<string, unknown>;
  identities: CustomerIdentityView[];
  createdAt: string;
  updatedAt: string;
}

export interface CannedResponseView {
  id: string;
  shortcut: string;
  text: string;
  departmentId: string | null;
  /** `shared` by the workspace (admins and supervisors write them) or the agent's `personal` one. */
  scope: 'shared' | 'personal';
}
