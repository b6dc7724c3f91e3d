import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type CreateTicketFromOfflineMessageRequest,
  type IdentifyCustomerRequest,
  type RecordVisitorProfileRequest,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { DomainException, RpcClient } from '@hub/service-kit';
import { VisitorSessionsService } from '../visitor-sessions/visitor-sessions.service';
import { DepartmentDirectory } from '../visitor-socket/department-directory';
import { WidgetConfigService } from '../widget-config/widget-config.service';
import type { IdentifyVisitorDto } from './dto/identify-visitor.dto';
import type { OfflineMessageDto, OfflineMessageView } from './dto/offline-message.dto';
import type { VisitorProfileDto } from './dto/visitor-profile.dto';
import { isValidIdentityHash } from './identity-hash';
import { WidgetVisitorLimits } from './widget-visitor-limits';

/**
 * What a visitor's widget tells about them over REST, each call authenticated by the visitor
 * token and sent on to crm (the customer record's owner): who the site says they are
 * (identify, HMAC-checked), what they typed in the pre-chat form, and a message left while
 * nobody was online (also stored by conversation as the customer's mail, to be answered by
 * email, when the workspace has an email inbox).
 */
@Injectable()
export class WidgetVisitorService {
  private readonly logger = new Logger(WidgetVisitorService.name);

  constructor(
    private readonly sessions: VisitorSessionsService,
    private readonly config: WidgetConfigService,
    private readonly departments: DepartmentDirectory,
    private readonly limits: WidgetVisitorLimits,
    private readonly rpc: RpcClient,
  ) {}

  async identify(dto: IdentifyVisitorDto): Promise<void> {
    const visitor = await this.sessions.authenticate(dto.token);
    await this.limits.identifyPerVisitor.consume(visitor.visitorId);
    const inbox = await this.sessions.webInbox(visitor.inboxId);
    const { identitySecret } = this.config.settingsOf(inbox);
    if (!isValidIdentityHash(identitySecret, dto.id, dto.hash)) {
      this.logger.warn({ visitorId: visitor.visitorId, inboxId: inbox.id }, 'identify refused');
      throw new DomainException(
        'IDENTITY_HASH_INVALID',
        identitySecret
          ? 'hash is not the HMAC-SHA256 of id with the inbox identity secret'
          : 'This inbox has no identity secret: identify is not available',
      );
    }
    const request: IdentifyCustomerRequest = {
      workspaceId: visitor.workspaceId,
      channel: Channel.Web,
      externalId: visitor.visitorId,
      externalUserId: dto.id,
      ...(dto.name !== undefined ? { name: dto.name } : {}),
      ...(dto.email !== undefined ? { email: dto.email } : {}),
    };
    await this.rpc.request(SUBJECTS.crm.identifyCustomer, request);
  }

  async recordProfile(dto: VisitorProfileDto): Promise<void> {
    const visitor = await this.sessions.authenticate(dto.token);
    await this.limits.profilePerVisitor.consume(visitor.visitorId);
    const request: RecordVisitorProfileRequest = {
      workspaceId: visitor.workspaceId,
      channel: Channel.Web,
      externalId: visitor.visitorId,
      ...(dto.name !== undefined ? { name: dto.name } : {}),
      ...(dto.email !== undefined ? { email: dto.email } : {}),
      ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
    };
    await this.rpc.request(SUBJECTS.crm.recordVisitorProfile, request);
  }

  async leaveMessage(dto: OfflineMessageDto): Promise<OfflineMessageView> {
    const visitor = await this.sessions.authenticate(dto.token);
    await this.limits.offlinePerVisitor.consume(visitor.visitorId);
    if (dto.departmentId) {
      await this.departments.assertInWorkspace(visitor.workspaceId, dto.departmentId);
    }
    const clientMessageId = dto.clientMessageId
      ? `${visitor.visitorId}:${dto.clientMessageId}`
      : undefined;
    // Opened first, so the ticket is linked to the thread its answer is mailed in.
    const { conversationId } = await this.rpc.request(
      SUBJECTS.conversation.openOfflineMessageConversation,
      {
        workspaceId: visitor.workspaceId,
        webInboxId: visitor.inboxId,
        name: dto.name,
        email: dto.email,
        message: dto.message,
        messageKey: clientMessageId ?? randomUUID(),
      },
    );
    const request: CreateTicketFromOfflineMessageRequest = {
      workspaceId: visitor.workspaceId,
      channel: Channel.Web,
      externalId: visitor.visitorId,
      name: dto.name,
      email: dto.email,
      message: dto.message,
      ...(dto.departmentId ? { departmentId: dto.departmentId } : {}),
      ...(clientMessageId ? { clientMessageId } : {}),
      ...(conversationId ? { conversationId } : {}),
    };
    const { ticketId } = await this.rpc.request(
      SUBJECTS.crm.createTicketFromOfflineMessage,
      request,
    );
    return { ticketId };
  }
}
