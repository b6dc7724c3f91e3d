import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_REFERENCE_PATH, renderConfigReference } from './config-reference';
import { readEnvCatalog, requiredVariables, type EnvVariable } from './env-catalog';

const root = path.resolve(__dirname, '../../..');
const catalog = readEnvCatalog(root);
const variable = (name: string): EnvVariable | undefined => catalog.find((v) => v.name === name);

describe('the configuration reference', () => {
  it('is the one the env classes generate (run `npm run config:reference` after changing them)', () => {
    const committed = readFileSync(path.join(root, CONFIG_REFERENCE_PATH), 'utf8');
    expect(committed).toBe(renderConfigReference(catalog, root));
  });

  it('reads each variable from the class that declares it, with its default and doc comment', () => {
    expect(variable('JWT_TTL_SECONDS')).toMatchObject({
      need: 'optional',
      defaultValue: '900',
      declaredIn: 'GatewayEnv',
      services: ['gateway'],
    });
    expect(variable('JWT_TTL_SECONDS')?.doc).toMatch(/^Lifetime of an agent's access token/);
    expect(variable('DATABASE_URL')?.need).toBe('required');
    expect(variable('DATABASE_URL')?.services).toHaveLength(7);
  });

  it('evaluates numeric defaults written with constants of the env file', () => {
    expect(variable('SMTP_MAX_MESSAGE_BYTES')?.defaultValue).toBe(String(25 * 1024 * 1024));
  });

  it('names the condition of a variable required only sometimes', () => {
    expect(variable('S3_BUCKET')).toMatchObject({
      need: 'conditional',
      condition: "FILES_STORE === 's3'",
    });
    const production = { NODE_ENV: 'production' };
    expect(requiredVariables(catalog, 'gateway', production)).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'JWT_SECRET', 'FILES_SIGNING_SECRET']),
    );
    expect(requiredVariables(catalog, 'gateway', production)).not.toContain('S3_BUCKET');
    expect(requiredVariables(catalog, 'gateway', { FILES_STORE: 's3' })).toEqual(
      expect.arrayContaining(['S3_BUCKET', 'S3_ENDPOINT']),
    );
    expect(requiredVariables(catalog, 'gateway', {})).not.toContain('FILES_SIGNING_SECRET');
  });
});
