import { Injectable } from '@nestjs/common';
import { SUBJECTS, type WorkspaceScopedRequest } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';

// How long a workspace's department list is trusted before routing is asked again.
const FRESH_MS = 60_000;
// An id not in the list asks routing again (it may be a department just created) at most this
// often per workspace, so made-up ids cannot turn every frame into a routing request.
const MISS_REFRESH_MS = 1_000;

interface WorkspaceDepartments {
  ids: ReadonlySet<string>;
  fetchedAt: number;
}

/** Which departments each workspace has, asked of routing (their owner), cached per process. */
@Injectable()
export class DepartmentDirectory {
  private readonly known = new Map<string, WorkspaceDepartments>();
  private readonly fetching = new Map<string, Promise<WorkspaceDepartments>>();

  constructor(private readonly rpc: RpcClient) {}

  /**
   * Refuses a department that is not one of `workspaceId`'s with VALIDATION_FAILED on
   * `departmentId`, whether it is another workspace's or no department at all (the answer does
   * not tell which).
   */
  async assertInWorkspace(workspaceId: string, departmentId: string): Promise<void> {
    let departments = this.known.get(workspaceId);
    const age = departments ? Date.now() - departments.fetchedAt : Infinity;
    if (age > FRESH_MS || (!departments?.ids.has(departmentId) && age > MISS_REFRESH_MS)) {
      departments = await this.refresh(workspaceId);
    }
    if (!departments?.ids.has(departmentId)) throw unknownDepartment();
  }

  private refresh(workspaceId: string): Promise<WorkspaceDepartments> {
    let fetching = this.fetching.get(workspaceId);
    if (!fetching) {
      fetching = this.fetch(workspaceId).finally(() => this.fetching.delete(workspaceId));
      this.fetching.set(workspaceId, fetching);
    }
    return fetching;
  }

  private async fetch(workspaceId: string): Promise<WorkspaceDepartments> {
    const request: WorkspaceScopedRequest = { workspaceId };
    const list = await this.rpc.request(SUBJECTS.routing.listDepartments, request);
    const departments = {
      ids: new Set(list.filter((d) => d.workspaceId === workspaceId).map((d) => d.id)),
      fetchedAt: Date.now(),
    };
    this.known.set(workspaceId, departments);
    return departments;
  }
}

function unknownDepartment(): DomainException {
  const message = "departmentId must be a department of the inbox's workspace";
  return new DomainException('VALIDATION_FAILED', `Invalid request: ${message}`, [
    { field: 'departmentId', message },
  ]);
}
