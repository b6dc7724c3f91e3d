import type { SocialInboxView } from '@hub/contracts';
import { SecretBox } from '@hub/secret-box';
import type { RpcClient } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import { SocialInboxes } from './social-inboxes';

const SECRETS_KEY = 'a'.repeat(64);

/** conversation's answers, one pending request at a time, released by the test. */
class Conversation {
  asked = 0;
  private release: ((view: SocialInboxView) => void) | undefined;

  readonly rpc = {
    request: () => {
      this.asked += 1;
      return new Promise<SocialInboxView>((resolve) => (this.release = resolve));
    },
  } as unknown as RpcClient;

  answer(appSecret: string): void {
    this.release?.({
      inboxId: '00000000-0000-4000-8000-000000000001',
      workspaceId: '00000000-0000-4000-8000-000000000002',
      channel: 'whatsapp',
      settings: { secrets: { appSecret: new SecretBox(SECRETS_KEY).seal(appSecret) } },
    });
  }
}

/** Lets the answered request's promise chain run (no timers involved). */
async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('SocialInboxes', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const start = () => {
    const conversation = new Conversation();
    const env = { SECRETS_KEY } as ConnectorSocialEnv;
    return { conversation, inboxes: new SocialInboxes(conversation.rpc, env) };
  };

  it('asks conversation once for webhooks arriving together, and opens the secrets', async () => {
    const { conversation, inboxes } = start();
    const waiting = [1, 2, 3].map(() => inboxes.byAccount('whatsapp', 'PN'));
    conversation.answer('first');
    const found = await Promise.all(waiting);
    expect(conversation.asked).toBe(1);
    expect(found.map((inbox) => inbox?.secret('appSecret'))).toEqual(['first', 'first', 'first']);
  });

  it('answers from memory while one request refreshes a stale inbox, then waits once too old', async () => {
    const { conversation, inboxes } = start();
    const first = inboxes.byAccount('whatsapp', 'PN');
    conversation.answer('first');
    await first;

    jest.advanceTimersByTime(31_000);
    const stale = await inboxes.byAccount('whatsapp', 'PN');
    expect(stale?.secret('appSecret')).toBe('first');
    expect(conversation.asked).toBe(2);
    conversation.answer('second');
    await settled();
    expect((await inboxes.byAccount('whatsapp', 'PN'))?.secret('appSecret')).toBe('second');

    jest.advanceTimersByTime(61_000);
    const tooOld = inboxes.byAccount('whatsapp', 'PN');
    conversation.answer('third');
    expect((await tooOld)?.secret('appSecret')).toBe('third');
    expect(conversation.asked).toBe(3);
  });
});
