import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import {
  SUBJECTS,
  type CustomerTimelineRequest,
  type TimelineItem,
  type TimelinePage,
  type TimelinePosition,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import {
  Database,
  decodePageCursor,
  encodePageCursor,
  pageCursorInvalid,
  RpcClient,
} from '@hub/service-kit';
import { CustomerIdentity, IdentityKind } from '../customers/customer-identity.entity';
import { Customer } from '../customers/customer.entity';
import { CustomerError } from '../customers/customer.exception';
import { noteItems, orderItems, ticketItems, type SourcePage } from './local-timeline';

const DEFAULT_LIMIT = 20;
// A customer seen on more browsers than this is shown with the visits of the most recent ones.
const MAX_VISITORS = 100;

function newerFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One customer's story, newest first: conversations on every channel (asked of conversation),
 * website visits (asked of connector-web, by the customer's web identities), and crm's own
 * tickets, orders and notes. Each source gives its newest `limit + 1` items after the cursor;
 * merged, the first `limit` are the page, exactly, and one more says there is a next page.
 */
@Injectable()
export class CustomerTimeline {
  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
  ) {}

  async page(request: CustomerTimelineRequest): Promise<TimelinePage> {
    const { workspaceId, customerId } = request;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const before = request.cursor === undefined ? undefined : toPosition(request.cursor);
    const manager = this.database.dataSource.manager;
    if (!(await manager.existsBy(Customer, { id: customerId, workspaceId }))) {
      throw CustomerError.notFound(customerId);
    }
    const source: SourcePage = { workspaceId, customerId, before, limit: limit + 1 };
    const sources = await Promise.all([
      ticketItems(manager, source),
      orderItems(manager, source),
      noteItems(manager, source),
      this.conversations(source),
      this.visits(source),
    ]);
    const merged = sources.flat().sort(newerFirst);
    const items = merged.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        merged.length > limit && last ? encodePageCursor({ at: last.at, id: last.id }) : null,
    };
  }

  private async conversations(page: SourcePage): Promise<TimelineItem[]> {
    const conversations = await this.rpc.request(SUBJECTS.conversation.customerConversations, page);
    return conversations
      .filter((conversation) => conversation.workspaceId === page.workspaceId)
      .map((conversation) => ({
        type: 'conversation',
        id: conversation.id,
        at: conversation.createdAt,
        conversation,
      }));
  }

  // A visit follows the visitor id, which is the external id of the customer's web identity.
  private async visits(page: SourcePage): Promise<TimelineItem[]> {
    const identities = await this.database.dataSource.manager.find(CustomerIdentity, {
      where: { customerId: page.customerId, channel: Channel.Web, kind: IdentityKind.Channel },
      order: { createdAt: 'DESC' },
      take: MAX_VISITORS,
    });
    const visitorIds = identities
      .map((identity) => identity.externalId)
      // connector-web knows visitors by UUID; another web id (an import's) has no visits.
      .filter((id) => isUUID(id, 'all'));
    if (visitorIds.length === 0) return [];
    const { workspaceId, before, limit } = page;
    const visits = await this.rpc.request(SUBJECTS.web.visitorVisits, {
      workspaceId,
      visitorIds,
      limit,
      ...(before ? { before } : {}),
    });
    return visits.map((visit) => ({ type: 'visit', id: visit.id, at: visit.startedAt, visit }));
  }
}

// A timeline cursor holds a millisecond ISO time, as every source compares.
function toPosition(cursor: string): TimelinePosition {
  const position = decodePageCursor(cursor);
  const time = new Date(position.at);
  if (Number.isNaN(time.getTime())) throw pageCursorInvalid();
  return { at: time.toISOString(), id: position.id };
}
