import type { Channel } from '@hub/domain';

/** An inbox as other services see it: where its messages come from and whose it is. */
export interface InboxView {
  id: string;
  workspaceId: string;
  channel: Channel;
  name: string;
  /** Channel settings (the web widget's under `widget`), as the inbox holds them now. */
  settings: Record<string, unknown>;
}
