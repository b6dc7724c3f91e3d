import { globMatches } from './glob';

describe('globMatches', () => {
  it('matches * as any run of characters, case-insensitively', () => {
    expect(globMatches('/pricing*', '/pricing')).toBe(true);
    expect(globMatches('/pricing*', '/Pricing/team?x=1')).toBe(true);
    expect(globMatches('/shop/*/checkout', '/shop/shoes/checkout')).toBe(true);
    expect(globMatches('*shoe*', 'Red Shoes')).toBe(true);
  });

  it('matches the whole text, and every other character as itself', () => {
    expect(globMatches('/pricing', '/pricing/team')).toBe(false);
    expect(globMatches('/a.c', '/abc')).toBe(false);
    expect(globMatches('/(a|b)', '/a')).toBe(false);
    expect(globMatches('/ab*ba', '/aba')).toBe(false);
  });
});
