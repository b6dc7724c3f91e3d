import { Injectable } from '@nestjs/common';
import type {
  CreateTagRequest,
  DeleteTagRequest,
  SetConversationTagRequest,
  TagView,
  UpdateTagRequest,
} from '@hub/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { Database, DomainException } from '@hub/service-kit';
import { In } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';
import { ConversationError } from '../conversations/conversation.exception';
import { ConversationTag } from './conversation-tag.entity';
import { Tag } from './tag.entity';

const TagErrors = {
  notFound: () => new DomainException('TAG_NOT_FOUND', 'No such tag in this workspace'),
  nameTaken: () =>
    new DomainException('TAG_NAME_TAKEN', 'The workspace has a tag of this name', [
      { field: 'name', message: 'name is taken' },
    ]),
};

const tagViewOf = ({ id, name, colour }: Tag): TagView => ({ id, name, colour });
const byName = (a: TagView, b: TagView) => a.name.localeCompare(b.name);

/** The workspace's tags and the conversations they are on; every lookup is workspace-scoped. */
@Injectable()
export class Tags {
  constructor(private readonly database: Database) {}

  private get manager() {
    return this.database.dataSource.manager;
  }

  async list(workspaceId: string): Promise<TagView[]> {
    const rows = await this.manager.find(Tag, { where: { workspaceId } });
    return rows.map(tagViewOf).sort(byName);
  }

  async create(request: CreateTagRequest): Promise<TagView> {
    const tag = this.manager.create(Tag, request);
    return tagViewOf(await this.nameUnique(() => this.manager.save(Tag, tag)));
  }

  async update(request: UpdateTagRequest): Promise<TagView> {
    const tag = await this.find(request.workspaceId, request.tagId);
    if (request.name !== undefined) tag.name = request.name;
    if (request.colour !== undefined) tag.colour = request.colour;
    return tagViewOf(await this.nameUnique(() => this.manager.save(Tag, tag)));
  }

  async delete(request: DeleteTagRequest): Promise<TagView> {
    const tag = await this.find(request.workspaceId, request.tagId);
    await this.manager.delete(Tag, { id: tag.id });
    return tagViewOf(tag);
  }

  /** A conversation's tags, by name; another workspace's conversation is not found. */
  async ofConversation(workspaceId: string, conversationId: string): Promise<TagView[]> {
    const found = await this.manager.existsBy(Conversation, { id: conversationId, workspaceId });
    if (!found) throw ConversationError.notFound(conversationId);
    return (await this.ofConversations([conversationId])).get(conversationId) ?? [];
  }

  /** Each conversation's tags, by name (for a page of the list). */
  async ofConversations(conversationIds: string[]): Promise<Map<string, TagView[]>> {
    const byConversation = new Map<string, TagView[]>();
    if (conversationIds.length === 0) return byConversation;
    const rows = await this.manager
      .createQueryBuilder(ConversationTag, 'ct')
      .innerJoin(Tag, 't', 't.id = ct.tag_id')
      .select(['ct.conversation_id as conversation_id', 't.id as id', 't.name as name'])
      .addSelect('t.colour', 'colour')
      .where({ conversationId: In(conversationIds) })
      .getRawMany<{ conversation_id: string } & TagView>();
    for (const { conversation_id, ...tag } of rows) {
      byConversation.set(conversation_id, [...(byConversation.get(conversation_id) ?? []), tag]);
    }
    for (const tags of byConversation.values()) tags.sort(byName);
    return byConversation;
  }

  /** Puts the tag on or takes it off; both must be the workspace's. Repeating it is a no-op. */
  async set(request: SetConversationTagRequest): Promise<TagView[]> {
    const { workspaceId, conversationId, tagId } = request;
    await this.find(workspaceId, tagId);
    const found = await this.manager.existsBy(Conversation, { id: conversationId, workspaceId });
    if (!found) throw ConversationError.notFound(conversationId);
    if (request.tagged) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(ConversationTag)
        .values({ conversationId, tagId, workspaceId })
        .orIgnore()
        .execute();
    } else {
      await this.manager.delete(ConversationTag, { conversationId, tagId });
    }
    return this.ofConversation(workspaceId, conversationId);
  }

  private async find(workspaceId: string, tagId: string): Promise<Tag> {
    const tag = await this.manager.findOneBy(Tag, { id: tagId, workspaceId });
    if (!tag) throw TagErrors.notFound();
    return tag;
  }

  private async nameUnique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw TagErrors.nameTaken();
      throw error;
    }
  }
}
