import type { PhaseFigures } from './checker';
import type { PhaseTiming } from './load-run';

const ms = (value?: number) => (value === undefined ? '–' : `${Math.round(value)} ms`);

/** The figures table of a run: one row per fault, as the closing note reports them. */
export function figuresTable(
  phases: readonly PhaseFigures[],
  timings: readonly PhaseTiming[],
  firstDelivery: (timing: PhaseTiming) => number | undefined,
): string {
  const header = [
    'fault',
    'sent',
    'acknowledged',
    'stored',
    'lost',
    'doubled',
    'unknown',
    'failed',
    'fault → first delivery',
    'cold start',
    'phase time',
  ];
  const rows = phases.map((p) => {
    const timing = timings.find((t) => t.phase === p.phase);
    return [
      p.phase,
      p.sent,
      p.acknowledged,
      p.stored,
      p.lost,
      p.doubled,
      p.unknown,
      p.failed,
      ms(timing && firstDelivery(timing)),
      ms(timing?.coldStartMs),
      ms(timing?.durationMs),
    ].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
