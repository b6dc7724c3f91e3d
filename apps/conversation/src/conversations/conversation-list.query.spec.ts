import { AgentRole } from '@hub/domain';
import { containsPattern, conversationListSql } from './conversation-list.query';

describe('the conversation list statement', () => {
  const base = {
    workspaceId: 'w',
    actor: { agentId: 'a', role: AgentRole.Agent },
  };

  it('searches for %, _ and \\ as they are, not as patterns', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('退款')).toBe('%退款%');
  });

  it('passes every filter as a parameter, never in the text', () => {
    const { sql, parameters } = conversationListSql({
      ...base,
      view: 'all',
      status: 'open',
      channel: 'email',
      priority: 'urgent',
      tagId: 't',
      q: "'; drop table x; --",
      customerIds: ['c'],
      limit: 20,
    });
    expect(sql).not.toContain('drop table');
    expect(parameters).toEqual([
      'w',
      'a',
      'open',
      'urgent',
      'email',
      't',
      21, // one row more than the page: whether a next page exists
      "%'; drop table x; --%",
      ['c'],
    ]);
  });

  it('starts a page after the cursor, by updated_at then id, never by OFFSET', () => {
    const after = { at: '2026-11-30T10:00:00.123456Z', id: 'i' };
    const { sql, parameters } = conversationListSql({ ...base, view: 'all' }, after);
    expect(parameters).toEqual(['w', 'a', after.at, 'i', 51]);
    expect(sql).toContain('(c.updated_at, c.id) < ($3, $4::uuid)');
    expect(sql).toMatch(/order by c\.updated_at desc, c\.id desc limit \$5\s*$/);
    expect(sql).not.toMatch(/offset/i);
  });

  it('searches each way to match in its own page-long branch, the cursor in each', () => {
    const { sql } = conversationListSql(
      { ...base, view: 'all', q: 'order', customerIds: [] },
      { at: '2026-11-30T10:00:00Z', id: 'i' },
    );
    expect(sql.match(/limit \$5/g)).toHaveLength(4); // three branches and the page
    expect(sql.match(/\(c\.updated_at, c\.id\) </g)).toHaveLength(3);
    expect(sql).toContain('exists (select 1 from conversation.messages m');
  });

  it('keeps the unassigned tab to waiting conversations unless a status is asked for', () => {
    expect(conversationListSql({ ...base, view: 'unassigned' }).parameters).toEqual([
      'w',
      'a',
      'open',
      51,
    ]);
    expect(conversationListSql({ ...base, view: 'mine' }).sql).toContain('c.assignee_id = $2');
  });
});
