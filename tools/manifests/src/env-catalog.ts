import path from 'node:path';
import ts from 'typescript';
import { HUB_SERVICES, type HubServiceName } from '@hub/config';

/** One environment variable as an env class declares it. */
export interface EnvVariable {
  name: string;
  /** `required`, `optional`, or required only under a condition (`ValidateIf`). */
  need: 'required' | 'optional' | 'conditional';
  /** The condition of a conditional one, as written (`NODE_ENV === 'production'`). */
  condition?: string;
  /** The default as the class initialises it, when it has one. */
  defaultValue?: string;
  /** The class-validator decorators, as written (`@IsInt()`, `@Min(1)`). */
  checks: string[];
  /** The doc comment, on one line. */
  doc: string;
  /** The class that declares it, and the services whose env class has it. */
  declaredIn: string;
  services: HubServiceName[];
}

const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * Every variable each service validates at boot, read from the sources: the class its service
 * definition passes as `envSchema`, that class's ancestors, each property's decorators,
 * initialiser and doc comment. Static (a parse, no type check), so nothing of a service runs to
 * describe it.
 */
export function readEnvCatalog(root = REPO_ROOT): EnvVariable[] {
  const sources = new SourceIndex(root);
  const byName = new Map<string, EnvVariable>();
  for (const { name: service } of HUB_SERVICES) {
    for (const variable of envClassVariables(sources.envSchemaOf(service), sources)) {
      const known = byName.get(variable.name) ?? { ...variable, services: [] };
      known.services.push(service);
      byName.set(variable.name, known);
    }
  }
  return [...byName.values()];
}

/**
 * The variables a service cannot start without, given the environment it gets (`env`: name to
 * value, `undefined` for a value not known here, like a Secret's): the required ones, and the
 * conditional ones whose condition holds (a condition this cannot read counts as holding).
 */
export function requiredVariables(
  catalog: EnvVariable[],
  service: HubServiceName,
  env: Record<string, string | undefined>,
): string[] {
  return catalog
    .filter((v) => v.services.includes(service))
    .filter((v) => v.need === 'required' || (v.need === 'conditional' && holds(v.condition, env)))
    .map((v) => v.name);
}

// `NODE_ENV === 'production' || FILES_SIGNING_SECRET !== undefined`: terms joined by `||`.
function holds(condition = '', env: Record<string, string | undefined>): boolean {
  return condition.split('||').some((term) => {
    const equals = /^\s*(\w+) === '([^']*)'\s*$/.exec(term);
    if (equals) return env[equals[1]] === equals[2];
    const defined = /^\s*(\w+) !== undefined\s*$/.exec(term);
    if (defined) return defined[1] in env;
    return true;
  });
}

interface FoundClass {
  declaration: ts.ClassDeclaration;
  file: ts.SourceFile;
}

/** Parsed sources, and the way from a name imported through `@hub/*` aliases to its class. */
class SourceIndex {
  private readonly files = new Map<string, ts.SourceFile>();
  private readonly options: ts.CompilerOptions;

