import type { ConversationView } from '../../api/types';
import { applyPageFilter, filterFromParams, paramsFromFilter } from './list-filter';

const conversation = (fields: Partial<ConversationView>): ConversationView =>
  ({
    id: 'id-1',
    channel: 'web',
    priority: 'normal',
    customerExternalId: 'visitor-1',
    ...fields,
  }) as ConversationView;

describe('conversation list filter', () => {
  it('reads the address bar, dropping values that are not allowed', () => {
    const params = new URLSearchParams(
      'view=all&status=open&channel=fax&priority=high&q=%20ana%20',
    );
    expect(filterFromParams(params)).toEqual({
      view: 'all',
      status: 'open',
      departmentId: undefined,
      channel: undefined,
      priority: 'high',
      search: 'ana',
    });
    expect(filterFromParams(new URLSearchParams()).view).toBe('mine');
  });

  it('writes only what is set', () => {
    expect(paramsFromFilter({ view: 'unassigned', channel: 'email' })).toEqual({
      view: 'unassigned',
      channel: 'email',
    });
  });

  it('narrows by channel, priority and search text', () => {
    const rows = [
      conversation({ id: 'a', channel: 'email', customerExternalId: 'ana@example.com' }),
      conversation({ id: 'b', channel: 'web', priority: 'urgent' }),
    ];
    expect(applyPageFilter(rows, { view: 'all', channel: 'email' }).map((row) => row.id)).toEqual([
      'a',
    ]);
    expect(applyPageFilter(rows, { view: 'all', priority: 'urgent' }).map((row) => row.id)).toEqual(
      ['b'],
    );
    expect(applyPageFilter(rows, { view: 'all', search: 'ANA' }).map((row) => row.id)).toEqual([
      'a',
    ]);
  });
});
