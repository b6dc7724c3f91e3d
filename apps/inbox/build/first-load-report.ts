import type { Plugin } from 'vite';
import { describeFirstLoad, firstLoadOf, type BuiltFile } from './first-load';

// After bundling: prints the first load's gzipped bytes and writes them to first-load.json, which
// the first-load benchmark (tests/bench) reads beside its time to interactive.
export function firstLoadReport(): Plugin {
  return {
    name: 'hub-inbox-first-load',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, BuiltFile>();
      const sources = new Map<string, string>();
      let entry: BuiltFile | undefined;
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') {
          const file: BuiltFile = {
            fileName: output.fileName,
            code: output.code,
            imports: output.imports,
            css: [...(output.viteMetadata?.importedCss ?? [])],
          };
          chunks.set(output.fileName, file);
          sources.set(output.fileName, output.code);
          if (output.isEntry) entry = file;
        } else {
          const source = output.source;
          sources.set(
            output.fileName,
            typeof source === 'string' ? source : Buffer.from(source).toString('utf8'),
          );
        }
      }
      if (!entry) return this.error('the inbox build has no entry chunk');
      const load = firstLoadOf(entry, chunks, sources);
      console.log(describeFirstLoad(load));
      this.emitFile({
        type: 'asset',
        fileName: 'first-load.json',
        source: `${JSON.stringify(load, null, 2)}\n`,
      });
    },
  };
}
