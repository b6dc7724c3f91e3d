import { filterFromParams, paramsFromFilter, queryFromFilter } from './list-filter';

describe('conversation list filter', () => {
  it('reads the address bar, dropping values that are not allowed', () => {
    const params = new URLSearchParams(
      'view=all&status=open&channel=fax&priority=high&sla=late&tag=t-1&q=%20%E9%80%80%E6%AC%BE%20',
    );
    expect(filterFromParams(params)).toEqual({
      view: 'all',
      status: 'open',
      departmentId: undefined,
      channel: undefined,
      priority: 'high',
      tagId: 't-1',
      sla: undefined,
      search: '退款',
    });
    expect(filterFromParams(new URLSearchParams()).view).toBe('mine');
  });

  it('writes only what is set', () => {
    expect(paramsFromFilter({ view: 'unassigned', channel: 'email', sla: 'breached' })).toEqual({
      view: 'unassigned',
      channel: 'email',
      sla: 'breached',
    });
  });

  it('asks the server for every filter under the API’s names', () => {
    expect(
      queryFromFilter({ view: 'all', departmentId: 'd-1', tagId: 't-1', search: 'ana' }),
    ).toMatchObject({ view: 'all', departmentId: 'd-1', tagId: 't-1', q: 'ana', limit: 50 });
  });

  it('asks for an SLA standing, or for what falls due within so many minutes', () => {
    expect(filterFromParams(new URLSearchParams('sla=due60')).sla).toBe('due60');
    expect(queryFromFilter({ view: 'all', sla: 'at_risk' })).toMatchObject({ sla: 'at_risk' });
    const dueSoon = queryFromFilter({ view: 'all', sla: 'due30' });
    expect(dueSoon).toMatchObject({ slaDueWithin: 30 });
    expect(dueSoon).not.toHaveProperty('sla');
    expect(queryFromFilter({ view: 'all', sla: 'due240' })).toMatchObject({ slaDueWithin: 240 });
  });
});
