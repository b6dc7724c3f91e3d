import { randomUUID } from 'node:crypto';
import type { DepartmentView } from '@hub/contracts';
import type { RpcClient } from '@hub/service-kit';
import { DepartmentDirectory } from './department-directory';

const workspaceId = '1f2e0000-0000-4000-8000-000000000001';
const sales = '5a1e0000-0000-4000-8000-000000000001';
const support = '5a1e0000-0000-4000-8000-000000000002';

const view = (id: string, workspace = workspaceId) =>
  ({
    id,
    workspaceId: workspace,
    name: id,
    agentIds: [],
    queueLength: 0,
    vipOnly: false,
  }) as DepartmentView;

/** A directory over routing's answers, counting how often it asked. */
function directory(departments: DepartmentView[]) {
  const request = jest.fn(() => Promise.resolve([...departments]));
  return { directory: new DepartmentDirectory({ request } as unknown as RpcClient), request };
}

const refusal = {
  code: 'VALIDATION_FAILED',
  fieldErrors: [{ field: 'departmentId', message: expect.any(String) as unknown }],
};

describe('the department directory', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a department of the workspace, asking routing once for many checks', async () => {
    const { directory: d, request } = directory([view(sales)]);

    await Promise.all([
      d.assertInWorkspace(workspaceId, sales),
      d.assertInWorkspace(workspaceId, sales),
    ]);
    await d.assertInWorkspace(workspaceId, sales);

    expect(request).toHaveBeenCalledTimes(1);
  });

  it('refuses a department routing lists under another workspace, and an id it does not know', async () => {
    const { directory: d } = directory([view(sales), view(support, 'another workspace')]);

    await expect(d.assertInWorkspace(workspaceId, support)).rejects.toMatchObject(refusal);
    await expect(d.assertInWorkspace(workspaceId, randomUUID())).rejects.toMatchObject(refusal);
  });

  it('asks routing again about an unknown id at most once a second, so a new department is found', async () => {
    jest.useFakeTimers({ now: 0 });
    const departments = [view(sales)];
    const { directory: d, request } = directory(departments);
    await d.assertInWorkspace(workspaceId, sales);
    departments.push(view(support));

    await expect(d.assertInWorkspace(workspaceId, support)).rejects.toMatchObject(refusal);
    jest.setSystemTime(1_001);
    await d.assertInWorkspace(workspaceId, support);

    expect(request).toHaveBeenCalledTimes(2);
  });
});
