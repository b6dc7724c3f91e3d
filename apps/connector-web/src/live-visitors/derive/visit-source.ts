import type { UtmView, VisitSource } from '@hub/contracts';

/** Where a visit came from: its landing page's UTM parameters and the referrer. */
export interface VisitOrigin {
  source: VisitSource;
  searchEngine: string | null;
  searchKeyword: string | null;
  utm: UtmView;
}

interface SearchEngine {
  name: string;
  host: RegExp;
  /** Query parameters holding the search words, in order of preference. */
  params: readonly string[];
}

// Matched against the referrer's host name. Google has a country domain almost everywhere
// (google.co.jp, google.com.hk), Yandex several; each engine's keyword parameter is its own.
const SEARCH_ENGINES: readonly SearchEngine[] = [
  { name: 'Google', host: /(^|\.)google\.(com?\.)?[a-z]{2,3}$/, params: ['q'] },
  { name: 'Bing', host: /(^|\.)bing\.com$/, params: ['q'] },
  { name: 'Baidu', host: /(^|\.)baidu\.com$/, params: ['wd', 'word'] },
  { name: 'Yahoo! JAPAN', host: /(^|\.)search\.yahoo\.co\.jp$/, params: ['p'] },
  { name: 'Yahoo!', host: /(^|\.)search\.yahoo\.com$/, params: ['p'] },
  { name: 'Naver', host: /(^|\.)naver\.com$/, params: ['query'] },
  { name: 'Sogou', host: /(^|\.)sogou\.com$/, params: ['query', 'keyword'] },
  { name: '360 Search', host: /(^|\.)so\.com$/, params: ['q'] },
  { name: 'DuckDuckGo', host: /(^|\.)duckduckgo\.com$/, params: ['q'] },
  { name: 'Yandex', host: /(^|\.)yandex\.(com|ru|by|kz|ua|com\.tr)$/, params: ['text'] },
];

// Host names (and their subdomains) of social networks and their link shorteners.
const SOCIAL_HOSTS: readonly string[] = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'messenger.com',
  'instagram.com',
  't.co',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'lnkd.in',
  'weibo.com',
  'weibo.cn',
  't.cn',
  'line.me',
  'youtube.com',
  'youtu.be',
  'reddit.com',
  'pinterest.com',
  'tiktok.com',
  'douyin.com',
  'xiaohongshu.com',
  'zhihu.com',
  'vk.com',
  'threads.net',
  'wechat.com',
  'kakao.com',
];

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const MAX_PARAM_LENGTH = 200;

/**
 * The origin of a visit from its first page: a campaign when the URL carries utm_source or
 * utm_medium; else from the referrer: a search engine (with the keyword when the referrer
 * still carries it), a social network, another site, or direct (no referrer, or this site).
 */
export function deriveVisitOrigin(pageUrl: string, referrer: string | null): VisitOrigin {
  const page = parseUrl(pageUrl);
  const utm = utmOf(page);
  const from = referrer ? parseUrl(referrer) : null;
  const engine = from ? searchEngineOf(from) : null;
  const origin = (source: VisitSource): VisitOrigin => ({
    source,
    searchEngine: engine?.name ?? null,
    searchKeyword: engine && from ? keywordOf(from, engine) : null,
    utm,
  });
  if (utm.source !== null || utm.medium !== null) return origin('campaign');
  if (!from || (page && sameSite(from.hostname, page.hostname))) return origin('direct');
  if (engine) return origin('search');
  if (isSocial(from.hostname)) return origin('social');
  return origin('referral');
}

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    // Not a URL (the widget sends what the page says): no parameters, no host.
    return null;
  }
}

function utmOf(page: URL | null): UtmView {
  const utm = { source: null, medium: null, campaign: null, term: null, content: null } as UtmView;
  for (const key of UTM_KEYS) utm[key] = param(page, `utm_${key}`);
  return utm;
}

function searchEngineOf(from: URL): SearchEngine | null {
  const host = from.hostname.toLowerCase();
  return SEARCH_ENGINES.find((engine) => engine.host.test(host)) ?? null;
}

function keywordOf(from: URL, engine: SearchEngine): string | null {
  for (const name of engine.params) {
    const value = param(from, name);
    if (value !== null) return value;
  }
  return null;
}

function param(url: URL | null, name: string): string | null {
  const value = url?.searchParams.get(name)?.trim();
  return value ? value.slice(0, MAX_PARAM_LENGTH) : null;
}

function isSocial(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SOCIAL_HOSTS.some((social) => host === social || host.endsWith(`.${social}`));
}

/** The same site: equal hosts, or one a `www.` of the other. */
function sameSite(a: string, b: string): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  return bare(a) === bare(b);
}
