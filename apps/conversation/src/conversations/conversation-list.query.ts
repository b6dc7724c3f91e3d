import { Injectable } from '@nestjs/common';
import type { ConversationListItem, ListConversationsRequest } from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { In } from 'typeorm';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { UNREAD_COUNT_SQL } from '../reads/read-positions';
import { Tags } from '../tags/tags';
import { Conversation } from './conversation.entity';
import { toConversationView } from './views';

const DEFAULT_LIMIT = 50;

/** `%text%` for ILIKE, with the pattern's own characters taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The SQL of one page of the list (ids and the reader's unread counts, newest activity first);
 * the benchmark runs the same statement. Every filter is a plain condition on the workspace's
 * rows, so the planner picks the index that narrows most: (workspace, status, updated_at) or
 * (workspace, updated_at) for the order, the assignee and department indexes, the tag index, or
 * the trigram indexes for a search.
 */
export function conversationListSql(request: ListConversationsRequest): {
  sql: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [request.workspaceId, request.actor.agentId];
  const where = ['c.workspace_id = $1'];
  const add = (value: unknown) => `$${parameters.push(value)}`;
  const unassigned = request.view === 'unassigned';
  const status = unassigned ? (request.status ?? ConversationStatus.Open) : request.status;
  if (status) where.push(`c.status = ${add(status)}`);
  if (request.view === 'mine') where.push('c.assignee_id = $2');
  if (unassigned) where.push('c.assignee_id is null');
  if (request.departmentId) where.push(`c.department_id = ${add(request.departmentId)}`);
  if (request.priority) where.push(`c.priority = ${add(request.priority)}`);
  if (request.channel)
    where.push(`c.inbox_id in (select i.id from conversation.inboxes i
      where i.workspace_id = $1 and i.channel = ${add(request.channel)})`);
  if (request.tagId)
    where.push(`c.id in (select t.conversation_id from conversation.conversation_tags t
      where t.tag_id = ${add(request.tagId)})`);
  if (request.ids) where.push(`c.id = any(${add(request.ids)}::uuid[])`);
  if (request.q !== undefined) {
    // One IN over a union, not ORs: each branch is an index scan (the trigram indexes, the
    // customer index) and the planner joins their ids once, instead of testing every row.
    const pattern = add(containsPattern(request.q));
    where.push(`c.id in (
        select m.conversation_id from conversation.messages m
         where m.workspace_id = $1 and m.content ilike ${pattern}
        union select s.id from conversation.conversations s
         where s.workspace_id = $1 and s.customer_external_id ilike ${pattern}
        union select s.id from conversation.conversations s
         where s.workspace_id = $1 and s.customer_id = any(${add(request.customerIds ?? [])}::uuid[]))`);
  }
  const limit = add(request.limit ?? DEFAULT_LIMIT);
  const sql = `select c.id, ${UNREAD_COUNT_SQL} as unread
      from conversation.conversations c
      left join conversation.agent_reads r on r.conversation_id = c.id and r.agent_id = $2
     where ${where.join(' and ')}
     order by c.updated_at desc, c.id desc
     limit ${limit}`;
  return { sql, parameters };
}

/** The list an agent sees: filtered, searched, with their unread counts and each one's tags. */
@Injectable()
export class ConversationList {
  constructor(
    private readonly database: Database,
    private readonly inboxes: InboxDirectory,
    private readonly tags: Tags,
  ) {}

  async page(request: ListConversationsRequest): Promise<ConversationListItem[]> {
    const manager = this.database.dataSource.manager;
    const { sql, parameters } = conversationListSql(request);
    const rows = await manager.query<{ id: string; unread: number }[]>(sql, parameters);
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [conversations, tags] = await Promise.all([
      manager.findBy(Conversation, { id: In(ids) }),
      this.tags.ofConversations(ids),
    ]);
    const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
    const items: ConversationListItem[] = [];
    for (const row of rows) {
      const conversation = byId.get(row.id);
      if (!conversation) continue; // deleted between the two reads (transcript retention)
      const inbox = await this.inboxes.get(conversation.inboxId);
      items.push({
        ...toConversationView(conversation, inbox.channel),
        unreadCount: row.unread,
        tags: tags.get(row.id) ?? [],
      });
    }
    return items;
  }
}
