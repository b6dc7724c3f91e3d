import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';

/**
 * A customer's VIP flag (`crm.customers.vip`), which routing ranks first. Read through the
 * row's jsonb so that a schema without the column answers `{}` (flag unknown) rather than fail:
 * the column comes with the customer record's own migration.
 */
@Injectable()
export class CustomerVipQuery {
  constructor(private readonly database: Database) {}

  async of(workspaceId: string, customerId: string): Promise<{ vip?: boolean }> {
    const [row] = await this.database.dataSource.query<{ vip: boolean | null }[]>(
      `select (to_jsonb(c) -> 'vip')::boolean as vip from crm.customers c
        where c.id = $1 and c.workspace_id = $2`,
      [customerId, workspaceId],
    );
    return typeof row?.vip === 'boolean' ? { vip: row.vip } : {};
  }
}
