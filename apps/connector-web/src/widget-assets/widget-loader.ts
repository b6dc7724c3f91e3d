import { BUNDLE_FILE_NAME } from './widget-manifest';

/**
 * The source of `/widget.js`: the tiny loader a site embeds with
 * `<script async src="https://HUB/widget.js" data-inbox="INBOX_ID">`. It finds its own tag,
 * takes the hub's origin from its `src` and the inbox from `data-inbox`, leaves both in
 * `window.__HUB_WIDGET__`, queues `Hub(...)` calls made before the bundle arrives (`Hub.q`, the
 * bundle replays them), and appends the content-hashed bundle, which is cached for a year.
 */
export function widgetLoaderSource(bundleFile: string): string {
  // The file name comes from the manifest: only a checked name reaches the script.
  if (!BUNDLE_FILE_NAME.test(bundleFile)) throw new Error(`not a bundle file name: ${bundleFile}`);
  const bundlePath = JSON.stringify(`/widget/${bundleFile}`);
  return `/* hub widget loader */
(function () {
  var tag = document.currentScript;
  if (!tag || !tag.src) return;
  var origin = new URL(tag.src).origin;
  var inboxId = tag.getAttribute('data-inbox');
  if (!inboxId) {
    console.error('hub widget: the script tag needs a data-inbox attribute');
    return;
  }
  window.__HUB_WIDGET__ = { origin: origin, inboxId: inboxId };
  if (typeof window.Hub !== 'function') {
    var hub = function () {
      hub.q.push(arguments);
    };
    hub.q = [];
    window.Hub = hub;
  }
  var bundle = document.createElement('script');
  bundle.async = true;
  bundle.src = origin + ${bundlePath};
  (document.head || document.documentElement).appendChild(bundle);
})();
`;
}
