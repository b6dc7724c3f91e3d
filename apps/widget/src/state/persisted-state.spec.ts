import {
  EMPTY_PERSISTED_STATE,
  loadPersistedState,
  savePersistedState,
  storageKey,
} from './persisted-state';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}
const asStorage = (memory: MemoryStorage) => memory as unknown as Storage;

describe('persisted widget state', () => {
  it('round-trips through localStorage under hub-widget:<inboxId>', () => {
    const memory = new MemoryStorage();
    const saved = {
      ...EMPTY_PERSISTED_STATE,
      token: 't',
      visitorId: 'v',
      open: true,
      composer: 'half a sentence',
      outbox: [
        {
          clientMessageId: 'c1',
          content: 'hi',
          state: 'sent' as const,
          createdAt: '2026-03-01T00:00:00Z',
        },
      ],
      chosenLocale: 'ja' as const,
      dismissedInvitations: ['i1'],
    };
    savePersistedState(asStorage(memory), 'inbox-1', saved);
    expect([...memory.items.keys()]).toEqual([storageKey('inbox-1')]);
    expect(storageKey('inbox-1')).toBe('hub-widget:inbox-1');
    expect(loadPersistedState(asStorage(memory), 'inbox-1')).toEqual(saved);
  });

  it('falls back field by field when the saved value is corrupt or foreign', () => {
    const memory = new MemoryStorage();
    memory.setItem(
      'hub-widget:inbox-1',
      JSON.stringify({
        open: 'yes',
        outbox: [{ clientMessageId: 1 }, 'x'],
        chosenLocale: 'fr',
        readSeq: 1.5,
        composer: 'kept',
      }),
    );
    expect(loadPersistedState(asStorage(memory), 'inbox-1')).toEqual({
      ...EMPTY_PERSISTED_STATE,
      composer: 'kept',
    });
    memory.setItem('hub-widget:inbox-1', '{not json');
    expect(loadPersistedState(asStorage(memory), 'inbox-1')).toEqual(EMPTY_PERSISTED_STATE);
  });

  it('works without storage at all (blocked third-party storage)', () => {
    expect(loadPersistedState(null, 'inbox-1')).toEqual(EMPTY_PERSISTED_STATE);
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      getItem: () => null,
    } as unknown as Storage;
    expect(() => savePersistedState(full, 'inbox-1', EMPTY_PERSISTED_STATE)).not.toThrow();
  });
});
