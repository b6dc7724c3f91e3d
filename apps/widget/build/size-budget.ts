import { gzipSync } from 'node:zlib';

/** The widget's budget from the issue: what a visitor's browser downloads, gzipped. */
export const GZIP_BUDGET_BYTES = 30 * 1024;

/** `dist/apps/widget/manifest.json`: connector-web serves `file` behind `/widget.js`. */
export interface WidgetManifest {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The manifest of one built bundle; gzip at level 9, as a CDN or connector-web would serve it. */
export function manifestFor(file: string, code: string): WidgetManifest {
  const raw = Buffer.from(code, 'utf8');
  return { file, bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
}

/** The build's one-line report, or an error naming the overrun when the bundle is over budget. */
export function checkBudget(
  manifest: WidgetManifest,
  budgetBytes: number = GZIP_BUDGET_BYTES,
): { ok: true; report: string } | { ok: false; report: string } {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const report = `${manifest.file}: ${kb(manifest.bytes)}, ${kb(manifest.gzipBytes)} gzipped (budget ${kb(budgetBytes)})`;
  return manifest.gzipBytes <= budgetBytes
    ? { ok: true, report }
    : { ok: false, report: `${report}: over budget by ${manifest.gzipBytes - budgetBytes} bytes` };
}
