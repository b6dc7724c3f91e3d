import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListCannedResponsesRequest, SUBJECTS, type CannedResponseView } from '@hub/contracts';
import { Database, RequestPattern } from '@hub/service-kit';
import { IsNull } from 'typeorm';
import { CannedResponse } from './canned-response.entity';

@Controller()
export class CannedResponsesHandler {
  constructor(private readonly database: Database) {}

  /** The workspace's shared phrases, plus the department's own when one is given. */
  @RequestPattern(SUBJECTS.conversation.listCannedResponses)
  async list(@Payload() request: ListCannedResponsesRequest): Promise<CannedResponseView[]> {
    const departments = [IsNull(), ...(request.departmentId ? [request.departmentId] : [])];
    const rows = await this.database.dataSource.manager.find(CannedResponse, {
      where: departments.map((departmentId) => ({
        workspaceId: request.workspaceId,
        departmentId,
      })),
      order: { shortcut: 'ASC' },
    });
    return rows.map(({ id, shortcut, text, departmentId }) => ({
      id,
      shortcut,
      text,
      departmentId,
    }));
  }
}
