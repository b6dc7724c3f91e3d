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
      "%'; drop table x; --%",
      ['c'],
      20,
    ]);
  });

  it('keeps the unassigned tab to waiting conversations unless a status is asked for', () => {
    expect(conversationListSql({ ...base, view: 'unassigned' }).parameters).toEqual([
      'w',
      'a',
      'open',
      50,
    ]);
    expect(conversationListSql({ ...base, view: 'mine' }).sql).toContain('c.assignee_id = $2');
  });
});
