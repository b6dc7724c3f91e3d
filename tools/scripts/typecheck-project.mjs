// @ts-check
// Type-checks one project (`node tools/scripts/typecheck-project.mjs libs/config`) with the root
// tsconfig's options: its files are the roots, whatever they import is checked as context, and only
// diagnostics inside the project are reported (the imported project reports its own).
// `npm run typecheck` still checks the whole repository in one pass.
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: node tools/scripts/typecheck-project.mjs <project-root>');
  process.exit(2);
}
const projectDir = path.resolve(root, projectRoot) + path.sep;

const host = {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (/** @type {ts.Diagnostic} */ d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
};
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, host);
if (!config) throw new Error('cannot read tsconfig.json');

const rootNames = config.fileNames.filter((file) => path.resolve(file).startsWith(projectDir));
if (rootNames.length === 0) {
  console.log(`typecheck ${projectRoot}: no TypeScript files yet`);
  process.exit(0);
}

const program = ts.createProgram({ rootNames, options: { ...config.options, noEmit: true } });
// Only the project's own files are checked: asking for every file's diagnostics would type-check
// all it imports again, in each of the thirty projects (the imported project reports its own).
const ownFiles = program
  .getSourceFiles()
  .filter((file) => path.resolve(file.fileName).startsWith(projectDir));
const diagnostics = [
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...ownFiles.flatMap((file) => [
    ...program.getSyntacticDiagnostics(file),
    ...program.getSemanticDiagnostics(file),
  ]),
].filter((d) => !d.file || path.resolve(d.file.fileName).startsWith(projectDir));

if (diagnostics.length > 0) {
  const formatHost = {
    getCanonicalFileName: (/** @type {string} */ f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  const format = process.stderr.isTTY
    ? ts.formatDiagnosticsWithColorAndContext
    : ts.formatDiagnostics;
  console.error(format(diagnostics, formatHost));
  process.exit(1);
}
console.log(`typecheck ${projectRoot}: ${rootNames.length} files, no errors`);
