// Compiles apps/, libs/ and tools/ into dist/ with swc (one file at a time, no bundling),
// rewriting `@hub/*` aliases to relative paths so plain `node dist/...` runs the result.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { root, swcOptions } = require('./swc-options.cjs');
const outDir = path.join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'tools'];
const isTest = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !isTest(entry.name))
      yield full;
  }
}

async function compile(file) {
  const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, {
    ...swcOptions({ rewritePaths: true }),
    filename: file,
    outputPath: target,
    swcrc: false,
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  await writeFile(`${target}.map`, map);
}

await rm(outDir, { recursive: true, force: true });
const files = [];
for (const dir of sourceDirs)
  for await (const file of sourceFiles(path.join(root, dir))) files.push(file);
await Promise.all(files.map(compile));
console.log(`built ${files.length} files into dist/`);
