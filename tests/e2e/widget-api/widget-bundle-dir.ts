import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A stand-in for `dist/apps/widget` as the widget build leaves it (manifest.json beside the
 * hashed bundle), so connector-web's serving is tested without building the widget.
 */
export class WidgetBundleDir {
  private constructor(
    readonly dir: string,
    readonly file: string,
    readonly source: string,
  ) {}

  static async create(): Promise<WidgetBundleDir> {
    const dir = await mkdtemp(path.join(tmpdir(), 'hub-widget-'));
    const built = new WidgetBundleDir(
      dir,
      'widget.e2e0test1.js',
      'window.__hubWidgetBundleRan = true;\n',
    );
    await built.writeManifest();
    await writeFile(path.join(dir, built.file), built.source);
    return built;
  }

  writeManifest(): Promise<void> {
    const manifest = { file: this.file, bytes: this.source.length, gzipBytes: 40 };
    return writeFile(path.join(this.dir, 'manifest.json'), JSON.stringify(manifest));
  }

  removeManifest(): Promise<void> {
    return rm(path.join(this.dir, 'manifest.json'));
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
