import type { Channel } from '@hub/domain';

export interface CustomerView {
  id: string;
  workspaceId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  identities: { channel: Channel; externalId: string }[];
  createdAt: string;
}

export interface CannedResponseView {
  id: string;
  shortcut: string;
  text: string;
  departmentId: string | null;
}
