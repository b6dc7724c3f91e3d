import { startFaultHub, type FaultHub } from '../support/load/fault-hub';
import { runFaultSuite } from '../support/load/fault-suite';

// The short form of issue 14's faults: a few seconds of chat load around each fault, all on one
// hub. The long form is `npm run faults` (tests/e2e/faults/README.md).
describe('faults under load', () => {
  let target: FaultHub;

  beforeAll(async () => {
    target = await startFaultHub('faults', {
      // The load sends faster than a person types: the test is about delivery, not the limits.
      VISITOR_MESSAGES_PER_SECOND: '1000',
      VISITOR_MESSAGES_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
    });
  }, 180_000);

  afterAll(() => target?.stop());

  it('stores every acknowledged message once, in order, and delivers it, through every fault', async () => {
    const result = await runFaultSuite(target, {
      visitors: 8,
      agents: 2,
      pauseMs: 100,
      beforeMs: 500,
      afterMs: 1_000,
      form: 'short',
    });
    console.log(`faults under load (short form)\n${result.table}`);
    expect(result.violations).toEqual([]);
  }, 600_000);
});
