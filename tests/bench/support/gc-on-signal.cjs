// Bench only, preloaded into a server being measured (`node --expose-gc --require <this>`):
// SIGUSR2 runs a full garbage collection, then writes process.memoryUsage() as JSON to
// $BENCH_MEMORY_REPORT, so every server is measured after GC the same way.
const { writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  if (process.env.BENCH_MEMORY_REPORT) {
    writeFileSync(process.env.BENCH_MEMORY_REPORT, JSON.stringify(process.memoryUsage()));
  }
});
