import { Injectable } from '@nestjs/common';
import type { CustomerPage, SearchCustomersRequest } from '@hub/contracts';
import { Database, decodePageCursor, encodePageCursor } from '@hub/service-kit';
import { In } from 'typeorm';
import { Customer } from './customer.entity';
import { CustomerViews } from './customer-views';
import { prefixPattern } from './prefix-pattern';

const DEFAULT_LIMIT = 20;

// Every text match is a prefix on an expression with a text_pattern_ops index (migration
// 1796201000000), one branch per field, so each is an index scan; each branch carries what the
// page needs (updated_at, tags), so the union of the hits is filtered, ordered and cut to a page
// without joining customers again (that join made the planner scan the workspace).
const QUERY_HITS = `
  select id, updated_at, tags from crm.customers
    where workspace_id = $1 and lower(name) like lower($2)
  union select id, updated_at, tags from crm.customers
    where workspace_id = $1 and lower(email) like lower($2)
  union select id, updated_at, tags from crm.customers
    where workspace_id = $1 and phone like $2
  union select c.id, c.updated_at, c.tags
    from crm.customer_identities i join crm.customers c on c.id = i.customer_id
    where i.workspace_id = $1 and lower(i.external_id) like lower($2)`;

/** The SQL and parameters of one page of a search; the benchmark runs the same statement. */
export function customerSearchSql(request: SearchCustomersRequest): {
  sql: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [request.workspaceId];
  const where: string[] = [];
  let source = 'crm.customers c';
  if (request.query !== undefined) {
    parameters.push(prefixPattern(request.query));
    source = `(${QUERY_HITS}) c`;
  } else {
    where.push('c.workspace_id = $1');
  }
  if (request.tag !== undefined) {
    parameters.push([request.tag]);
    where.push(`c.tags @> $${parameters.length}::text[]`);
  }
  if (request.attribute !== undefined) {
    parameters.push(request.attribute.key, JSON.stringify(request.attribute.value));
    where.push(`exists (select 1 from crm.customer_attributes a
      where a.workspace_id = $1 and a.customer_id = c.id
        and a.key = $${parameters.length - 1} and a.value = $${parameters.length}::jsonb)`);
  }
  if (request.cursor !== undefined) {
    const after = decodePageCursor(request.cursor);
    parameters.push(after.at, after.id);
    where.push(
      `(c.updated_at, c.id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
    );
  }
  parameters.push((request.limit ?? DEFAULT_LIMIT) + 1);
  const sql = `select c.id, to_json(c.updated_at) #>> '{}' as at from ${source}
    ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
    order by c.updated_at desc, c.id desc
    limit $${parameters.length}`;
  return { sql, parameters };
}

@Injectable()
export class CustomerSearch {
  constructor(
    private readonly database: Database,
    private readonly views: CustomerViews,
  ) {}

  async page(request: SearchCustomersRequest): Promise<CustomerPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const { sql, parameters } = customerSearchSql(request);
    const manager = this.database.dataSource.manager;
    const rows = await manager.query<{ id: string; at: string }[]>(sql, parameters);
    const page = rows.slice(0, limit);
    const customers = page.length
      ? await manager.findBy(Customer, { id: In(page.map((row) => row.id)) })
      : [];
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    const ordered = page.flatMap((row) => byId.get(row.id) ?? []);
    const last = page.at(-1);
    return {
      customers: await this.views.of(ordered),
      nextCursor: rows.length > limit && last ? encodePageCursor(last) : null,
    };
  }
}
