// The gateway's REST and socket views the app reads (docs/agent-socket.md, /api/docs): the hub's
// own view types where libs/contracts has them (type-only: nothing of it reaches the bundle).
import type { AgentView } from '@hub/contracts';

export type {
  AgentView,
  CannedResponseView,
  ConversationListItem,
  ConversationListPage,
  ConversationReadView,
  ConversationView,
  MessageDeliveryRealtime as MessageDeliveryChange,
  MessageView,
  NoteView,
  TagView,
} from '@hub/contracts';

/** The agent as sign-in answers it; `locale` once profiles carry one (the app's language). */
export type SignedInAgent = AgentView & { locale?: string | null };

export type AgentRole = 'admin' | 'supervisor' | 'agent';
export type Presence = 'online' | 'away' | 'offline';

export interface TokenAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  agent: SignedInAgent;
}

export type ConversationStatus = 'open' | 'assigned' | 'pending' | 'resolved' | 'closed';

/** The one error shape of every REST and socket failure. */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  fieldErrors?: { field: string; message: string }[];
  retryAfterMs?: number;
}

export interface DepartmentView {
  id: string;
  name: string;
}

export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  url: string;
}
