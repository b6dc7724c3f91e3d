import path from 'node:path';
import { installWidgetSnippet, startStaticSite } from '@hub/dev-infra';
import type { StaticSite } from '@hub/dev-infra';

/** The sample shop's pages (static HTML and CSS, one set per language), kept in the repository. */
export function demoSiteDir(root: string): string {
  return path.join(root, 'tools', 'launcher', 'demo-site');
}

export interface DemoShopOptions {
  root: string;
  port: number;
  /** connector-web, which serves `/widget.js`. */
  hubOrigin: string;
  /** The demo workspace's web inbox, named by the snippet on every page. */
  inboxId: string;
}

/**
 * Serves the demo shop on `localhost` (another origin than the services on 127.0.0.1, as a
 * customer's website is), each page with the widget snippet installed.
 */
export function startDemoShop(options: DemoShopOptions): Promise<StaticSite> {
  return startStaticSite({
    dir: demoSiteDir(options.root),
    host: 'localhost',
    port: options.port,
    transformHtml: (html) => installWidgetSnippet(html, options),
  });
}

/** The line printed beside the logins. */
export function demoShopHint(url: string): string {
  return `Demo shop: ${url}/ (the chat widget on every page talks to the demo web inbox)`;
}
