import { newRunId } from './test-env';

// Jest workers inherit this process's environment, so one id names the whole run.
export default function globalSetup(): void {
  process.env.HUB_TEST_RUN_ID ??= newRunId();
}
