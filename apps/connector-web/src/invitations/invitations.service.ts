import { Injectable, Logger } from '@nestjs/common';
import {
  realtimeSubjects,
  SUBJECTS,
  type AcceptInvitationRequest,
  type GetAgentRequest,
  type InvitationRealtime,
  type InvitationView,
  type SendInvitationRequest,
} from '@hub/contracts';
import { Realtime, RpcClient } from '@hub/service-kit';
import { LivePresence } from '../live-visitors/live-presence';
import { LiveVisitorEvents } from '../live-visitors/live-visitor-events';
import { VisitorViews } from '../live-visitors/visitor-views';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';
import { InvitationError } from './invitation.exception';
import { InvitationRepository, toInvitationView, type Invitation } from './invitation.repository';

/**
 * Invitations to chat: sent by an agent (or an auto-invite rule) to a visitor on the site and
 * not chatting; shown by the widget; accepted (conversation opens with the invitation as its
 * first message) or dismissed by the visitor.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly invitations: InvitationRepository,
    private readonly presence: LivePresence,
    private readonly views: VisitorViews,
    private readonly events: LiveVisitorEvents,
    private readonly realtime: Realtime,
    private readonly rpc: RpcClient,
  ) {}

  /** An agent's invitation: VISITOR_NOT_ONLINE, VISITOR_ALREADY_CHATTING, or sent. */
  async send(request: SendInvitationRequest): Promise<InvitationView> {
    const { workspaceId, visitorId, agentId } = request;
    const online = await this.presence.findOnline(workspaceId, visitorId);
    if (!online) throw InvitationError.notOnline(visitorId);
    await this.assertNotChatting(workspaceId, visitorId);
    const agentRequest: GetAgentRequest = { workspaceId, agentId };
    const agent = await this.rpc.request(SUBJECTS.routing.getAgent, agentRequest);
    const invitation = await this.invitations.insert({
      workspaceId,
      inboxId: online.inboxId,
      visitorId,
      visitId: online.visitId,
      agentId,
      ruleId: null,
      message: request.message,
    });
    // A manual invitation has no rule, so nothing conflicts with it.
    if (!invitation) throw new Error('manual invitation not stored');
    await this.show(invitation, { id: agent.id, name: agent.name, avatarUrl: agent.avatarUrl }, 0);
    this.logger.log({ invitationId: invitation.id, visitorId, agentId }, 'invitation sent');
    return toInvitationView(invitation);
  }

  /** An auto-invite rule's invitation; false when the rule already fired in this visit. */
  async sendAutomatic(invite: {
    visitor: VisitorIdentity;
    visitId: string;
    ruleId: string;
    message: string;
    delaySeconds: number;
  }): Promise<boolean> {
    const invitation = await this.invitations.insert({
      ...invite.visitor,
      visitId: invite.visitId,
      agentId: null,
      ruleId: invite.ruleId,
      message: invite.message,
    });
    if (!invitation) return false;
    await this.show(invitation, null, invite.delaySeconds);
    this.logger.log(
      { invitationId: invitation.id, visitorId: invite.visitor.visitorId, ruleId: invite.ruleId },
      'auto-invitation sent',
    );
    return true;
  }

  /** The visitor accepts: their conversation opens (once, however often this is asked). */
  async accept(
    visitor: VisitorIdentity,
    invitationId: string,
  ): Promise<{ conversationId: string }> {
    const invitation = await this.openInvitation(visitor, invitationId);
    if (invitation.status === 'accepted' && invitation.conversationId)
      return { conversationId: invitation.conversationId };
    const request: AcceptInvitationRequest = {
      workspaceId: invitation.workspaceId,
      inboxId: invitation.inboxId,
      invitationId: invitation.id,
      visitorId: visitor.visitorId,
      message: invitation.message,
      ...(invitation.agentId ? { agentId: invitation.agentId } : {}),
    };
    const { conversationId } = await this.rpc.request(
      SUBJECTS.conversation.acceptInvitation,
      request,
    );
    const settled = await this.invitations.settle(invitation.id, 'accepted', conversationId);
    if (settled) {
      await this.events.invitationUpdated(settled.workspaceId, toInvitationView(settled));
      await this.presence.markChatting(visitor.visitorId, conversationId);
    }
    return { conversationId };
  }

  async dismiss(visitor: VisitorIdentity, invitationId: string): Promise<void> {
    await this.openInvitation(visitor, invitationId);
    const settled = await this.invitations.settle(invitationId, 'dismissed', null);
    if (settled)
      await this.events.invitationUpdated(settled.workspaceId, toInvitationView(settled));
  }

  /** The visitor's invitation, unless it was dismissed or expired. */
  private async openInvitation(
    visitor: VisitorIdentity,
    invitationId: string,
  ): Promise<Invitation> {
    const invitation = await this.invitations.findForVisitor(invitationId, visitor.visitorId);
    if (!invitation || invitation.status === 'dismissed' || invitation.status === 'expired')
      throw InvitationError.notFound(invitationId);
    // A dismissal after acceptance changes nothing; the accept path answers with the conversation.
    return invitation;
  }

  private async assertNotChatting(workspaceId: string, visitorId: string): Promise<void> {
    const summary = (await this.views.summaries(workspaceId, [visitorId])).get(visitorId);
    if (summary?.activeConversationId) throw InvitationError.alreadyChatting(visitorId);
  }

  /** The `invitation` frame, to every socket of the visitor, on whichever replica holds it. */
  private show(
    invitation: Invitation,
    agent: InvitationRealtime['agent'],
    delaySeconds: number,
  ): Promise<void> {
    return this.realtime.publish(realtimeSubjects.visitor(invitation.visitorId), {
      type: 'invitation',
      invitationId: invitation.id,
      agent,
      message: invitation.message,
      delaySeconds,
    });
  }

  /** Whether the visitor chats now (auto-invites never interrupt a chat). */
  async isChatting(workspaceId: string, visitorId: string): Promise<boolean> {
    const summary = (await this.views.summaries(workspaceId, [visitorId])).get(visitorId);
    return Boolean(summary?.activeConversationId);
  }
}
