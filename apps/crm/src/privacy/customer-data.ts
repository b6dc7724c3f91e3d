import { Injectable } from '@nestjs/common';
import type { CrmCustomerDataRequest, CrmCustomerExport, ErasedRows } from '@hub/contracts';
import { Database, eraseCustomerTables, exportCustomerTables } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerError } from '../customers/customer.exception';
import { CUSTOMER_TABLES } from './customer-tables';

/** Everything crm holds about one customer: exported as stored, or erased. */
@Injectable()
export class CustomerData {
  constructor(private readonly database: Database) {}

  async export(request: CrmCustomerDataRequest): Promise<CrmCustomerExport> {
    const dataSource = await this.database.connected();
    // One snapshot, so the tables agree with each other.
    return dataSource.transaction('REPEATABLE READ', async (tx) => {
      const customer = await this.customerRow(tx, request, '');
      const tables = await exportCustomerTables(tx, CUSTOMER_TABLES, paramsOf(request));
      return { customer, tables };
    });
  }

  /** Deletes the customer and every row of theirs; CUSTOMER_NOT_FOUND when already gone. */
  async erase(request: CrmCustomerDataRequest): Promise<ErasedRows> {
    const dataSource = await this.database.connected();
    return dataSource.transaction(async (tx) => {
      // Locked first: a message resolving this customer waits, then finds them gone.
      await this.customerRow(tx, request, 'for update');
      const erased = await eraseCustomerTables(tx, CUSTOMER_TABLES, paramsOf(request));
      await tx.query(`delete from crm.customers where workspace_id = $1 and id = $2`, [
        request.workspaceId,
        request.customerId,
      ]);
      return { erased: { ...erased, 'crm.customers': 1 } };
    });
  }

  private async customerRow(
    tx: EntityManager,
    { workspaceId, customerId }: CrmCustomerDataRequest,
    lock: '' | 'for update',
  ): Promise<Record<string, unknown>> {
    const rows = await tx.query<{ row: Record<string, unknown> }[]>(
      `select to_jsonb(c) as row from crm.customers c where workspace_id = $1 and id = $2 ${lock}`,
      [workspaceId, customerId],
    );
    if (rows.length === 0) throw CustomerError.notFound(customerId);
    return rows[0].row;
  }
}

function paramsOf(request: CrmCustomerDataRequest): unknown[] {
  return [request.workspaceId, request.customerId, request.conversationIds ?? []];
}
