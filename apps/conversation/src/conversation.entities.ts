import { outboxEntity } from '@hub/outbox';
import { CannedResponse } from './canned-responses/canned-response.entity';
import { Conversation } from './conversations/conversation.entity';
import { CustomerMove } from './customers/customer-move.entity';
import { StoredFile } from './files/stored-file.entity';
import { Inbox } from './inboxes/inbox.entity';
import { Message } from './messages/message.entity';
import { AgentRead } from './reads/agent-read.entity';
import { ConversationTag } from './tags/conversation-tag.entity';
import { Tag } from './tags/tag.entity';

export const conversationEntities = [
  Inbox,
  Conversation,
  Message,
  CannedResponse,
  outboxEntity('conversation'),
  StoredFile,
  CustomerMove,
  Tag,
  ConversationTag,
  AgentRead,
];
