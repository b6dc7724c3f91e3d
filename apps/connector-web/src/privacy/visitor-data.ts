import { Injectable } from '@nestjs/common';
import type { ErasedRows, WebVisitorDataRequest, WebVisitorExport } from '@hub/contracts';
import {
  Database,
  eraseCustomerTables,
  exportCustomerTables,
  type CustomerTable,
} from '@hub/service-kit';

const OF_VISITORS = 't.workspace_id = $1 and t.visitor_id = any($2::uuid[])';

/**
 * Every table of `web` keyed by visitor, in erasure order: a visitor row points at its current
 * visit, page views and invitations at their visit, so those go before the visits.
 */
export const VISITOR_TABLES: readonly CustomerTable[] = [
  { table: 'web.visitors', where: OF_VISITORS },
  { table: 'web.page_views', where: OF_VISITORS },
  { table: 'web.invitations', where: OF_VISITORS },
  { table: 'web.visits', where: OF_VISITORS },
  { table: 'web.visitor_sessions', where: OF_VISITORS, omit: ['token_hash'] },
];

/** What the widget recorded about a customer's visitor ids: exported, or erased outright. */
@Injectable()
export class VisitorData {
  constructor(private readonly database: Database) {}

  async export({ workspaceId, visitorIds }: WebVisitorDataRequest): Promise<WebVisitorExport> {
    const dataSource = await this.database.connected();
    const tables = await dataSource.transaction('REPEATABLE READ', (tx) =>
      exportCustomerTables(tx, VISITOR_TABLES, [workspaceId, visitorIds]),
    );
    return { tables };
  }

  /** Deleted, not anonymised: a visit without its visitor says nothing the reports need. */
  async erase({ workspaceId, visitorIds }: WebVisitorDataRequest): Promise<ErasedRows> {
    const dataSource = await this.database.connected();
    const erased = await dataSource.transaction((tx) =>
      eraseCustomerTables(tx, VISITOR_TABLES, [workspaceId, visitorIds]),
    );
    return { erased };
  }
}
