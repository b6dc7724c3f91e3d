import { exceedsJsonDepth, MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('the JSON nesting limit', () => {
  it('lets a document nested exactly to the limit through, as text and as a value', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(arrays(MAX_JSON_DEPTH))).toBe(false);
  });

  it('finds a document one level too deep, as text and as a value', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(exceedsJsonDepth(arrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(arrays(MAX_JSON_DEPTH + 1)))).toBe(true);
  });

  it('walks a 100,000-deep document without overflowing the stack', () => {
    expect(exceedsJsonDepth(arrays(100_000))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(arrays(100_000)))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: '[[[[{{{{'.repeat(10) + '\\"[[[' });
    expect(exceedsJsonDepth(text)).toBe(false);
  });

  it('counts depth, not breadth', () => {
    const wide = JSON.stringify(Array.from({ length: 1_000 }, () => ({ a: [1] })));
    expect(exceedsJsonDepth(wide)).toBe(false);
    expect(nestsDeeperThan(JSON.parse(wide))).toBe(false);
  });

  it('treats scalars and a missing body as flat', () => {
    for (const value of [undefined, null, 'x', 3]) expect(nestsDeeperThan(value)).toBe(false);
  });
});
