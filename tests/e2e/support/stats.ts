/** Latency samples in milliseconds, summarised the way the bench reports them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function formatSummary(name: string, s: LatencySummary): string {
  return `${name.padEnd(34)} n=${String(s.count).padStart(6)}  p50=${s.p50.toFixed(2).padStart(7)} ms  p99=${s.p99.toFixed(2).padStart(7)} ms  max=${s.max.toFixed(2).padStart(7)} ms`;
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
