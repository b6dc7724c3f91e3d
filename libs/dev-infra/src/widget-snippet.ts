/** Where a page template wants the widget snippet: the demo shop's pages carry it once each. */
export const WIDGET_SNIPPET_MARKER = '<!-- hub-widget-snippet -->';

const attribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The one line a website adds to embed the chat widget: the loader from connector-web
 * (`hubOrigin`, e.g. `http://127.0.0.1:3001`) naming the web inbox it talks to.
 */
export function widgetSnippet({ hubOrigin, inboxId }: { hubOrigin: string; inboxId: string }) {
  const src = `${new URL(hubOrigin).origin}/widget.js`;
  return `<script async src="${attribute(src)}" data-inbox="${attribute(inboxId)}"></script>`;
}

/** `html` with its snippet marker replaced by the snippet; a page without the marker is refused. */
export function installWidgetSnippet(
  html: string,
  snippet: { hubOrigin: string; inboxId: string },
): string {
  if (!html.includes(WIDGET_SNIPPET_MARKER))
    throw new Error(`the page has no ${WIDGET_SNIPPET_MARKER} marker`);
  return html.replace(WIDGET_SNIPPET_MARKER, () => widgetSnippet(snippet));
}
