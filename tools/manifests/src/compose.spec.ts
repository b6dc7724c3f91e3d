import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeRuleProblems, composeSchemaProblems, loadCompose } from './compose-check';
import { readEnvCatalog } from './env-catalog';

const root = path.resolve(__dirname, '../../..');
const composeDir = path.join(root, 'deploy');
const text = readFileSync(path.join(composeDir, 'compose.yaml'), 'utf8');
const catalog = readEnvCatalog(root);

describe('deploy/compose.yaml', () => {
  it('validates against the compose-spec JSON schema', () => {
    expect(composeSchemaProblems(loadCompose(text))).toEqual([]);
  });

  it('keeps our rules: pinned NATS 2.12+ synced on every write, migrations first, env set', () => {
    expect(composeRuleProblems(loadCompose(text), catalog, composeDir)).toEqual([]);
  });

  it('fails the schema on a misspelt key and a wrong type', () => {
    const broken = loadCompose(text);
    Object.assign(broken.services.gateway, { helthcheck: { test: ['CMD', 'true'] } });
    Object.assign(broken.services.crm, { read_only: 'yes' });
    expect(composeSchemaProblems(broken)).toEqual(
      expect.arrayContaining([
        '/services/gateway: must NOT have additional properties (helthcheck)',
        '/services/crm/read_only: must be boolean',
      ]),
    );
  });

  it('fails our rules on a floating tag, a missing secret and a service started too early', () => {
    const broken = loadCompose(text);
    broken.services.nats.image = 'nats:latest';
    delete broken.services.gateway.environment?.JWT_SECRET;
    // The services share one depends_on through a YAML anchor: give routing its own.
    const { migrate: _migrate, ...startsEarly } = broken.services.routing.depends_on ?? {};
    broken.services.routing.depends_on = startsEarly;
    expect(composeRuleProblems(broken, catalog, composeDir)).toEqual([
      'nats: image "nats:latest" is not pinned',
      'nats: image "nats:latest" is not NATS 2.12 or later',
      'gateway: JWT_SECRET is not set',
      'routing: does not wait for migrate (service_completed_successfully)',
    ]);
  });
});
