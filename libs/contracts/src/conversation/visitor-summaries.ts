import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { IsEntityId } from '../common/validators';

export const MAX_VISITOR_SUMMARIES = 1_000;

/**
 * `conversation.visitor.summaries` → VisitorSummary[]: per web visitor of the workspace, how
 * many conversations they had and the active one (one entry per visitor asked, in order).
 */
export class VisitorSummariesRequest {
  @IsEntityId() workspaceId!: string;
  @IsArray()
  @ArrayMaxSize(MAX_VISITOR_SUMMARIES)
  @IsUUID('all', { each: true })
  visitorIds!: string[];
}

export interface VisitorSummary {
  visitorId: string;
  customerId: string | null;
  conversationCount: number;
  /** The open, assigned or pending conversation, if any: the visitor is chatting. */
  activeConversationId: string | null;
}
