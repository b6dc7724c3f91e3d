import type { SlaPolicyFields, SlaPolicyView } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { SlaPolicy } from './sla-policy.entity';

export function policyView(policy: SlaPolicy): SlaPolicyView {
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    priorities: policy.priorities,
    categoryIds: policy.categoryIds,
    vip: policy.vip,
    firstResponseMinutes: policy.firstResponseMinutes,
    nextResponseMinutes: policy.nextResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    hours: policy.hours,
    createdAt: policy.createdAt.toISOString(),
    updatedAt: policy.updatedAt.toISOString(),
  };
}

/** Every read and write of `routing.sla_policies`. */
export class SlaPoliciesRepository {
  constructor(private readonly db: EntityManager) {}

  /** In the order they are matched: by position, then by creation. */
  list(workspaceId: string): Promise<SlaPolicy[]> {
    return this.db.find(SlaPolicy, {
      where: { workspaceId },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Which of these workspaces have any policy at all (without one, no clock can start). */
  async measuring(workspaceIds: readonly string[]): Promise<Set<string>> {
    const rows: { workspaceId: string }[] = await this.db.query(
      `select w.id as "workspaceId" from unnest($1::uuid[]) as w(id)
        where exists (select 1 from routing.sla_policies where workspace_id = w.id)`,
      [[...new Set(workspaceIds)]],
    );
    return new Set(rows.map((row) => row.workspaceId));
  }

  async create(workspaceId: string, fields: SlaPolicyFields): Promise<SlaPolicy> {
    const position = fields.position ?? (await this.nextPosition(workspaceId));
    return this.db.save(SlaPolicy, this.db.create(SlaPolicy, { ...fields, workspaceId, position }));
  }

  /** null when the workspace has no such policy. */
  async update(
    workspaceId: string,
    policyId: string,
    fields: SlaPolicyFields,
  ): Promise<SlaPolicy | null> {
    const policy = await this.db.findOneBy(SlaPolicy, { id: policyId, workspaceId });
    if (!policy) return null;
    return this.db.save(SlaPolicy, {
      ...policy,
      ...fields,
      position: fields.position ?? policy.position,
    });
  }

  async remove(workspaceId: string, policyId: string): Promise<boolean> {
    const result = await this.db.delete(SlaPolicy, { id: policyId, workspaceId });
    return (result.affected ?? 0) > 0;
  }

  private async nextPosition(workspaceId: string): Promise<number> {
    const [{ next }] = await this.db.query<{ next: number }[]>(
      `select coalesce(max(position) + 1, 0)::int as next
         from routing.sla_policies where workspace_id = $1`,
      [workspaceId],
    );
    return next;
  }
}
