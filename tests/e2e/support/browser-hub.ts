import type { HubServiceName } from '@hub/config';
import { AgentRole } from '@hub/domain';
import { Client } from 'pg';
import { AgentSocketClient } from './agent-socket-client';
import { BrowserSession } from './browser';
import { GatewayApi } from './gateway-api';
import { startHostSite, type HostSite } from './host-site';
import { startHubSuite, type HubSuite } from './hub-suite';
import { createWorkspace, type WorkspaceFixture } from './workspace-fixture';

/**
 * Everything a browser test stands on: the hub's web-chat services as processes (connector-web
 * serving the widget from `dist/apps/widget`), one Chromium, and a REST client for the gateway.
 */
export interface BrowserHub {
  suite: HubSuite;
  browser: BrowserSession;
  gateway: GatewayApi;
  /** connector-web's origin: the hub origin the snippet loads `/widget.js` from. */
  webUrl: string;
  stop(): Promise<void>;
}

/** Every service a website's visitor touches; the email and social connectors play no part. */
const WEB_SERVICES = ['gateway', 'connector-web', 'conversation', 'routing', 'crm'] as const;

export async function startBrowserHub(
  label: string,
  env?: Record<string, string>,
  /** More services for a test that needs them (connector-email for mail in the inbox). */
  extraServices: readonly HubServiceName[] = [],
): Promise<BrowserHub> {
  const suite = await startHubSuite(label, [...WEB_SERVICES, ...extraServices], env);
  let browser: BrowserSession;
  try {
    browser = await BrowserSession.launch(label);
  } catch (error) {
    await suite.stop();
    throw error;
  }
  return {
    suite,
    browser,
    gateway: new GatewayApi(suite.hub.service('gateway').url),
    webUrl: suite.hub.service('connector-web').url,
    async stop() {
      try {
        await browser.close();
      } finally {
        await suite.stop();
      }
    },
  };
}

/** A workspace of the test's own whose web inbox a host site embeds. */
export interface WidgetWorld {
  workspace: WorkspaceFixture;
  site: HostSite;
}

/**
 * A fresh workspace (agent "ada"), its inbox's widget settings (`conversation.inboxes.settings
 * .widget`, SPEC "Widget settings"), and a host site embedding that inbox.
 */
export async function createWidgetWorld(
  hub: BrowserHub,
  widget: Record<string, unknown> = {},
  /** Where the snippet loads the widget from: connector-web, or a relay in front of it. */
  hubOrigin = hub.webUrl,
): Promise<WidgetWorld> {
  const workspace = await createWorkspace(hub.suite.database.url, { ada: AgentRole.Agent });
  const db = new Client({ connectionString: hub.suite.database.url });
  await db.connect();
  try {
    await db.query(
      `UPDATE conversation.inboxes SET settings = jsonb_set(settings, '{widget}', $2::jsonb) WHERE id = $1`,
      [workspace.inboxId, JSON.stringify(widget)],
    );
  } finally {
    await db.end();
  }
  const site = await startHostSite({ hubOrigin, inboxId: workspace.inboxId });
  return { workspace, site };
}

/** Agent "ada" signed in over REST with her agent socket open (which makes her online). */
export async function signInAda(
  hub: BrowserHub,
  workspace: WorkspaceFixture,
): Promise<{ token: string; socket: AgentSocketClient }> {
  const { ada } = workspace.agents;
  const token = await hub.gateway.login(workspace.slug, ada.email, ada.password);
  const { client } = await AgentSocketClient.connect(hub.suite.hub.service('gateway').url, token);
  return { token, socket: client };
}

/** What most browser suites stand on, filled in by their `beforeAll`. */
export interface WidgetSuite {
  hub: BrowserHub;
  world: WidgetWorld;
  /** Ada's access token. */
  token: string;
  /** Ada's agent socket (she is online while it is open). */
  agent: AgentSocketClient;
}

/**
 * Registers the suite's `beforeAll` (a hub, one widget world, ada signed in) and `afterAll`
 * (all of it closed); the returned object is filled in once `beforeAll` has run.
 */
export function useWidgetSuite(label: string): WidgetSuite {
  const suite = {} as WidgetSuite;
  beforeAll(async () => {
    suite.hub = await startBrowserHub(label);
    suite.world = await createWidgetWorld(suite.hub);
    const { token, socket } = await signInAda(suite.hub, suite.world.workspace);
    suite.token = token;
    suite.agent = socket;
  }, 180_000);
  afterAll(async () => {
    suite.agent?.close();
    await suite.world?.site.close();
    await suite.hub?.stop();
  });
  return suite;
}
