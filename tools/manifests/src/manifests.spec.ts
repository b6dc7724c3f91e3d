import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HUB_SERVICES } from '@hub/config';
import { readEnvCatalog } from './env-catalog';
import { schemaProblems } from './kubernetes-schemas';
import { renderKustomization } from './kustomize';
import { referenceProblems } from './manifest-references';
import { ruleProblems, type RuleContext } from './manifest-rules';
import { parseYamlDocuments, type ManifestObject } from './yaml-documents';

const root = path.resolve(__dirname, '../../..');
const catalog = readEnvCatalog(root);
const exampleSecretFile = path.join(root, 'k8s/overlays/prod/hub-secrets.example.yaml');
const [exampleSecret] = parseYamlDocuments(readFileSync(exampleSecretFile, 'utf8'), 'example');

// What the prod overlay expects to exist before it is applied (created out of band).
const nkeySecrets = Object.fromEntries(
  HUB_SERVICES.map(({ name }) => [`nats-nkey-${name}`, ['seed']]),
);
const prodContext: RuleContext = {
  catalog,
  externalSecrets: {
    'hub-secrets': Object.keys(exampleSecret.stringData as Record<string, string>),
    ...nkeySecrets,
  },
};
const devContext: RuleContext = { catalog, externalSecrets: {} };

let dev: ManifestObject[];
let prod: ManifestObject[];
beforeAll(() => {
  dev = renderKustomization(path.join(root, 'k8s/overlays/dev'));
  prod = renderKustomization(path.join(root, 'k8s/overlays/prod'));
});

const kinds = (objects: ManifestObject[]): string[] => [...new Set(objects.map((o) => o.kind))];

describe('the Kubernetes overlays', () => {
  it('render with kubectl kustomize into the objects each environment needs', () => {
    expect(kinds(dev)).toEqual(
      expect.arrayContaining(['Deployment', 'StatefulSet', 'Job', 'Ingress', 'NetworkPolicy']),
    );
    const devStatefulSets = dev.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name);
    expect(devStatefulSets.sort()).toEqual(['nats', 'postgres']);
    expect(kinds(prod)).toEqual(
      expect.arrayContaining(['ScaledObject', 'ServiceMonitor', 'PrometheusRule', 'Certificate']),
    );
    expect(prod.some((o) => o.kind === 'StatefulSet' && o.metadata.name === 'postgres')).toBe(
      false,
    );
  });

  it('validate against the JSON schemas of their kinds, the example Secret too', () => {
    expect(schemaProblems([...dev, ...prod, exampleSecret])).toEqual([]);
  });

  it('keep our rules: pinned images, limits, probes, lockdown, grace, env, budgets', () => {
    expect(ruleProblems(dev, devContext)).toEqual([]);
    expect(ruleProblems(prod, prodContext)).toEqual([]);
  });

  it('name only Services, Secrets, ConfigMaps and Deployments that exist', () => {
    expect(referenceProblems(dev, devContext.externalSecrets)).toEqual([]);
    expect(referenceProblems(prod, prodContext.externalSecrets)).toEqual([]);
  });

  it('give every secret a service requires a key in the example production Secret', () => {
    expect(Object.keys(exampleSecret.stringData as object)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'FILES_SIGNING_SECRET']),
    );
  });
});

describe('a broken overlay', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // An overlay on top of dev that breaks it the ways a hand edit would.
  function renderBroken(patch: string): ManifestObject[] {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-broken-overlay-'));
    const dev = path.relative(dir, path.join(root, 'k8s/overlays/dev'));
    writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      `resources: ['${dev}']\npatches:\n  - target: { kind: Deployment, name: gateway }\n    patch: |-\n${patch.replace(/^/gm, '      ')}\n`,
    );
    return renderKustomization(dir);
  }

  it('fails the schema check on a misspelt field and a wrong type', () => {
    const broken = renderBroken(
      [
        '- { op: add, path: /spec/template/spec/containers/0/readinessProbe/perodSeconds, value: 5 }',
        '- { op: replace, path: /spec/revisionHistoryLimit, value: five }',
      ].join('\n'),
    );
    const problems = schemaProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Deployment\/gateway.*perodSeconds/),
        expect.stringMatching(/^Deployment\/gateway.*revisionHistoryLimit/),
      ]),
    );
  });

  it('fails on a name that points at nothing', () => {
    const broken = renderBroken(
      [
        '- { op: replace, path: /spec/template/spec/volumes/1/secret/secretName, value: nats-nkey-gatway }',
      ].join('\n'),
    );
    const renamed = broken.map((o): ManifestObject =>
      o.kind === 'Ingress' && o.metadata.name === 'connector-social'
        ? (JSON.parse(JSON.stringify(o).replace('"name":"http"', '"name":"htp"')) as ManifestObject)
        : o,
    );
    expect(referenceProblems(renamed, {})).toEqual([
      'Deployment/gateway: Secret nats-nkey-gatway does not exist',
      'Ingress/connector-social: no Service port connector-social:htp',
    ]);
  });

  it('fails our rules on a floating tag, a missing probe, a root container, a whole Secret and a missing key', () => {
    const broken = renderBroken(
      [
        '- { op: replace, path: /spec/template/spec/containers/0/image, value: "hub:latest" }',
        '- { op: remove, path: /spec/template/spec/containers/0/startupProbe }',
        '- { op: remove, path: /spec/template/spec/securityContext/runAsNonRoot }',
        '- { op: replace, path: /spec/template/spec/terminationGracePeriodSeconds, value: 20 }',
        '- { op: add, path: /spec/template/spec/containers/0/envFrom/-, value: { secretRef: { name: hub-secrets } } }',
      ].join('\n'),
    );
    const withoutJwt = broken.map((o) => {
      if (o.kind !== 'Secret' || !o.metadata.name.startsWith('hub-secrets')) return o;
      const { JWT_SECRET: _dropped, ...data } = o.data as Record<string, string>;
      return { ...o, data };
    });
    expect(ruleProblems(withoutJwt, devContext)).toEqual([
      'Deployment/gateway gateway: image "hub:latest" is not pinned',
      'Deployment/gateway: pod without runAsNonRoot: true',
      'Deployment/gateway gateway: no startupProbe',
      'Deployment/gateway: terminationGracePeriodSeconds 20 is not above 25 s (preStop + SHUTDOWN_TIMEOUT_MS)',
      'Deployment/gateway: takes a whole Secret: name its keys',
      'Deployment/gateway: JWT_SECRET (required by gateway) is not set',
    ]);
  });
});
