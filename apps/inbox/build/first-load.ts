import { gzipSync } from 'node:zlib';

/** What a first visit downloads before the app runs: the entry script and what it imports. */
export interface FirstLoad {
  /** Gzipped bytes of every JavaScript file the index page loads (entry plus its static imports). */
  jsGzipBytes: number;
  /** Gzipped bytes of the same files' CSS. */
  cssGzipBytes: number;
  files: string[];
}

export interface BuiltFile {
  fileName: string;
  code: string;
  /** Static imports (chunk file names); lazy `import()`s are not part of the first load. */
  imports: string[];
  css: string[];
}

/** Walks the entry's static imports; `sources` maps every emitted file name to its text. */
export function firstLoadOf(
  entry: BuiltFile,
  chunks: ReadonlyMap<string, BuiltFile>,
  sources: ReadonlyMap<string, string>,
): FirstLoad {
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (chunk: BuiltFile): void => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    chunk.css.forEach((file) => css.add(file));
    for (const name of chunk.imports) {
      const imported = chunks.get(name);
      if (imported) visit(imported);
    }
  };
  visit(entry);
  const gzipped = (file: string): number => gzipSync(sources.get(file) ?? '', { level: 9 }).length;
  const sum = (files: Iterable<string>): number =>
    [...files].reduce((total, file) => total + gzipped(file), 0);
  return { jsGzipBytes: sum(seen), cssGzipBytes: sum(css), files: [...seen, ...css] };
}

export function describeFirstLoad(load: FirstLoad): string {
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  return `inbox first load: ${kib(load.jsGzipBytes)} JS gzipped, ${kib(load.cssGzipBytes)} CSS gzipped (${load.files.length} files)`;
}
