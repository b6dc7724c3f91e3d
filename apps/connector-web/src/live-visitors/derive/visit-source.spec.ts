import { deriveVisitOrigin } from './visit-source';

const PAGE = 'https://shop.example.com/pricing';

describe('deriveVisitOrigin', () => {
  it.each([
    ['https://www.google.co.jp/search?q=running+shoes', 'Google', 'running shoes'],
    ['https://www.google.com.hk/search?q=%E9%9E%8B', 'Google', '鞋'],
    ['https://www.bing.com/search?q=blue+widget', 'Bing', 'blue widget'],
    ['https://www.baidu.com/s?wd=%E8%BF%90%E5%8A%A8%E9%9E%8B', 'Baidu', '运动鞋'],
    ['https://m.baidu.com/s?word=shoes', 'Baidu', 'shoes'],
    ['https://search.yahoo.co.jp/search?p=%E9%9D%B4', 'Yahoo! JAPAN', '靴'],
    ['https://search.naver.com/search.naver?query=%EC%8B%A0%EB%B0%9C', 'Naver', '신발'],
    ['https://www.sogou.com/web?query=shoes', 'Sogou', 'shoes'],
    ['https://www.so.com/s?q=shoes', '360 Search', 'shoes'],
    ['https://duckduckgo.com/?q=shoes', 'DuckDuckGo', 'shoes'],
    ['https://yandex.ru/search/?text=shoes', 'Yandex', 'shoes'],
  ])('reads a search from %s with its engine and keyword', (referrer, engine, keyword) => {
    expect(deriveVisitOrigin(PAGE, referrer)).toMatchObject({
      source: 'search',
      searchEngine: engine,
      searchKeyword: keyword,
    });
  });

  it('knows a search engine whose referrer carries no keyword (Google strips it)', () => {
    expect(deriveVisitOrigin(PAGE, 'https://www.google.com/')).toMatchObject({
      source: 'search',
      searchEngine: 'Google',
      searchKeyword: null,
    });
  });

  it.each([
    'https://l.facebook.com/l.php?u=x',
    'https://t.co/abc',
    'https://x.com/someone',
    'https://www.linkedin.com/feed',
    'https://weibo.com/u/1',
    'https://line.me/R/ti/p/x',
    'https://www.youtube.com/watch?v=1',
    'https://old.reddit.com/r/x',
  ])('counts %s as social', (referrer) => {
    expect(deriveVisitOrigin(PAGE, referrer).source).toBe('social');
  });

  it('counts another site as a referral and this site (or none) as direct', () => {
    expect(deriveVisitOrigin(PAGE, 'https://blog.other.org/post').source).toBe('referral');
    expect(deriveVisitOrigin(PAGE, 'https://shop.example.com/').source).toBe('direct');
    expect(
      deriveVisitOrigin('https://www.shop.example.com/a', 'https://shop.example.com/').source,
    ).toBe('direct');
    expect(deriveVisitOrigin(PAGE, null).source).toBe('direct');
  });

  it('makes a visit with utm_source or utm_medium a campaign, whatever the referrer, with every UTM parameter', () => {
    const origin = deriveVisitOrigin(
      `${PAGE}?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero`,
      'https://www.google.com/search?q=shoes',
    );
    expect(origin).toEqual({
      source: 'campaign',
      searchEngine: 'Google',
      searchKeyword: 'shoes',
      utm: {
        source: 'newsletter',
        medium: 'email',
        campaign: 'spring',
        term: 'shoes',
        content: 'hero',
      },
    });
    expect(deriveVisitOrigin(`${PAGE}?utm_campaign=only`, null).source).toBe('direct');
  });

  it('does not take a look-alike host for a search engine', () => {
    expect(deriveVisitOrigin(PAGE, 'https://google.evil.example/?q=x').source).toBe('referral');
    expect(deriveVisitOrigin(PAGE, 'https://notbing.com/?q=x').source).toBe('referral');
  });

  it('treats a referrer or URL that is not http(s) as absent', () => {
    expect(deriveVisitOrigin(PAGE, 'javascript:alert(1)').source).toBe('direct');
    expect(deriveVisitOrigin('not a url', 'also not').source).toBe('direct');
  });
});
