import { ReadPositions } from './unread';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('read positions', () => {
  it('counts the messages after the last one the agent saw', () => {
    const positions = new ReadPositions(memoryStorage(), 'k');
    expect(positions.unread('c1', 3)).toBe(3);
    positions.markRead('c1', 2);
    expect(positions.unread('c1', 5)).toBe(3);
  });

  it('never moves back and survives a reload of the page', () => {
    const storage = memoryStorage();
    const first = new ReadPositions(storage, 'k');
    first.markRead('c1', 7);
    expect(first.markRead('c1', 4)).toBe(false);
    expect(new ReadPositions(storage, 'k').unread('c1', 7)).toBe(0);
  });

  it('starts afresh from a damaged entry', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{nope');
    expect(new ReadPositions(storage, 'k').unread('c1', 2)).toBe(2);
  });
});
