import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { objectName, type ManifestObject } from './yaml-documents';

// Where the schema of each API group lives: kubernetes-models (built from Kubernetes' OpenAPI
// document) and its CRD packages, built from the CRDs the projects publish.
const MODEL_PACKAGES: Record<string, string> = {
  '': 'kubernetes-models',
  apps: 'kubernetes-models/apps',
  batch: 'kubernetes-models/batch',
  policy: 'kubernetes-models/policy',
  autoscaling: 'kubernetes-models/autoscaling',
  'networking.k8s.io': 'kubernetes-models/networking.k8s.io',
  'keda.sh': '@kubernetes-models/keda/keda.sh',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
  'cert-manager.io': '@kubernetes-models/cert-manager/cert-manager.io',
};

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The module of the model of an object's kind and version, or undefined for an unknown group. */
export function modelModuleOf({ apiVersion, kind }: ManifestObject): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupPackage = MODEL_PACKAGES[group];
  return groupPackage && `${groupPackage}/${version}/${kind}`;
}

/**
 * Problems of each object against its kind's JSON schema: the schema validators of
 * kubernetes-models (types, required fields, enums, formats) and, since Kubernetes' schemas
 * allow unknown fields where the API server refuses them, the model's TypeScript interface
 * (excess-property checks), so a misspelt field fails as `kubectl apply --validate=strict` would.
 */
export function schemaProblems(objects: ManifestObject[]): string[] {
  const unknownKinds = objects.filter((object) => !modelModuleOf(object));
  if (unknownKinds.length > 0) {
    return unknownKinds.map(
      (object) => `${objectName(object)}: no schema for ${object.apiVersion}`,
    );
  }
  return [...validatorProblems(objects), ...unknownFieldProblems(objects)];
}

// The models are ES modules that jest's CommonJS runtime cannot load: one Node process runs them.
function validatorProblems(objects: ManifestObject[]): string[] {
  const input = objects.map((object) => ({
    module: modelModuleOf(object),
    object: object.kind === 'Secret' ? unwrapSecretData(object) : object,
  }));
  const output = execFileSync(process.execPath, [path.join(__dirname, 'validate-models.mjs')], {
    cwd: REPO_ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

// kustomize folds long base64 values over lines; the API server's decoder (Go's base64) skips
// the line breaks, the schema's `byte` format does not.
function unwrapSecretData(secret: ManifestObject): ManifestObject {
  const data = (secret.data ?? {}) as Record<string, string>;
  const unwrapped = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, value.replace(/[\r\n]/g, '')]),
  );
  return { ...secret, data: unwrapped };
}

// Only what the model declarations need: no DOM, no @types.
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts'],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};
// The models' declarations, parsed once per process and shared by every check.
const parsedDeclarations = new Map<string, ts.SourceFile>();

function unknownFieldProblems(objects: ManifestObject[]): string[] {
  const fileName = path.join(REPO_ROOT, 'manifests.virtual.ts');
  const declarations = objects.map((object, i) => {
    const text = `import type { I${object.kind} as T${i} } from '${modelModuleOf(object)}';\nexport const o${i}: T${i} = ${JSON.stringify(object, null, 1)};\n`;
    return { object, text };
  });
  const source = declarations.map((d) => d.text).join('');
  const starts = declarations.map((_, i) =>
    declarations.slice(0, i).reduce((sum, d) => sum + d.text.length, 0),
  );

  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const readSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    if (name === fileName) return ts.createSourceFile(name, source, languageVersion);
    let parsed = parsedDeclarations.get(name);
    if (!parsed) {
      parsed = readSourceFile(name, languageVersion, ...rest);
      if (parsed) parsedDeclarations.set(name, parsed);
    }
    return parsed;
  };
  host.fileExists = (name) => name === fileName || fileExists(name);

  const program = ts.createProgram([fileName], COMPILER_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== fileName || diagnostic.start === undefined) return text;
    const at = starts.findLastIndex((start) => start <= diagnostic.start!);
    const line = source.slice(starts[at], diagnostic.start).split('\n').length;
    return `${objectName(declarations[at].object)} (line ${line - 1} of its JSON): ${text}`;
  });
}
