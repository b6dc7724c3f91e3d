import type { Plugin } from 'vite';
import { checkBudget, manifestFor } from './size-budget';

// After bundling: writes manifest.json beside the bundle, prints the gzipped size, and fails the
// build when the bundle is over budget (so an oversized widget never reaches dist/ or the cache).
export function sizeBudget(): Plugin {
  return {
    name: 'hub-widget-size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      if (chunks.length !== 1 || Object.keys(bundle).length !== 1)
        this.error(`the widget must build to one script, got: ${Object.keys(bundle).join(', ')}`);
      const [chunk] = chunks;
      const manifest = manifestFor(chunk.fileName, chunk.code);
      const { ok, report } = checkBudget(manifest);
      if (!ok) this.error(report);
      this.info(report);
      console.log(report);
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
