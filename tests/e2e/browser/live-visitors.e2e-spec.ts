import { randomUUID } from 'node:crypto';
import { waitFor } from '@hub/testing';
import { useWidgetSuite } from '../support/browser-hub';
import { findOnlineVisitor, waitForWidget } from '../support/widget';

const GOOGLE = 'https://www.google.com/search?q=running+shoes';
const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

interface Trail {
  visitorId: string;
  pages: { url: string; title: string; referrer: string | null; durationMs: number | null }[];
}

// A visitor's browser reports each page it shows; agents see them live and afterwards. The test
// browser reaches the hub from 127.0.0.1, which has no place on a map (no country, no city),
// and it cannot set X-Forwarded-For: geolocation from a forwarded address is connector-web's
// own test.
describe('live visitors, from a real browser', () => {
  const suite = useWidgetSuite('bvisitors');

  it('lists a visitor who came from a Google search and browsed two pages, with source, keyword and trail', async () => {
    const mark = randomUUID();
    const { page } = await suite.hub.browser.visitor('en-US');
    const first = suite.world.site.pageUrl('index.html', { visit: mark });
    // The site's own link: the second page's address carries no query.
    const second = suite.world.site.pageUrl('shoes.html');
    await page.goto(first, { referer: GOOGLE });
    await waitForWidget(page);
    const arrived = await findOnlineVisitor(
      suite.hub.gateway,
      suite.token,
      (v) => v.currentUrl === first,
    );

    await page.getByRole('link', { name: 'Shoes' }).click();
    await page.waitForURL(second);
    await waitForWidget(page);
    const visitor = await findOnlineVisitor(
      suite.hub.gateway,
      suite.token,
      (v) => v.visitorId === arrived.visitorId && v.currentUrl === second,
    );

    expect(visitor).toMatchObject({
      workspaceId: suite.world.workspace.id,
      inboxId: suite.world.workspace.inboxId,
      currentTitle: 'Trail Runners — Shoes',
      source: 'search',
      searchEngine: matching(/google/i),
      searchKeyword: 'running shoes',
      referrer: GOOGLE,
      country: null,
      city: null,
      browser: matching(/chrom/i),
      os: matching(/linux/i),
      device: 'desktop',
      firstVisit: true,
      visitCount: 1,
      pagesViewed: 2,
      chatting: false,
    });

    // The first page's time is known once the browser left it (its `leave` beacon).
    let trail: Trail | undefined;
    await waitFor(
      async () => {
        const { status, body } = await suite.hub.gateway.call<Trail>(
          'GET',
          `/api/v1/visitors/${visitor.visitorId}/trail`,
          { token: suite.token },
        );
        trail = status === 200 ? body : undefined;
        return (trail?.pages[0]?.durationMs ?? null) !== null;
      },
      15_000,
      () => `the first page's duration in the trail; got ${JSON.stringify(trail)}`,
    );
    expect(trail).toMatchObject({
      visitorId: visitor.visitorId,
      pages: [
        { url: first, title: 'Trail Runners — Home', referrer: GOOGLE },
        { url: second, title: 'Trail Runners — Shoes', referrer: first, durationMs: null },
      ],
    });
    expect(trail!.pages[0].durationMs).toBeGreaterThanOrEqual(0);

    // Agents were told live: the visitor arrived, then changed page.
    await suite.agent.waitFor(
      (f) =>
        f.type === 'visitor.updated' &&
        (f.visitor as { visitorId: string; currentUrl: string }).visitorId === visitor.visitorId &&
        (f.visitor as { currentUrl: string }).currentUrl === second,
      15_000,
      'visitor.updated for the second page',
    );
    expect(
      suite.agent
        .framesOf('visitor.arrived')
        .some((f) => (f.visitor as { visitorId: string }).visitorId === visitor.visitorId),
    ).toBe(true);
    await suite.hub.browser.screenshot(page, 'visitor-second-page', 'en-US');
  });
});
