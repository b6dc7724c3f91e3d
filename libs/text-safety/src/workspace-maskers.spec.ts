import { WorkspaceMaskers } from './workspace-maskers';

describe('WorkspaceMaskers', () => {
  it("masks with each workspace's own patterns", async () => {
    const patterns: Record<string, string[]> = { a: ['ORD-\\d{6}'], b: [] };
    const maskers = new WorkspaceMaskers((id) => Promise.resolve(patterns[id]), fail);
    expect((await maskers.forWorkspace('a'))('ORD-123456')).toBe('***-**3456');
    expect((await maskers.forWorkspace('b'))('ORD-123456')).toBe('ORD-123456');
  });

  it('keeps masking with the last known patterns when the settings cannot be read', async () => {
    let available = true;
    const failures: string[] = [];
    const maskers = new WorkspaceMaskers(
      () =>
        available ? Promise.resolve(['ORD-\\d{6}']) : Promise.reject(new Error('gateway down')),
      (workspaceId) => failures.push(workspaceId),
    );
    await maskers.forWorkspace('a');
    available = false;
    expect((await maskers.forWorkspace('a'))('ORD-123456')).toBe('***-**3456');
    expect((await maskers.forWorkspace('new'))('ORD-123456 4111111111111111')).toBe(
      'ORD-123456 ************1111',
    );
    expect(failures).toEqual(['a', 'new']);
  });

  it('reports a failed answer that its loader keeps giving once, not once per text', async () => {
    const down = Promise.reject(new Error('gateway down'));
    const failures: string[] = [];
    const maskers = new WorkspaceMaskers(
      () => down,
      (workspaceId) => failures.push(workspaceId),
    );
    for (let i = 0; i < 3; i++) await maskers.forWorkspace('a');
    expect(failures).toEqual(['a']);
  });
});

function fail(): never {
  throw new Error('no load failure expected');
}