  constructor(private readonly root: string) {
    const { config } = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), (file) =>
      ts.sys.readFile(file),
    ) as { config: { compilerOptions: object } };
    this.options = ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
  }

  /** The class a service's `envSchema: X` names, wherever in its sources that is written. */
  envSchemaOf(service: string): FoundClass {
    const dir = path.join(this.root, 'apps', service, 'src');
    const candidates = ts.sys
      .readDirectory(dir, ['.ts'], ['**/*.spec.ts', '**/migrations/**'])
      .map((file) => this.parse(file));
    for (const file of candidates) {
      const schema = findNode(file, (node) =>
        ts.isPropertyAssignment(node) && node.name.getText(file) === 'envSchema'
          ? node.initializer
          : undefined,
      );
      if (schema) return this.findClass(schema.getText(file), file);
    }
    throw new Error(`apps/${service}/src: no envSchema`);
  }

  findClass(name: string, file: ts.SourceFile, seen = new Set<string>()): FoundClass {
    const found = this.lookUp(name, file, seen);
    if (!found) throw new Error(`class ${name} not found from ${file.fileName}`);
    return found;
  }

  private lookUp(name: string, file: ts.SourceFile, seen: Set<string>): FoundClass | undefined {
    if (seen.has(file.fileName)) return undefined;
    seen.add(file.fileName);
    for (const statement of file.statements) {
      if (ts.isClassDeclaration(statement) && statement.name?.text === name) {
        return { declaration: statement, file };
      }
      const from = this.moduleOf(statement, name);
      if (from !== undefined) {
        const target = this.resolve(from, file);
        const found = target && this.lookUp(name, target, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  // The module a statement imports or re-exports `name` from (`export *` may hold it too).
  private moduleOf(statement: ts.Statement, name: string): string | undefined {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return undefined;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) return undefined;
    if (ts.isExportDeclaration(statement) && !statement.exportClause) return specifier.text;
    const bindings = ts.isImportDeclaration(statement)
      ? statement.importClause?.namedBindings
      : statement.exportClause;
    const elements = bindings && 'elements' in bindings ? bindings.elements : [];
    return elements.some((element) => element.name.text === name) ? specifier.text : undefined;
  }

  private resolve(specifier: string, from: ts.SourceFile): ts.SourceFile | undefined {
    const { resolvedModule } = ts.resolveModuleName(specifier, from.fileName, this.options, ts.sys);
    if (!resolvedModule || resolvedModule.isExternalLibraryImport) return undefined;
    return this.parse(resolvedModule.resolvedFileName);
  }

  private parse(fileName: string): ts.SourceFile {
    let file = this.files.get(fileName);
    if (!file) {
      file = ts.createSourceFile(
        fileName,
        ts.sys.readFile(fileName) ?? '',
        ts.ScriptTarget.Latest,
        true,
      );
      this.files.set(fileName, file);
    }
    return file;
  }
}

function findNode<T>(node: ts.Node, pick: (node: ts.Node) => T | undefined): T | undefined {
  return pick(node) ?? ts.forEachChild(node, (child) => findNode(child, pick));
}

// Ancestors first, so a subclass's redeclaration of a variable wins.
function envClassVariables(
  { declaration, file }: FoundClass,
  sources: SourceIndex,
): Omit<EnvVariable, 'services'>[] {
  const base = declaration.heritageClauses?.find(
    (clause) => clause.token === ts.SyntaxKind.ExtendsKeyword,
  )?.types[0];
  // `extends StorageEnv`, or a mixin of several (`extends IntersectionType(A, B)`).
  const bases = !base
    ? []
    : ts.isCallExpression(base.expression)
      ? base.expression.arguments.filter(ts.isIdentifier)
      : [base.expression];
  const inherited = bases.flatMap((expression) =>
    envClassVariables(sources.findClass(expression.getText(file), file), sources),
  );
  const own = declaration.members
    .filter(ts.isPropertyDeclaration)
    .map((property) => describeProperty(property, declaration, file));
  const ownNames = new Set(own.map((v) => v.name));
  return [...inherited.filter((v) => !ownNames.has(v.name)), ...own];
}

function describeProperty(
  property: ts.PropertyDeclaration,
  owner: ts.ClassDeclaration,
  file: ts.SourceFile,
): Omit<EnvVariable, 'services'> {
  const decorators = ts.getDecorators(property) ?? [];
  const names = decorators.map(decoratorName);
  const validateIf = decorators[names.indexOf('ValidateIf')];
  const defaultValue = property.initializer && literalText(property.initializer, file);
  return {
    name: property.name.getText(file),
    need: validateIf
      ? 'conditional'
      : names.includes('IsOptional') || defaultValue !== undefined
        ? 'optional'
        : 'required',
    condition: validateIf && conditionText(validateIf, file),
    defaultValue,
    checks: decorators
      .filter((_, i) => !['IsOptional', 'ValidateIf', 'Transform'].includes(names[i]))
      .map((d) => d.getText(file).replace(/\s+/g, ' ')),
    doc: ts
      .getJSDocCommentsAndTags(property)
      .filter(ts.isJSDoc)
      .map((jsdoc) => ts.getTextOfJSDocComment(jsdoc.comment) ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    declaredIn: owner.name?.text ?? '(anonymous class)',
  };
}

function decoratorName(decorator: ts.Decorator): string {
  const call = decorator.expression;
  return ts.isCallExpression(call) ? call.expression.getText() : call.getText();
}

// `15 * 60` becomes 900 (and `25 * MB` too, with `MB` a constant of the same file); a string
// literal its text; anything else stays as written.
function literalText(initializer: ts.Expression, file: ts.SourceFile): string {
  if (ts.isStringLiteralLike(initializer)) return initializer.text;
  const text = initializer.getText(file).replace(/\b[A-Z][A-Z_]*\b/g, (name) => {
    const declared = findNode(file, (node) =>
      ts.isVariableDeclaration(node) && node.name.getText(file) === name ? node : undefined,
    );
    return declared?.initializer ? literalText(declared.initializer, file) : name;
  });
  if (/^[\d_\s*+]+$/.test(text)) {
    const terms = text.replace(/_/g, '').split('+');
    const value = terms
      .map((term) => term.split('*').reduce((product, factor) => product * Number(factor), 1))
      .reduce((sum, term) => sum + term, 0);
    return String(value);
  }
  return text;
}

// The predicate of `@ValidateIf(...)`, inline or a named arrow function of the same file, with
// `env.` dropped: `NODE_ENV === 'production' || SECRETS_KEY !== undefined`.
function conditionText(decorator: ts.Decorator, file: ts.SourceFile): string {
  const call = decorator.expression as ts.CallExpression;
  let predicate: ts.Expression = call.arguments[0];
  if (ts.isIdentifier(predicate)) {
    const name = predicate.text;
    const declared = findNode(file, (node) =>
      ts.isVariableDeclaration(node) && node.name.getText(file) === name ? node : undefined,
    );
    if (declared?.initializer) predicate = declared.initializer;
  }
  const body = ts.isArrowFunction(predicate) ? predicate.body : predicate;
  return body
    .getText(file)
    .replace(/\s+/g, ' ')
    .replace(/\benv\./g, '');
}
