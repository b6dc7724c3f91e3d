import { parseWidgetManifest } from './widget-manifest';

describe('parseWidgetManifest', () => {
  it('reads the file name and sizes the widget build wrote', () => {
    const manifest = parseWidgetManifest(
      JSON.stringify({ file: 'widget.3f9a1c2b.js', bytes: 81234, gzipBytes: 27001 }),
    );

    expect(manifest).toMatchObject({ file: 'widget.3f9a1c2b.js', bytes: 81234, gzipBytes: 27001 });
  });

  it('refuses a file name outside widget.<hash>.js, so nothing else can be served', () => {
    for (const file of ['../../etc/passwd', 'widget.js', 'manifest.json', 'widget.ab/../x.js']) {
      expect(() => parseWidgetManifest(JSON.stringify({ file }))).toThrow(
        'manifest.json is invalid',
      );
    }
  });

  it('refuses JSON that is not a manifest object', () => {
    expect(() => parseWidgetManifest('[]')).toThrow();
    expect(() => parseWidgetManifest('not json')).toThrow();
  });
});
