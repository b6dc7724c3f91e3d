import { Injectable } from '@nestjs/common';
import type {
  DecideLinkSuggestionRequest,
  LinkSuggestionView,
  ListLinkSuggestionsRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerIdentity } from './customer-identity.entity';
import { Customer } from './customer.entity';
import { CustomerError } from './customer.exception';
import { CustomerWrites } from './customer-writes';
import { LinkSuggestion } from './link-suggestion.entity';

interface SuggestionRow {
  id: string;
  customer_id: string;
  candidate_id: string;
  reason: LinkSuggestion['reason'];
  status: LinkSuggestion['status'];
  created_at: Date;
  other_name: string | null;
}

/** The customers that may be the same person as one customer; agents accept or dismiss them. */
@Injectable()
export class LinkSuggestions {
  constructor(
    private readonly database: Database,
    private readonly writes: CustomerWrites,
  ) {}

  async list({
    workspaceId,
    customerId,
  }: ListLinkSuggestionsRequest): Promise<LinkSuggestionView[]> {
    const rows = await this.database.dataSource.query<SuggestionRow[]>(
      `select s.id, s.customer_id, s.candidate_id, s.reason, s.status, s.created_at,
              o.name as other_name
         from crm.customer_link_suggestions s
         join crm.customers o
           on o.id = case when s.customer_id = $2 then s.candidate_id else s.customer_id end
        where s.workspace_id = $1 and (s.customer_id = $2 or s.candidate_id = $2)
          and s.status = 'pending'
        order by s.created_at desc, s.id`,
      [workspaceId, customerId],
    );
    return rows.map((row) => toView(row, customerId));
  }

  decide(request: DecideLinkSuggestionRequest): Promise<LinkSuggestionView> {
    const { workspaceId, suggestionId, customerId, actor } = request;
    return this.writes.run(async (tx, record) => {
      const suggestion = await tx.findOne(LinkSuggestion, {
        where: { id: suggestionId, workspaceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!suggestion) throw CustomerError.suggestionNotFound(suggestionId);
      const otherId = otherOf(suggestion, customerId);
      if (!otherId) throw CustomerError.suggestionNotFound(suggestionId);
      if (suggestion.status !== 'pending') throw CustomerError.suggestionDecided(suggestionId);
      const [kept, other] = await lockBoth(tx, workspaceId, customerId, otherId);
      const accepted = request.decision === 'accept';
      suggestion.status = accepted ? 'accepted' : 'dismissed';
      suggestion.decidedAt = new Date();
      suggestion.decidedBy = actor.id;
      await tx.save(suggestion);
      const moved = accepted ? await moveIdentities(tx, other.id, kept.id) : [];
      const action = accepted ? 'suggestion_accepted' : 'suggestion_dismissed';
      const decision = { field: 'linkSuggestion', from: null, to: { suggestionId, otherId } };
      await record({ workspaceId, customerId, action, actor, vip: kept.vip, changes: [decision] });
      if (moved.length > 0) {
        const identities = { field: 'identities', from: moved, to: null };
        await record({
          workspaceId,
          customerId: other.id,
          action: 'identity_linked',
          actor,
          vip: other.vip,
          changes: [identities, { field: 'linkedTo', from: null, to: kept.id }],
        });
      }
      const name = other.name;
      return toView({ ...rowOf(suggestion), other_name: name }, customerId);
    });
  }
}

function otherOf(suggestion: LinkSuggestion, customerId: string): string | undefined {
  if (suggestion.customerId === customerId) return suggestion.candidateId;
  if (suggestion.candidateId === customerId) return suggestion.customerId;
  return undefined;
}

// Locked in id order, as every writer of two customers must, so two decisions never deadlock.
async function lockBoth(
  tx: EntityManager,
  workspaceId: string,
  keptId: string,
  otherId: string,
): Promise<[Customer, Customer]> {
  const rows = await tx
    .createQueryBuilder(Customer, 'c')
    .where('c.workspace_id = :workspaceId and c.id in (:...ids)', {
      workspaceId,
      ids: [keptId, otherId],
    })
    .orderBy('c.id')
    .setLock('pessimistic_write')
    .getMany();
  const kept = rows.find((row) => row.id === keptId);
  const other = rows.find((row) => row.id === otherId);
  if (!kept) throw CustomerError.notFound(keptId);
  if (!other) throw CustomerError.notFound(otherId);
  return [kept, other];
}

// The person's ids on every channel now lead to the kept record: their next message on any of
// them lands there. Conversations and tickets stay until the two records are merged.
async function moveIdentities(
  tx: EntityManager,
  fromId: string,
  toId: string,
): Promise<{ channel: string; kind: string; externalId: string }[]> {
  const identities = await tx.findBy(CustomerIdentity, { customerId: fromId });
  if (identities.length > 0)
    await tx.update(CustomerIdentity, { customerId: fromId }, { customerId: toId });
  return identities.map(({ channel, kind, externalId }) => ({ channel, kind, externalId }));
}

function rowOf(suggestion: LinkSuggestion): Omit<SuggestionRow, 'other_name'> {
  return {
    id: suggestion.id,
    customer_id: suggestion.customerId,
    candidate_id: suggestion.candidateId,
    reason: suggestion.reason,
    status: suggestion.status,
    created_at: suggestion.createdAt,
  };
}

// Seen from `customerId`: the other customer is always the candidate.
function toView(row: SuggestionRow, customerId: string): LinkSuggestionView {
  return {
    id: row.id,
    customerId,
    candidateId: row.customer_id === customerId ? row.candidate_id : row.customer_id,
    candidateName: row.other_name,
    reason: row.reason,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
