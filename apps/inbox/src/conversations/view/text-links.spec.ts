import { safeHttpUrl, textLinks } from './text-links';

describe('textLinks', () => {
  it('finds http(s) links in text, leaving sentence punctuation and CJK text outside', () => {
    expect(textLinks('See https://shop.example/a?b=1. Thanks')).toEqual([
      { text: 'See ' },
      { text: 'https://shop.example/a?b=1', href: 'https://shop.example/a?b=1' },
      { text: '. Thanks' },
    ]);
    expect(textLinks('请看https://shop.example/退款吧')).toEqual([
      { text: '请看' },
      { text: 'https://shop.example/', href: 'https://shop.example/' },
      { text: '退款吧' },
    ]);
    expect(textLinks('(https://a.example/x)')).toEqual([
      { text: '(' },
      { text: 'https://a.example/x', href: 'https://a.example/x' },
      { text: ')' },
    ]);
  });

  it('keeps every other scheme and plain text as text', () => {
    expect(textLinks('javascript:alert(1) and data:text/html,x')).toEqual([
      { text: 'javascript:alert(1) and data:text/html,x' },
    ]);
    expect(textLinks('')).toEqual([]);
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
  });
});
