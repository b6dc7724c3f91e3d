export { findFreePort, isPortFree, isPortOpen, waitForPort } from './ports';
export type { WaitForPortOptions } from './ports';
export { describeExit, spawnManaged } from './managed-process';
export type { ExitInfo, ManagedProcess, SpawnManagedOptions } from './managed-process';
export {
  NATS_INSTALL_HELP,
  NatsServerNotFoundError,
  findNatsServerBinary,
  startNatsServer,
} from './nats-server';
export type { NatsServerHandle, StartNatsServerOptions } from './nats-server';
export { embeddedPostgresBinaries, startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgresHandle, StartEmbeddedPostgresOptions } from './embedded-postgres';
export { resolveSitePath, startStaticSite } from './static-site';
export type { StaticSite, StaticSiteOptions } from './static-site';
export { WIDGET_SNIPPET_MARKER, installWidgetSnippet, widgetSnippet } from './widget-snippet';
