import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HUB_SERVICES } from '@hub/config';
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

  it('follows a mixin of several env classes, and a schema declared outside main.ts', () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'hub-env-catalog-'));
    try {
      writeFileSync(path.join(tree, 'tsconfig.base.json'), '{ "compilerOptions": {} }');
      for (const { name } of HUB_SERVICES) {
        mkdirSync(path.join(tree, 'apps', name, 'src'), { recursive: true });
        writeFileSync(
          path.join(tree, 'apps', name, 'src', 'definition.ts'),
          [
            "import { IsOptional } from 'class-validator';",
            'class Base { PORT!: number; }',
            "class Secrets { @IsOptional() SECRETS_KEY: string = 'x'; }",
            'class ServiceEnv extends IntersectionType(Base, Secrets) { JWT_SECRET!: string; }',
            'export const definition = { envSchema: ServiceEnv };',
          ].join('\n'),
        );
      }
      const names = readEnvCatalog(tree).map((v) => [v.name, v.need, v.services.length]);
      expect(names).toEqual([
        ['PORT', 'required', 7],
        ['SECRETS_KEY', 'optional', 7],
        ['JWT_SECRET', 'required', 7],
      ]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
