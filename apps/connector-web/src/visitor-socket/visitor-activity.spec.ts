import type { RealtimeEvent } from '@hub/contracts';
import type { Realtime } from '@hub/service-kit';
import { VisitorActivity } from './visitor-activity';
import type { VisitorSocket } from './visitor-socket';

// Realtime is the NATS edge: recording what would be published is all this test needs of it.
function recordingRealtime(published: { subject: string; event: RealtimeEvent }[]): Realtime {
  return {
    publish: (subject: string, event: RealtimeEvent) => {
      published.push({ subject, event });
      return Promise.resolve();
    },
  } as unknown as Realtime;
}

function readySocket(): VisitorSocket {
  return {
    visitor: { visitorId: 'v1', workspaceId: 'w1', inboxId: 'i1' },
    conversationId: 'c1',
    followedConversationId: 'c1',
    draft: null,
    readyState: 1,
  } as unknown as VisitorSocket;
}

describe('VisitorActivity drafts', () => {
  it('masks a card number in the draft before publishing it to the conversation', () => {
    const published: { subject: string; event: RealtimeEvent }[] = [];
    const activity = new VisitorActivity(recordingRealtime(published));

    activity.draft(readySocket(), { text: 'my card is 4111 1111 1111 1111 thanks' });

    expect(published).toHaveLength(1);
    expect(published[0].event).toMatchObject({
      type: 'draft',
      conversationId: 'c1',
      text: 'my card is **** **** **** 1111 thanks',
    });
    expect(JSON.stringify(published)).not.toContain('4111 1111 1111 1111');
  });

  it('leaves other digits alone (an order number is not Luhn-valid)', () => {
    const published: { subject: string; event: RealtimeEvent }[] = [];
    const activity = new VisitorActivity(recordingRealtime(published));

    activity.draft(readySocket(), { text: 'order 1234567890123' });

    expect(published[0].event).toMatchObject({ text: 'order 1234567890123' });
  });
});
