import { defineConfig } from 'vite';
import { firstLoadReport } from './build/first-load-report';

// The agents' single-page app: content-hashed assets under /assets (the gateway caches them for a
// year) and an index.html without inline script, so the gateway's CSP can forbid inline code.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/apps/inbox',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    // No `data:` script or style inlining: the CSP allows only files from this origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: {
      // React Query marks its modules "use client" for server components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  plugins: [firstLoadReport()],
});
