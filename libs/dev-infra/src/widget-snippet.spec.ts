import { WIDGET_SNIPPET_MARKER, installWidgetSnippet, widgetSnippet } from './widget-snippet';

describe('widget snippet', () => {
  const target = {
    hubOrigin: 'http://127.0.0.1:3001/',
    inboxId: 'c0ffee00-0000-4000-8000-000000000001',
  };

  it('loads widget.js from the hub origin and names the inbox', () => {
    expect(widgetSnippet(target)).toBe(
      '<script async src="http://127.0.0.1:3001/widget.js" data-inbox="c0ffee00-0000-4000-8000-000000000001"></script>',
    );
  });

  it('escapes what would end the attribute', () => {
    expect(widgetSnippet({ hubOrigin: 'http://h:1', inboxId: '"><img src=x>' })).toContain(
      'data-inbox="&quot;>&lt;img src=x>"',
    );
  });

  it('replaces the marker of a page, and refuses a page without one', () => {
    expect(installWidgetSnippet(`<body>${WIDGET_SNIPPET_MARKER}</body>`, target)).toBe(
      `<body>${widgetSnippet(target)}</body>`,
    );
    expect(() => installWidgetSnippet('<body></body>', target)).toThrow(
      /no <!-- hub-widget-snippet --> marker/,
    );
  });
});
