import { setTimeout as sleep } from 'node:timers/promises';
import { AgentRole } from '@hub/domain';
import type { Msg } from '@nats-io/transport-node';
import { AgentSocketClient } from '../e2e/support/agent-socket-client';
import { GatewayApi } from '../e2e/support/gateway-api';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { newSession, VisitorClient } from '../e2e/support/visitor-client';
import { createWorkspace } from '../e2e/support/workspace-fixture';

// NATS messages per chat message: an unrestricted subscriber to `>` on the test hub's
// nats-server counts what crosses the bus while a visitor sends BENCH_BUS_MESSAGES (20)
// follow-ups, one at a time, to the agent their conversation is assigned to. Every message the
// server routes is counted once: publishes, JetStream deliveries, acks, replies (each reply is
// named after what it answers), pull requests and their status replies. Sent one at a time with
// pauses, so pulls and heartbeats of idle durables are counted too: under load they are shared
// by many messages and the per-message figure is lower.
const MESSAGES = Number(process.env.BENCH_BUS_MESSAGES ?? 20);
const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;

/** A subject with its ids, inbox tokens and ack sequence numbers taken out. */
function shapeOf(subject: string): string {
  if (subject.startsWith('$JS.ACK.')) return subject.split('.').slice(0, 4).join('.');
  return subject
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/^_INBOX\..*/, '_INBOX');
}

/** Counts messages by shape; a message to an inbox counts as the reply to what was sent there. */
class BusCounter {
  readonly counts = new Map<string, number>();
  private readonly askedBy = new Map<string, string>();

  see(msg: Msg): void {
    const shape = shapeOf(msg.subject);
    const key =
      shape === '_INBOX'
        ? `reply to ${this.askedBy.get(msg.subject) ?? 'an earlier request'}`
        : shape;
    if (msg.reply) this.askedBy.set(msg.reply, shape);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  total(): number {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }
}

describe('bus messages per chat message', () => {
  let suite: HubSuite;

  afterAll(() => suite?.stop());

  it('counts what crosses NATS for each visitor message', async () => {
    suite = await startHubSuite('bus_count', SERVICES);
    const workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    const gateway = suite.hub.service('gateway').url;
    const web = suite.hub.service('connector-web').url;
    const { ada } = workspace.agents;
    const token = await new GatewayApi(gateway).login(workspace.slug, ada.email, ada.password);
    const { client: agent } = await AgentSocketClient.connect(gateway, token);
    const session = await newSession(web, workspace.inboxId);
    const { client: visitor } = await VisitorClient.greeted(web, { token: session.token });

    // The conversation is opened and assigned before counting: follow-ups are what is counted.
    visitor.send({ type: 'message.send', clientMessageId: 'first', content: 'hello' });
    await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === 'first');
    await agent.waitFor((f) => f.type === 'conversation.updated', 15_000, 'the assignment');
    await sleep(3_000);

    const counter = new BusCounter();
    const everything = suite.nc.subscribe('>', { callback: (_, msg) => counter.see(msg) });
    for (let i = 1; i <= MESSAGES; i++) {
      const content = `follow-up ${i}`;
      visitor.send({ type: 'message.send', clientMessageId: `m-${i}`, content });
      await visitor.next((f) => f.type === 'message.ack' && f.clientMessageId === `m-${i}`);
      await agent.waitFor(
        (f) =>
          f.type === 'message.created' && (f.message as { content: string }).content === content,
      );
      await sleep(300);
    }
    // What the last message set off (acks, fan-out) arrives within this.
    await sleep(2_000);
    everything.unsubscribe();
    agent.socket.close();
    await visitor.close();

    // The hub's namespace, in subjects (lowercase) and in stream and durable names (uppercase).
    const namespaced = new RegExp(`${suite.namespace}[._]`, 'gi');
    const perMessage = (n: number) => (n / MESSAGES).toFixed(2).padStart(6);
    const rows = [...counter.counts].sort(([, a], [, b]) => b - a);
    console.log(
      [
        `NATS messages per chat message (${MESSAGES} follow-ups): ${perMessage(counter.total())}`,
        ...rows.map(([shape, n]) => `${perMessage(n)}  ${shape.replace(namespaced, '')}`),
      ].join('\n'),
    );
    expect(counter.total()).toBeGreaterThan(0);
  });
});
