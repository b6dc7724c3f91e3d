import { defineConfig } from 'vite';
import { sizeBudget } from './build/size-budget-plugin';

// One IIFE script, content-hashed, no CSS file (styles live in the shadow root) and no chunks:
// connector-web serves it behind the `/widget.js` loader (docs/widget.md).
export default defineConfig({
  root: import.meta.dirname,
  // `@hub/text-safety` (maskCardNumbers) from tsconfig.base.json's paths.
  resolve: { tsconfigPaths: true },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../../dist/apps/widget',
    emptyOutDir: true,
    target: 'es2020',
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/main.tsx',
      formats: ['iife'],
      name: 'HubWidget',
      fileName: () => 'widget.[hash].js',
    },
  },
  plugins: [sizeBudget()],
});
