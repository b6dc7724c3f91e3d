// Compiles one project (`node deploy/build.mjs apps/crm`) into dist/<project root> with swc: its
// src/ tree, one file at a time, no bundling, tests left out, `@hub/*` imports rewritten to
// relative paths. dist/ mirrors the source tree, so those relative paths hold between projects and
// plain `node dist/apps/crm/src/main.js` runs once crm's libs are built too (Nx's `^build` does
// that first). Only this project's folder in dist/ is replaced, never its neighbours'.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { root, swcOptions } = require('./swc-options.cjs');

const projectRoot = process.argv[2];
if (!projectRoot || process.argv.length > 3) {
  console.error('usage: node deploy/build.mjs <project root>, e.g. apps/crm');
  process.exit(2);
}
const sourceDir = path.join(root, projectRoot, 'src');
const outDir = path.join(root, 'dist', projectRoot);
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
  const target = path.join(root, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');
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
for await (const file of sourceFiles(sourceDir)) files.push(file);
await Promise.all(files.map(compile));
console.log(`built ${files.length} files of ${projectRoot} into dist/${projectRoot}`);
