import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { Client } from 'pg';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import { inboundMessage, publishInbound, storedConversationOf } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

// A customer's reply to an earlier message (a platform's reply context) shows, above it in the
// transcript, the message it answers.
describe('the transcript: a reply quotes the message it answers', () => {
  let hub: BrowserHub;
  let db: Client;
  let workspace: WorkspaceFixture;
  let ada: InboxAgent | undefined;

  beforeAll(async () => {
    hub = await startBrowserHub('quoted_reply');
    db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
    workspace = await createWorkspace(hub.suite.database.url, { ada: AgentRole.Admin });
  }, 180_000);

  afterAll(async () => {
    await ada?.close();
    await db?.end();
    await hub?.stop();
  });

  it('shows "Replying to" with the answered message’s text above the reply', async () => {
    const publisher = new JetStreamPublisher(hub.suite.nc, hub.suite.namespace);
    const target = { workspaceId: workspace.id, inboxId: workspace.inboxId };
    const customer = { externalId: 'visitor-quoted-reply', name: 'Mei' };
    const first = inboundMessage(target, { customer, content: 'Do you ship to Osaka?' });
    await publishInbound(publisher, first);
    const conversationId = await storedConversationOf(db, first);
    const reply = inboundMessage(target, {
      customer,
      content: 'And to Kyoto as well?',
      replyToExternalMessageId: first.externalMessageId,
    });
    await publishInbound(publisher, reply);
    await storedConversationOf(db, reply);

    ada = await openInbox(hub, workspace, workspace.agents.ada);
    await ada.page.goto(`${hub.suite.hub.service('gateway').url}/conversations/${conversationId}`);
    const transcript = ada.page.getByRole('list', {
      name: inboxText('en-US', 'conversations', 'view.transcript'),
    });
    const quoted = transcript
      .getByRole('listitem')
      .filter({ hasText: 'And to Kyoto as well?' })
      .getByText('↪ Replying to: Do you ship to Osaka?');
    await quoted.waitFor({ timeout: 15_000 });
    await ada.screenshot('quoted-reply');
  });
});
