import { HUB_SERVICES } from '@hub/config';
import { requiredVariables, type EnvVariable } from './env-catalog';
import { objectName, type ManifestObject } from './yaml-documents';

// The slice of the Kubernetes shapes these rules read; the schemas check the rest.
interface Container {
  name: string;
  image?: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
  securityContext?: SecurityContext;
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { drop?: string[] };
  seccompProfile?: { type?: string };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  terminationGracePeriodSeconds?: number;
}
interface Workload extends ManifestObject {
  spec: { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } };
}

/** What the rules need besides the objects: the env classes, and Secrets made out of band. */
export interface RuleContext {
  catalog: EnvVariable[];
  /** Secrets the overlay expects to exist (name → keys), e.g. prod's hub-secrets. */
  externalSecrets: Record<string, string[]>;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'Job'];
// Values that must never sit in a ConfigMap or a manifest literal.
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|_KEY$|^DATABASE_URL$/;

/**
 * Our own rules over a rendered overlay (those a schema cannot say): pinned images, limits,
 * probes, a locked-down container, a grace period above the drain time, every variable a
 * service requires set (secrets from a Secret), a PodDisruptionBudget per Deployment, and one
 * autoscaler per Deployment.
 */
export function ruleProblems(objects: ManifestObject[], context: RuleContext): string[] {
  const workloads = objects.filter((o): o is Workload => WORKLOAD_KINDS.includes(o.kind));
  const deployments = workloads.filter((o) => o.kind === 'Deployment');
  return [
    ...workloads.flatMap((w) => containersOf(w).flatMap((c) => imageProblems(w, c))),
    ...workloads.flatMap((w) => lockdownProblems(w)),
    ...deployments.flatMap((d) => containersOf(d).flatMap((c) => runtimeProblems(d, c))),
    ...deployments.flatMap((d) => gracePeriodProblems(d, objects)),
    ...deployments.flatMap((d) => envProblems(d, objects, context)),
    ...deployments.flatMap((d) => disruptionBudgetProblems(d, objects)),
    ...deployments.flatMap((d) => autoscalerProblems(d, objects)),
  ];
}

const containersOf = (w: Workload): Container[] => [
  ...(w.spec.template.spec.initContainers ?? []),
  ...w.spec.template.spec.containers,
];

function imageProblems(w: Workload, c: Container): string[] {
  const image = c.image ?? '';
  const tag = image.includes('@sha256:') ? 'digest' : /:([^:/]+)$/.exec(image)?.[1];
  if (!tag) return [`${objectName(w)} ${c.name}: image "${image}" has no tag`];
  return tag === 'latest' ? [`${objectName(w)} ${c.name}: image "${image}" is not pinned`] : [];
}

