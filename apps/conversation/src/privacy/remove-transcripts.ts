import type { EntityManager } from 'typeorm';

/**
 * Deletes the messages of the conversations `conversations` selects (SQL over `$1` = workspace
 * id and `params` from `$2`), the records of their attached files, and the customer's address
 * and CSAT comment on the conversations themselves. Statuses, times, durations and ratings stay:
 * they are what the conversation counts are made of, and they carry no content.
 */
export async function removeTranscripts(
  tx: EntityManager,
  {
    workspaceId,
    conversations,
    params,
  }: { workspaceId: string; conversations: string; params: unknown[] },
): Promise<Record<string, number>> {
  const [counts] = await tx.query<Record<string, number>[]>(
    `with targets as (${conversations}),
          messages as (
            delete from conversation.messages m
             where m.workspace_id = $1 and m.conversation_id in (select id from targets)
            returning m.attachment_file_id),
          files as (
            delete from conversation.files f
             where f.id in (select attachment_file_id from messages)
            returning 1),
          anonymised as (
            update conversation.conversations c
               set customer_external_id = '', csat_comment = null
             where c.id in (select id from targets)
               and (c.customer_external_id <> '' or c.csat_comment is not null)
            returning 1)
     select (select count(*)::int from messages) as "conversation.messages",
            (select count(*)::int from files) as "conversation.files",
            (select count(*)::int from anonymised) as "conversation.conversations"`,
    [workspaceId, ...params],
  );
  return counts;
}
