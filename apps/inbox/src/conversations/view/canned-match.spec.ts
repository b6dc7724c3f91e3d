import type { CannedResponseView } from '../../api/types';
import { cannedQuery, matchCanned } from './canned-match';

const canned = (shortcut: string): CannedResponseView => ({
  id: shortcut,
  shortcut,
  text: `text of ${shortcut}`,
  departmentId: null,
  scope: 'shared',
});

describe('canned responses in the composer', () => {
  it('opens on a slash at the start and closes at the first space', () => {
    expect(cannedQuery('/')).toBe('');
    expect(cannedQuery('/Hel')).toBe('hel');
    expect(cannedQuery('/hello there')).toBeUndefined();
    expect(cannedQuery('see /hello')).toBeUndefined();
  });

  it('lists shortcuts that start with the query before those that contain it', () => {
    const all = [canned('thanks'), canned('hello'), canned('othello')];
    expect(matchCanned(all, 'hel').map((response) => response.shortcut)).toEqual([
      'hello',
      'othello',
    ]);
    expect(matchCanned(all, '').length).toBe(3);
  });
});
