/** Where a visit came from, derived by connector-web from its first page's referrer and URL. */
export type VisitSource = 'direct' | 'search' | 'social' | 'campaign' | 'referral';

export type VisitorDevice = 'desktop' | 'mobile' | 'tablet';

/** The UTM parameters of a visit's landing URL (null when absent). */
export interface UtmView {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
}

/** A visitor on the site now, as agents see them (`GET /api/v1/visitors/online`, `visitor.*` events). */
export interface VisitorView {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  customerId: string | null;
  visitId: string;
  currentUrl: string;
  currentTitle: string;
  source: VisitSource;
  searchEngine: string | null;
  searchKeyword: string | null;
  referrer: string | null;
  utm: UtmView;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: VisitorDevice | null;
  firstVisit: boolean;
  visitCount: number;
  pagesViewed: number;
  /** Earlier and current conversations of the visitor in the inbox. */
  conversationCount: number;
  chatting: boolean;
  onlineSince: string;
  lastSeenAt: string;
}

/** One page of a visitor's trail, oldest first across visits. */
export interface TrailPageView {
  visitId: string;
  url: string;
  title: string;
  referrer: string | null;
  viewedAt: string;
  /** Time on the page, known once the visitor left it. */
  durationMs: number | null;
}

export interface VisitorTrailView {
  visitorId: string;
  pages: TrailPageView[];
}
