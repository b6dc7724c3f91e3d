import type { Channel } from '@hub/domain';

/** An inbox as other services see it: where its messages come from and whose it is. */
export interface InboxView {
  id: string;
  workspaceId: string;
  channel: Channel;
  name: string;
}
