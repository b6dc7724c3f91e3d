import { randomUUID } from 'node:crypto';
import { AgentPresence } from '@hub/domain';
import { DepartmentsRepository } from '../src/departments/departments.repository';
import { RoutingTestbed } from './support/routing-testbed';

describe('department availability (who could answer a widget chat now)', () => {
  let bed: RoutingTestbed;
  let departments: DepartmentsRepository;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_availability');
    departments = new DepartmentsRepository(bed.replicas[0].manager);
  });

  afterAll(() => bed.stop());

  it('is online per department and for the workspace only with an active agent whose presence is online', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const support = await bed.department(workspaceId);
    const empty = await bed.department(workspaceId);
    await bed.agent(workspaceId, { presence: AgentPresence.Online, departmentIds: [sales] });
    await bed.agent(workspaceId, { presence: AgentPresence.Away, departmentIds: [support] });
    const removed = await bed.agent(workspaceId, {
      presence: AgentPresence.Online,
      departmentIds: [empty],
    });
    await bed.sql('update routing.agents set active = false where id = $1', [removed]);

    const availability = await departments.availability(workspaceId);

    expect(availability.workspaceOnline).toBe(true);
    expect(Object.fromEntries(availability.departments.map((d) => [d.id, d.online]))).toEqual({
      [sales]: true,
      [support]: false,
      [empty]: false,
    });
  });

  it('is offline for a workspace whose agents are all away or offline, and ignores other workspaces', async () => {
    const workspaceId = randomUUID();
    const other = randomUUID();
    await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    await bed.agent(other, { presence: AgentPresence.Online });

    expect(await departments.availability(workspaceId)).toEqual({
      workspaceOnline: false,
      departments: [],
    });
  });
});
