import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { IsNull } from 'typeorm';
import { CannedResponse } from './canned-response.entity';

/** Reads of canned responses. */
@Injectable()
export class CannedResponseRepository {
  constructor(private readonly database: Database) {}

  /** The workspace's shared phrases, plus the department's own when one is given; by shortcut. */
  listVisible(query: { workspaceId: string; departmentId?: string }): Promise<CannedResponse[]> {
    const departments = [IsNull(), ...(query.departmentId ? [query.departmentId] : [])];
    return this.database.dataSource.manager.find(CannedResponse, {
      where: departments.map((departmentId) => ({ workspaceId: query.workspaceId, departmentId })),
      order: { shortcut: 'ASC' },
    });
  }
}
