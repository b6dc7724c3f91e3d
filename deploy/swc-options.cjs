// One set of swc options for the build and for jest, so tests run the code that ships.
// swc (unlike esbuild) emits decorator metadata, which NestJS dependency injection needs.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { paths } = JSON.parse(
  fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'),
).compilerOptions;

/** The `@hub/*` aliases, read from the one place they are declared. */
const aliases = paths;

/** @param {{ rewritePaths: boolean }} opts rewrite `@hub/*` imports to relative paths (build only) */
function swcOptions({ rewritePaths }) {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      ...(rewritePaths ? { baseUrl: root, paths: aliases } : {}),
    },
  };
}

module.exports = { root, aliases, swcOptions };
