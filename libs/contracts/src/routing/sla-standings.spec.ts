import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SlaAlertingTicketsRequest } from './sla-standings';

const workspaceId = '6f1c1e7e-3f55-4a4e-9a59-1f8f1b1f0a11';
const refused = (plain: object) =>
  validateSync(plainToInstance(SlaAlertingTicketsRequest, { workspaceId, ...plain })).map(
    (error) => error.property,
  );

describe('SlaAlertingTicketsRequest', () => {
  it('asks by standing, by minutes until due, or both', () => {
    expect(refused({ standing: 'breached' })).toEqual([]);
    expect(refused({ dueWithinMinutes: 30 })).toEqual([]);
    expect(refused({ standing: 'at_risk', dueWithinMinutes: 10_080 })).toEqual([]);
  });

  it('refuses neither, and minutes outside one to a week', () => {
    expect(refused({})).toEqual(['standing']);
    for (const dueWithinMinutes of [0, 10_081, 1.5, '30'])
      expect(refused({ dueWithinMinutes })).toEqual(['dueWithinMinutes']);
  });
});
