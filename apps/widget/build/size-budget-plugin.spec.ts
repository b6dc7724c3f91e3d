import { randomBytes } from 'node:crypto';
import { sizeBudget } from './size-budget-plugin';

/** Runs the plugin's generateBundle hook as Vite would, on one output chunk. */
function generate(code: string, extra: Record<string, unknown> = {}) {
  const emitted: Array<{ fileName: string; source: string }> = [];
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
    info: () => undefined,
    emitFile: (file: { fileName: string; source: string }) => emitted.push(file),
  };
  const bundle = { 'widget.abc.js': { type: 'chunk', fileName: 'widget.abc.js', code }, ...extra };
  const hook = sizeBudget().generateBundle as unknown as (
    this: typeof context,
    options: unknown,
    output: typeof bundle,
  ) => void;
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  hook.call(context, {}, bundle);
  return emitted;
}

describe('the size-budget build plugin', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes manifest.json beside a bundle within budget', () => {
    const emitted = generate('console.log(1);'.repeat(100));
    expect(emitted).toHaveLength(1);
    expect(emitted[0].fileName).toBe('manifest.json');
    expect(JSON.parse(emitted[0].source)).toEqual({
      file: 'widget.abc.js',
      bytes: 1500,
      gzipBytes: expect.any(Number) as number,
    });
  });

  it('fails the build when the bundle is over 30 KB gzipped', () => {
    expect(() => generate(randomBytes(40 * 1024).toString('hex'))).toThrow(/over budget/);
  });

  it('fails the build when Vite emits anything beside the one script (a CSS file, a chunk)', () => {
    expect(() =>
      generate('x', { 'style.css': { type: 'asset', fileName: 'style.css', source: '' } }),
    ).toThrow(/one script/);
  });
});
