import { randomUUID } from 'node:crypto';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import {
  createWidgetWorld,
  startBrowserHub,
  type BrowserHub,
  type WidgetWorld,
} from '../support/browser-hub';
import { EN, findOnlineVisitor, launcherOf, waitForWidget, widgetOf } from '../support/widget';

const MESSAGE = 'Do you ship the Morning Sencha to Osaka? I would like two tins.';

interface TicketRow {
  id: string;
  subject: string;
  status: string;
  customer_id: string;
  external_id: string | null;
  notes: string[];
}

// Nobody of the workspace is signed in: the widget offers the offline form, and what the visitor
// leaves becomes a ticket on their customer record in crm.
describe('leave a message when no agent is online', () => {
  let hub: BrowserHub;
  let world: WidgetWorld;
  let db: Client;

  beforeAll(async () => {
    hub = await startBrowserHub('boffline');
    world = await createWidgetWorld(hub);
    db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await world?.site.close();
    await hub?.stop();
  });

  const ticketsOfWorkspace = async (): Promise<TicketRow[]> =>
    (
      await db.query<TicketRow>(
        `SELECT t.id, t.subject, t.status, t.customer_id, i.external_id,
                coalesce(array_agg(n.body) FILTER (WHERE n.id IS NOT NULL), '{}') AS notes
           FROM crm.tickets t
           LEFT JOIN crm.customer_identities i ON i.customer_id = t.customer_id
           LEFT JOIN crm.notes n ON n.ticket_id = t.id
          WHERE t.workspace_id = $1
          GROUP BY t.id, i.external_id`,
        [world.workspace.id],
      )
    ).rows;

  it('turns the offline form into a ticket on the visitor’s customer record and thanks the visitor', async () => {
    const { page, watch } = await hub.browser.visitor('en-US');
    const mark = randomUUID();
    await page.goto(world.site.pageUrl('index.html', { visit: mark }));
    await waitForWidget(page);
    await launcherOf(page).click();
    const widget = widgetOf(page);
    await widget.getByRole('heading', { name: EN.leaveMessage }).waitFor();
    await widget.getByRole('textbox', { name: EN.name, exact: true }).fill('Haruka Sato');
    await widget.getByRole('textbox', { name: EN.email, exact: true }).fill('haruka@example.jp');
    await widget.getByRole('textbox', { name: EN.message, exact: true }).fill(MESSAGE);
    await hub.browser.screenshot(page, 'offline-form-filled', 'en-US');
    await widget.getByRole('button', { name: EN.sendMessage }).click();
    await widget.getByText(EN.offlineThanks).waitFor();

    let tickets: TicketRow[] = [];
    await waitFor(
      async () => (tickets = await ticketsOfWorkspace()).length > 0,
      15_000,
      () => 'a ticket in crm.tickets',
    );
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket.status).toBe('new');
    // The message is on the ticket, as its subject or a note on it.
    expect([ticket.subject, ...ticket.notes].join('\n')).toContain(MESSAGE.slice(0, 40));
    // The customer is the visitor's: the web identity crm holds is the widget's visitor id.
    // (Signing in over REST only, with no agent socket, leaves ada offline.)
    const { ada } = world.workspace.agents;
    const token = await hub.gateway.login(world.workspace.slug, ada.email, ada.password);
    const visitor = await findOnlineVisitor(hub.gateway, token, (v) => v.currentUrl.includes(mark));
    expect(ticket.external_id).toBe(visitor.visitorId);
    expect(watch).toMatchObject({ pageErrors: [], dialogs: [] });
  });
});
