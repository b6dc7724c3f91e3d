import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MessageView } from '@hub/contracts';
import { ContentType } from '@hub/domain';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { ConversationsService } from '../conversations/conversations.service';
import type { PushLinkBody } from './dto/push-link.dto';

/**
 * Push a link: an agent message of content type `link` whose content is the URL, sent the way
 * a reply is (same authorisation, rate limit and resend rule), so the visitor's widget gets it
 * as `message.created` and opens it.
 */
@Injectable()
export class LinksService {
  constructor(private readonly conversations: ConversationsService) {}

  push(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: PushLinkBody,
  ): Promise<MessageView> {
    return this.conversations.send(
      agent,
      conversationId,
      { clientMessageId: body.clientMessageId ?? `link-${randomUUID()}`, content: body.url },
      ContentType.Link,
    );
  }
}
