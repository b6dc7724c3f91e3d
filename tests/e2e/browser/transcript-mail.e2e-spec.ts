import { findFreePort } from '@hub/dev-infra';
import { simpleParser } from 'mailparser';
import { waitFor } from '@hub/testing';
import type { AgentSocketClient } from '../support/agent-socket-client';
import {
  createWidgetWorld,
  signInAda,
  startBrowserHub,
  type BrowserHub,
  type WidgetWorld,
} from '../support/browser-hub';
import { createEmailInbox, SmtpSink } from '../support/email';
import { EN, hub as callHub, launcherOf, waitForWidget, widgetOf } from '../support/widget';

// The end of a chat in the widget: the visitor asks for the conversation by mail, in the
// widget's language, and it reaches their mailbox through the relay.
describe('a transcript mailed from the widget', () => {
  let hub: BrowserHub;
  let world: WidgetWorld;
  let sink: SmtpSink;
  let ada: AgentSocketClient;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await startBrowserHub(
      'btranscript',
      { SMTP_PORT: String(await findFreePort()), SMTP_RELAY_URL: sink.url },
      ['connector-email'],
    );
    world = await createWidgetWorld(hub);
    await createEmailInbox(hub.suite.database.url, { workspaceId: world.workspace.id });
    ada = (await signInAda(hub, world.workspace)).socket;
  }, 180_000);

  afterAll(async () => {
    ada?.close();
    await world?.site.close();
    await hub?.stop();
    await sink?.close();
  });

  it('sends the chat to the address the visitor gives, in Japanese when the widget is', async () => {
    const { page, watch } = await hub.browser.visitor('ja-JP');
    await page.goto(world.site.pageUrl('index.html'));
    await waitForWidget(page);
    await callHub(page, 'setLocale', 'en');
    await launcherOf(page).click();
    const widget = widgetOf(page);
    await widget.getByRole('textbox', { name: EN.composer }).fill('抹茶は大阪に配送できますか？');
    await widget.getByRole('button', { name: EN.send, exact: true }).click();
    const assigned = await ada.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { assigneeId: string | null }).assigneeId ===
          world.workspace.agents.ada.id,
      20_000,
      'the visitor’s conversation, assigned to ada',
    );
    const conversationId = (assigned.conversation as { id: string }).id;
    await ada.request({ type: 'conversation.resolve', conversationId });

    await widget.getByRole('button', { name: EN.emailTranscript }).click();
    await widget.getByRole('textbox', { name: EN.email, exact: true }).fill('not-an-address');
    await callHub(page, 'setLocale', 'ja');
    const form = widget.locator('form.transcript-mail');
    await form.locator('button[type="submit"]').click();
    // Checked in the page first: nothing is sent for a bad address.
    await form.locator('[aria-invalid="true"]').waitFor();
    await form.locator('input[type="email"]').fill('haruka@example.jp');
    await form.locator('button[type="submit"]').click();
    await widget.locator('.transcript-sent').waitFor();
    await hub.browser.screenshot(page, 'transcript-sent', 'ja-JP');

    await waitFor(
      () => sink.mails.some((mail) => mail.envelopeTo.includes('haruka@example.jp')),
      30_000,
      () => 'the transcript in the sink',
    );
    expect(sink.mails).toHaveLength(1);
    const mail = await simpleParser(sink.mails[0].raw);
    expect(mail.subject).toBe('Shop Supportとのチャット履歴');
    expect(mail.text).toContain('抹茶は大阪に配送できますか？');
    expect(watch.pageErrors).toEqual([]);
  });
});
