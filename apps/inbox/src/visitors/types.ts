// The gateway's live-visitor views (docs/live-visitors.md, /api/docs).

export interface VisitorView {
  visitorId: string;
  customerId: string | null;
  currentUrl: string;
  currentTitle: string;
  source: 'direct' | 'search' | 'social' | 'campaign' | 'referral';
  searchEngine: string | null;
  searchKeyword: string | null;
  referrer: string | null;
  country: string | null;
  city: string | null;
  browser: string | null;
  device: 'desktop' | 'mobile' | 'tablet' | null;
  firstVisit: boolean;
  visitCount: number;
  pagesViewed: number;
  conversationCount: number;
  chatting: boolean;
  onlineSince: string;
  lastSeenAt: string;
}

export interface TrailPageView {
  visitId: string;
  url: string;
  title: string;
  viewedAt: string;
  /** Known once the visitor left the page. */
  durationMs: number | null;
}

export interface VisitorTrailView {
  visitorId: string;
  pages: TrailPageView[];
}
