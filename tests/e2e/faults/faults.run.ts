import { startFaultHub, type FaultHub } from '../support/load/fault-hub';
import { runFaultSuite } from '../support/load/fault-suite';

// The long form of issue 14's faults (`npm run faults`): every fault on its own, with longer load
// around each. Knobs: LOAD_VISITORS, LOAD_AGENTS, LOAD_PAUSE_MS, LOAD_PHASE_MS.
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

describe('faults under load, long form', () => {
  let target: FaultHub;

  afterAll(() => target?.stop());

  it('keeps every acknowledged message through each fault', async () => {
    target = await startFaultHub('faults_long', {
      VISITOR_MESSAGES_PER_SECOND: '1000',
      VISITOR_MESSAGES_PER_MINUTE: '100000',
      SESSION_MINT_MAX_PER_IP: '100000',
      LOG_LEVEL: 'warn',
    });
    const phaseMs = knob('LOAD_PHASE_MS', 3_000);
    const result = await runFaultSuite(target, {
      visitors: knob('LOAD_VISITORS', 20),
      agents: knob('LOAD_AGENTS', 4),
      pauseMs: knob('LOAD_PAUSE_MS', 100),
      beforeMs: phaseMs,
      afterMs: phaseMs,
      form: 'long',
      onPhase: (t) => process.stdout.write(`${t.phase}: ${Math.round(t.durationMs)} ms\n`),
    });
    process.stdout.write(`faults under load (long form)\n${result.table}\n`);
    if (result.violations.length) process.stdout.write(`${result.violations.join('\n')}\n`);
    expect(result.violations).toEqual([]);
  });
});
