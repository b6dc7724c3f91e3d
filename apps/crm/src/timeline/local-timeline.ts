import type { TimelineItem, TimelinePosition } from '@hub/contracts';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Note } from '../notes/note.entity';
import { toNoteView } from '../notes/notes.service';
import { Order } from '../orders/order.entity';
import { toOrderView } from '../orders/orders.service';

/** One source's share of a timeline page: up to `limit` items after `before`. */
export interface SourcePage {
  workspaceId: string;
  customerId: string;
  before?: TimelinePosition;
  limit: number;
}

// Each source orders by its time truncated to the millisecond, then id, both descending: the
// precision a position travels in, so no item is skipped or repeated between pages.
function newestFirst<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  timeColumn: string,
  page: SourcePage,
): SelectQueryBuilder<T> {
  const time = `date_trunc('milliseconds', t.${timeColumn})`;
  query
    .where('t.workspace_id = :workspaceId and t.customer_id = :customerId', page)
    .orderBy(time, 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(page.limit);
  if (page.before) {
    query.andWhere(`(${time}, t.id) < (:at::timestamptz, :id::uuid)`, page.before);
  }
  return query;
}

interface TicketRow {
  id: string;
  subject: string;
  status: string;
  priority: string;
  created_at: Date;
}

// Read as raw columns: the ticket's own entity belongs to the tickets feature and grows there.
export async function ticketItems(tx: EntityManager, page: SourcePage): Promise<TimelineItem[]> {
  const query = tx
    .createQueryBuilder()
    .select(['t.id as id', 't.subject as subject', 't.status as status'])
    .addSelect(['t.priority as priority', 't.created_at as created_at'])
    .from('crm.tickets', 't');
  const rows = await newestFirst(query, 'created_at', page).getRawMany<TicketRow>();
  return rows.map(({ created_at: createdAt, ...ticket }) => ({
    type: 'ticket',
    id: ticket.id,
    at: createdAt.toISOString(),
    ticket,
  }));
}

export async function orderItems(tx: EntityManager, page: SourcePage): Promise<TimelineItem[]> {
  const orders = await newestFirst(tx.createQueryBuilder(Order, 't'), 'ordered_at', page).getMany();
  return orders.map((order) => {
    const view = toOrderView(order);
    return { type: 'order', id: order.id, at: view.orderedAt, order: view };
  });
}

export async function noteItems(tx: EntityManager, page: SourcePage): Promise<TimelineItem[]> {
  const notes = await newestFirst(tx.createQueryBuilder(Note, 't'), 'created_at', page).getMany();
  return notes.map((note) => {
    const view = toNoteView(note);
    return { type: 'note', id: note.id, at: view.createdAt, note: view };
  });
}
