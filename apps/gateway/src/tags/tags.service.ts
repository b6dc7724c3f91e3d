import { Injectable } from '@nestjs/common';
import { SUBJECTS, type TagView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { CreateTagBody, UpdateTagBody } from './tag.dto';

/** The workspace's conversation tags (conversation owns them): every agent reads, admins change. */
@Injectable()
export class TagsService {
  constructor(private readonly rpc: RpcClient) {}

  list(agent: AuthenticatedAgent): Promise<TagView[]> {
    return this.rpc.request(SUBJECTS.conversation.listTags, { workspaceId: agent.workspaceId });
  }

  create(agent: AuthenticatedAgent, body: CreateTagBody): Promise<TagView> {
    adminOnly(agent, 'add a tag');
    return this.rpc.request(SUBJECTS.conversation.createTag, {
      workspaceId: agent.workspaceId,
      ...body,
    });
  }

  update(agent: AuthenticatedAgent, tagId: string, body: UpdateTagBody): Promise<TagView> {
    adminOnly(agent, 'change a tag');
    return this.rpc.request(SUBJECTS.conversation.updateTag, {
      workspaceId: agent.workspaceId,
      tagId,
      ...body,
    });
  }

  remove(agent: AuthenticatedAgent, tagId: string): Promise<TagView> {
    adminOnly(agent, 'delete a tag');
    return this.rpc.request(SUBJECTS.conversation.deleteTag, {
      workspaceId: agent.workspaceId,
      tagId,
    });
  }

  /** Any agent of the workspace tags a conversation or takes a tag off. */
  setOnConversation(
    agent: AuthenticatedAgent,
    target: { conversationId: string; tagId: string },
    tagged: boolean,
  ): Promise<TagView[]> {
    return this.rpc.request(SUBJECTS.conversation.setConversationTag, {
      workspaceId: agent.workspaceId,
      ...target,
      tagged,
    });
  }

  ofConversation(agent: AuthenticatedAgent, conversationId: string): Promise<TagView[]> {
    return this.rpc.request(SUBJECTS.conversation.conversationTags, {
      workspaceId: agent.workspaceId,
      conversationId,
    });
  }
}

function adminOnly(agent: AuthenticatedAgent, what: string): void {
  if (!isAdmin(agent)) throw authErrors.adminOnly(what);
}
