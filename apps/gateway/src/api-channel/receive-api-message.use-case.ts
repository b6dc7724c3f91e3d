import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  inboundMessageId,
  SUBJECTS,
  type InboundMessageReceived,
  type InboxView,
} from '@hub/contracts';
import { Channel, ContentType } from '@hub/domain';
import { SecretBox } from '@hub/secret-box';
import {
  DomainException,
  exceedsJsonDepth,
  Messaging,
  RpcClient,
  validationFailed,
} from '@hub/service-kit';
import { apiInboxConfig } from './api-inbox-config';
import { ApiMessageLimit } from './api-message-limit';
import { ApiInboundMessageBody, type ApiMessageAccepted } from './dto/api-message.dto';
import { verifyApiRequest } from './request-signature';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignedApiRequest {
  inboxId: string;
  ip: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

const unknownInbox = (id: string) =>
  new DomainException('INBOX_NOT_FOUND', `Inbox ${id} does not exist`);

/**
 * An integrator's message into an API inbox: limited per source, checked (inbox, signature,
 * JSON, fields) cheapest first, then published to `inbound.api` with `Nats-Msg-Id` =
 * `<inbox>:<messageId>`; accepted only after JetStream's ack. conversation stores it under its
 * unique `(inbox_id, channel_message_id)` key, so a resend days later is stored once too.
 */
@Injectable()
export class ReceiveApiMessage {
  constructor(
    private readonly limit: ApiMessageLimit,
    private readonly rpc: RpcClient,
    private readonly messaging: Messaging,
    private readonly box: SecretBox,
  ) {}

  async execute(request: SignedApiRequest): Promise<ApiMessageAccepted> {
    this.limit.admit(request);
    const inbox = await this.apiInbox(request.inboxId);
    const { signingSecret, previous } = apiInboxConfig(inbox, this.box);
    verifyApiRequest({
      ...request,
      secret: signingSecret,
      previous,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    const body = await this.parse(request.body);
    const inbound: InboundMessageReceived = {
      workspaceId: inbox.workspaceId,
      inboxId: inbox.id,
      channel: Channel.Api,
      externalMessageId: body.messageId,
      customer: {
        externalId: body.contact.id,
        ...(body.contact.name ? { name: body.contact.name } : {}),
        ...(body.contact.email ? { email: body.contact.email } : {}),
        ...(body.contact.phone ? { phone: body.contact.phone } : {}),
      },
      content: body.content,
      contentType: ContentType.Text,
      sentAt: body.sentAt ?? new Date().toISOString(),
    };
    const { duplicate } = await this.messaging.publisher.publish(
      SUBJECTS.inbound.messageReceived,
      inbound,
      { msgId: inboundMessageId(inbound) },
    );
    return { accepted: true, messageId: body.messageId, duplicate };
  }

  /** The inbox, only when it is an API inbox (any other is unknown here). */
  private async apiInbox(inboxId: string): Promise<InboxView> {
    if (!UUID.test(inboxId)) throw unknownInbox(inboxId);
    const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, { inboxId });
    if (inbox.channel !== Channel.Api) throw unknownInbox(inboxId);
    return inbox;
  }

  private async parse(raw: Buffer): Promise<ApiInboundMessageBody> {
    const text = raw.toString('utf8');
    if (exceedsJsonDepth(text)) {
      throw new DomainException('PAYLOAD_MALFORMED', 'The body nests too deep');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainException('PAYLOAD_MALFORMED', 'The body is not JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new DomainException('PAYLOAD_MALFORMED', 'The body must be a JSON object');
    }
    const body = plainToInstance(ApiInboundMessageBody, json);
    const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationFailed(errors);
    return body;
  }
}
