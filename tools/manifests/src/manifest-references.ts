import { objectName, type ManifestObject } from './yaml-documents';

type Labels = Record<string, string>;
interface PodTemplate {
  metadata?: { labels?: Labels };
  spec: {
    containers: {
      envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
      env?: { valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
    }[];
    volumes?: { configMap?: { name: string }; secret?: { secretName: string } }[];
  };
}

/**
 * Names that must point at something: a misspelt Service, Secret or Deployment name passes every
 * schema. `externalSecrets` are the Secrets made outside the overlay (name to keys).
 */
export function referenceProblems(
  objects: ManifestObject[],
  externalSecrets: Record<string, string[]>,
): string[] {
  const named = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);
  // cert-manager writes each Certificate's Secret.
  const issued = objects
    .filter((o) => o.kind === 'Certificate')
    .map((o) => (o.spec as { secretName: string }).secretName);
  const secretExists = (name: string) =>
    !!named('Secret', name) || name in externalSecrets || issued.includes(name);
  const templates = objects.flatMap((o) => {
    const template = (o.spec as { template?: PodTemplate } | undefined)?.template;
    return template?.spec?.containers ? [{ owner: o, template }] : [];
  });

  const problems: string[] = [];
  for (const { owner, template } of templates) {
    const missing = (what: string) => problems.push(`${objectName(owner)}: ${what} does not exist`);
    for (const c of template.spec.containers) {
      for (const ref of c.envFrom ?? []) {
        if (ref.configMapRef && !named('ConfigMap', ref.configMapRef.name)) {
          missing(`ConfigMap ${ref.configMapRef.name}`);
        }
        if (ref.secretRef && !secretExists(ref.secretRef.name)) {
          missing(`Secret ${ref.secretRef.name}`);
        }
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && !secretExists(ref.name)) missing(`Secret ${ref.name}`);
      }
    }
    for (const v of template.spec.volumes ?? []) {
      if (v.configMap && !named('ConfigMap', v.configMap.name))
        missing(`ConfigMap ${v.configMap.name}`);
      if (v.secret && !secretExists(v.secret.secretName)) missing(`Secret ${v.secret.secretName}`);
    }
  }

  for (const o of objects) {
    if (o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject') {
      const target = (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name;
      if (!named('Deployment', target))
        problems.push(`${objectName(o)}: Deployment ${target} does not exist`);
    }
    if (o.kind === 'Ingress') problems.push(...ingressProblems(o, objects));
    if (o.kind === 'Service') {
      const selector = (o.spec as { selector?: Labels }).selector ?? {};
      if (!templates.some(({ template }) => selects(selector, template.metadata?.labels))) {
        problems.push(`${objectName(o)}: selects no pod`);
      }
    }
    if (o.kind === 'ServiceMonitor') {
      const selector = (o.spec as { selector: { matchLabels: Labels } }).selector.matchLabels;
      if (!objects.some((s) => s.kind === 'Service' && selects(selector, s.metadata.labels))) {
        problems.push(`${objectName(o)}: selects no Service`);
      }
    }
  }
  return problems;
}

function selects(selector: Labels, labels: Labels | undefined): boolean {
  const wanted = Object.entries(selector);
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}

interface IngressBackend {
  service: { name: string; port: { name?: string; number?: number } };
}

function ingressProblems(ingress: ManifestObject, objects: ManifestObject[]): string[] {
  const rules = (ingress.spec as { rules: { http: { paths: { backend: IngressBackend }[] } }[] })
    .rules;
  return rules.flatMap((rule) =>
    rule.http.paths.flatMap(({ backend: { service } }) => {
      const target = objects.find((o) => o.kind === 'Service' && o.metadata.name === service.name);
      const ports = (target?.spec as { ports?: { name?: string; port: number }[] } | undefined)
        ?.ports;
      const found = ports?.some(
        (p) => p.name === service.port.name || p.port === service.port.number,
      );
      return found
        ? []
        : [
            `${objectName(ingress)}: no Service port ${service.name}:${service.port.name ?? service.port.number}`,
          ];
    }),
  );
}
