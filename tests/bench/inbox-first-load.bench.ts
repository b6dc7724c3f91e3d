import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserSession } from '../e2e/support/browser';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { inboxText } from '../e2e/support/inbox';
import { formatSummary, summarize } from '../e2e/support/stats';

// First load of the inbox app: the gzipped JavaScript its index page downloads (from the build's
// first-load.json) and the time to interactive in headless Chromium with a cold cache: from
// navigation to the sign-in form's button being enabled (the app rendered in its language).
const RUNS = Number(process.env.BENCH_INBOX_LOADS ?? 10);
const FIRST_LOAD = path.resolve(__dirname, '..', '..', 'dist', 'apps', 'inbox', 'first-load.json');

describe('inbox app first load', () => {
  let suite: HubSuite;
  let browser: BrowserSession;

  beforeAll(async () => {
    suite = await startHubSuite('binload', ['gateway']);
    browser = await BrowserSession.launch('binload');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  it('prints the gzipped JS bytes and the time to interactive', async () => {
    const { jsGzipBytes, cssGzipBytes } = JSON.parse(readFileSync(FIRST_LOAD, 'utf8')) as {
      jsGzipBytes: number;
      cssGzipBytes: number;
    };
    const url = `${suite.hub.service('gateway').url}/sign-in`;
    const submit = inboxText('en-US', 'auth', 'submit');
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: nothing cached.
      const { context, page } = await browser.visitor('en-US');
      const start = Date.now();
      await page.goto(url);
      await page.getByRole('button', { name: submit }).waitFor();
      times.push(Date.now() - start);
      await context.close();
    }
    const summary = summarize(times);
    console.log(
      [
        `inbox first load: ${jsGzipBytes} bytes JS gzipped, ${cssGzipBytes} bytes CSS gzipped`,
        formatSummary(`time to interactive (cold, ${RUNS} loads)`, summary),
      ].join('\n'),
    );
    expect(summary.count).toBe(RUNS);
  });
});