function lockdownProblems(w: Workload): string[] {
  const pod = w.spec.template.spec;
  const problems: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod without runAsNonRoot: true');
  for (const c of containersOf(w)) {
    const sc = c.securityContext ?? {};
    const seccomp = sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault') problems.push(`${c.name}: seccomp is not RuntimeDefault`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${c.name}: root filesystem writable`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name}: privilege escalation`);
    if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${c.name}: capabilities kept`);
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) {
        if (!c.resources?.[kind]?.[resource]) problems.push(`${c.name}: no ${resource} ${kind}`);
      }
    }
  }
  return problems.map((p) => `${objectName(w)}: ${p}`);
}

function runtimeProblems(d: Workload, c: Container): string[] {
  const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
  return probes.filter((p) => !c[p]).map((p) => `${objectName(d)} ${c.name}: no ${p}`);
}

// The kubelet's SIGKILL must come after the preStop sleep and the service's own drain deadline.
function gracePeriodProblems(d: Workload, objects: ManifestObject[]): string[] {
  const pod = d.spec.template.spec;
  const main = pod.containers[0];
  const shutdownMs = Number(envValue(main, 'SHUTDOWN_TIMEOUT_MS', objects) ?? 10_000);
  const preStop = main.lifecycle?.preStop?.exec?.command ?? [];
  const preStopSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  const needed = preStopSeconds + shutdownMs / 1000;
  return grace > needed
    ? []
    : [
        `${objectName(d)}: terminationGracePeriodSeconds ${grace} is not above ${needed} s (preStop + SHUTDOWN_TIMEOUT_MS)`,
      ];
}

function envProblems(d: Workload, objects: ManifestObject[], context: RuleContext): string[] {
  const service = HUB_SERVICES.find(({ name }) => name === d.metadata.name)?.name;
  if (!service) return [`${objectName(d)}: not one of the hub's services`];
  const main = d.spec.template.spec.containers[0];
  const problems: string[] = [];
  const refs = main.envFrom ?? [];
  if (!refs.some((r) => r.configMapRef)) problems.push('no envFrom ConfigMap');
  // A whole Secret would hand every service every secret (connector-web the JWT key).
  if (refs.some((r) => r.secretRef)) problems.push('takes a whole Secret: name its keys');
  const env = effectiveEnv(main, objects, context);
  // The image sets NODE_ENV=production; hub-config says so again.
  const values = { NODE_ENV: 'production', ...mapValues(env, (e) => e.value) };
  for (const name of requiredVariables(context.catalog, service, values)) {
    const source = env.get(name)?.source;
    if (!source) problems.push(`${name} (required by ${service}) is not set`);
    else if (SECRET_NAME.test(name) && source !== 'Secret') {
      problems.push(`${name} comes from a ${source}, not a Secret`);
    }
  }
  return problems.map((p) => `${objectName(d)}: ${p}`);
}

interface EnvEntry {
  source: 'Secret' | 'ConfigMap' | 'literal';
  /** Unknown for a Secret's value. */
  value?: string;
}

// What a container's environment holds and where each variable comes from; an explicit `env`
// entry wins over `envFrom`, and a later `envFrom` over an earlier one, as in the kubelet.
function effectiveEnv(
  c: Container,
  objects: ManifestObject[],
  context: RuleContext,
): Map<string, EnvEntry> {
  const env = new Map<string, EnvEntry>();
  for (const ref of c.envFrom ?? []) {
    if (ref.configMapRef) {
      const data = dataOf(objects, 'ConfigMap', ref.configMapRef.name);
      for (const [name, value] of Object.entries(data))
        env.set(name, { source: 'ConfigMap', value });
    }
    if (ref.secretRef) {
      for (const name of secretKeys(ref.secretRef.name, objects, context)) {
        env.set(name, { source: 'Secret' });
      }
    }
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    if (!ref) env.set(e.name, { source: 'literal', value: e.value });
    // A key the Secret lacks (an optional reference) leaves the variable unset.
    else if (secretKeys(ref.name, objects, context).includes(ref.key)) {
      env.set(e.name, { source: 'Secret' });
    }
  }
  return env;
}

function secretKeys(name: string, objects: ManifestObject[], context: RuleContext): string[] {
  return [
    ...(context.externalSecrets[name] ?? []),
    ...Object.keys(dataOf(objects, 'Secret', name)),
  ];
}

const mapValues = <V, W>(map: Map<string, V>, f: (v: V) => W): Record<string, W> =>
  Object.fromEntries([...map].map(([key, value]) => [key, f(value)]));

function envValue(c: Container, name: string, objects: ManifestObject[]): string | undefined {
  return effectiveEnv(c, objects, { catalog: [], externalSecrets: {} }).get(name)?.value;
}

function dataOf(objects: ManifestObject[], kind: string, name: string): Record<string, string> {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  return {
    ...((found?.data as Record<string, string> | undefined) ?? {}),
    ...((found?.stringData as Record<string, string> | undefined) ?? {}),
  };
}

function disruptionBudgetProblems(d: Workload, objects: ManifestObject[]): string[] {
  const labels = d.spec.template.metadata?.labels ?? {};
  const covered = objects.some(
    (o) =>
      o.kind === 'PodDisruptionBudget' &&
      matches((o.spec as { selector?: { matchLabels?: Record<string, string> } }).selector, labels),
  );
  return covered ? [] : [`${objectName(d)}: no PodDisruptionBudget selects its pods`];
}

function matches(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string>,
): boolean {
  const wanted = Object.entries(selector?.matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
}

// An HPA and a KEDA ScaledObject on one Deployment would fight over its replica count.
function autoscalerProblems(d: Workload, objects: ManifestObject[]): string[] {
  const scalers = objects.filter(
    (o) =>
      ['HorizontalPodAutoscaler', 'ScaledObject'].includes(o.kind) &&
      (o.spec as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name === d.metadata.name,
  );
  return scalers.length > 1
    ? [`${objectName(d)}: scaled by ${scalers.map(objectName).join(' and ')}`]
    : [];
}
