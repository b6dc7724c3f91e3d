import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import { widgetLoaderSource } from './widget-loader';
import { parseWidgetManifest } from './widget-manifest';

/** What `/widget.js` and `/widget/<file>` serve for one build of the widget. */
export interface WidgetBuild {
  loader: string;
  file: string;
  bundle: Buffer;
  etag: string;
}

/**
 * The built widget in WIDGET_DIST_DIR: read when its manifest changes (checked by mtime on each
 * loader request, so a rebuild is served without a restart), kept in memory in between.
 */
@Injectable()
export class WidgetBundle implements OnApplicationBootstrap {
  private readonly logger = new Logger(WidgetBundle.name);
  private readonly dir: string;
  private readonly manifestPath: string;
  private build: WidgetBuild | null = null;
  private loadedMtimeMs = -1;
  private loading: Promise<WidgetBuild | null> | null = null;

  constructor(@Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.dir = path.resolve(env.WIDGET_DIST_DIR);
    this.manifestPath = path.join(this.dir, 'manifest.json');
  }

  async onApplicationBootstrap(): Promise<void> {
    const build = await this.current();
    if (build) {
      this.logger.log({ file: build.file, bytes: build.bundle.length }, 'widget bundle found');
    } else {
      this.logger.warn(
        { widgetDistDir: this.dir },
        'widget bundle not built: /widget.js answers 503 until manifest.json appears (npx nx build widget)',
      );
    }
  }

  /** The current build; WIDGET_NOT_BUILT when there is none. */
  async require(): Promise<WidgetBuild> {
    const build = await this.current();
    if (!build) {
      throw new DomainException(
        'WIDGET_NOT_BUILT',
        'The chat widget is not built on this server yet; build apps/widget and try again',
      );
    }
    return build;
  }

  /** The bundle bytes if `file` is exactly the current build's file, else WIDGET_FILE_NOT_FOUND. */
  async bundleFile(file: string): Promise<WidgetBuild> {
    const build = await this.current();
    if (!build || build.file !== file) {
      throw new DomainException('WIDGET_FILE_NOT_FOUND', 'No such widget file');
    }
    return build;
  }

  private async current(): Promise<WidgetBuild | null> {
    const mtimeMs = await stat(this.manifestPath).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (mtimeMs === null) {
      this.loadedMtimeMs = -1;
      return (this.build = null);
    }
    if (mtimeMs === this.loadedMtimeMs) return this.build;
    this.loading ??= this.load(mtimeMs).finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(mtimeMs: number): Promise<WidgetBuild | null> {
    try {
      const manifest = parseWidgetManifest(await readFile(this.manifestPath, 'utf8'));
      const bundle = await readFile(path.join(this.dir, manifest.file));
      const etag = `"${createHash('sha256').update(bundle).digest('base64url').slice(0, 27)}"`;
      this.build = { loader: widgetLoaderSource(manifest.file), file: manifest.file, bundle, etag };
    } catch (error) {
      this.logger.warn({ err: error, widgetDistDir: this.dir }, 'widget bundle unreadable');
      this.build = null;
    }
    this.loadedMtimeMs = mtimeMs;
    return this.build;
  }
}
