import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { HUB_SERVICES } from '@hub/config';

const root = path.resolve(__dirname, '../../..');
const text = readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');

const finalStage = () => {
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const start = froms[froms.length - 1].getRange().start.line;
  return dockerfile.getInstructions().filter((i) => i.getRange().start.line >= start);
};
const keywords = (instructions: ReturnType<typeof finalStage>) =>
  instructions.map((i) => i.getKeyword());

describe('deploy/Dockerfile', () => {
  it('has no instruction the Dockerfile linter refuses', () => {
    expect(validate(text).map((d) => d.message)).toEqual([]);
    expect(validate(text.replace('HEALTHCHECK --interval', 'HEALTHCHECK --intervl'))).toEqual([
      expect.objectContaining({ message: 'Unknown flag: intervl' }),
    ]);
  });

  it('runs a slim final stage as an unprivileged user, health-checked, without build tools', () => {
    const runtime = finalStage();
    expect(runtime[0].getArgumentsContent()).toMatch(/-slim AS runtime$/);
    const user = runtime.find((i) => i.getKeyword() === 'USER')?.getArgumentsContent();
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(keywords(runtime)).toEqual(expect.arrayContaining(['HEALTHCHECK', 'CMD']));
    // Only the staged folder comes in; nothing is installed in the final stage.
    const copies = runtime.filter((i) => i.getKeyword() === 'COPY').map((i) => i.getTextContent());
    expect(copies).toEqual(['COPY --from=stage /stage/ ./']);
    expect(text).toMatch(/npm prune --omit=dev/);
  });
});

describe('deploy/stage-app.sh', () => {
  let tree: string;
  beforeAll(() => {
    // A built repository in miniature: every app's dist, the two bundles, the libs.
    tree = mkdtempSync(path.join(tmpdir(), 'hub-stage-'));
    for (const dir of [
      ...HUB_SERVICES.map(({ name }) => `dist/apps/${name}/src`),
      'dist/apps/widget',
      'dist/apps/inbox',
      'dist/libs/migrations/src',
      'node_modules/pg',
    ]) {
      mkdirSync(path.join(tree, dir), { recursive: true });
    }
    writeFileSync(path.join(tree, 'package.json'), '{}');
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  const stage = (app: string): string => {
    const out = path.join(tree, `out-${app}`);
    execFileSync('sh', [path.join(root, 'deploy/stage-app.sh'), app, out], {
      cwd: tree,
      stdio: 'pipe',
    });
    return out;
  };
  const has = (out: string, dir: string) => existsSync(path.join(out, dir));

  it("puts the inbox app in gateway's image and the widget in connector-web's, nothing else", () => {
    const gateway = stage('gateway');
    expect([has(gateway, 'dist/apps/inbox'), has(gateway, 'dist/apps/widget')]).toEqual([
      true,
      false,
    ]);
    const web = stage('connector-web');
    expect([has(web, 'dist/apps/widget'), has(web, 'dist/apps/inbox')]).toEqual([true, false]);
    expect(has(web, 'dist/apps/gateway')).toBe(false);
    expect(readFileSync(path.join(web, 'main.js'), 'utf8')).toBe(
      "require('./dist/apps/connector-web/src/main.js');\n",
    );
  });

  it('gives the migration image every app, for their migrations folders', () => {
    const migrate = stage('migrate');
    expect(HUB_SERVICES.every(({ name }) => has(migrate, `dist/apps/${name}`))).toBe(true);
    expect(readFileSync(path.join(migrate, 'main.js'), 'utf8')).toMatch(/migrate\.main\.js/);
  });

  it('refuses an unknown app', () => {
    expect(() => stage('gatway')).toThrow(/unknown app 'gatway'/);
  });
});
