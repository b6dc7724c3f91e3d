import DOMPurify from 'dompurify';

/**
 * What a mail's formatting needs: text structure, lists, tables, links and images. No script,
 * style, form, frame or media element, no event handler and no style attribute (the page's CSP
 * would refuse inline styles anyway).
 */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'center',
  'code',
  'div',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = [
  'href',
  'title',
  'alt',
  'src',
  'width',
  'height',
  'colspan',
  'rowspan',
  'align',
  'valign',
  'dir',
  'lang',
];
// Links a click may follow; anything else (javascript:, data:, vbscript:, file:) is dropped.
const SAFE_LINK = /^(?:https?:|mailto:|tel:)/i;

export interface PurifiedEmailHtml {
  /** Put into the page as it is (no serializing and parsing again). */
  content: DocumentFragment;
  /** Remote images left out (tracking pixels among them): the agent's browser asked nobody. */
  blockedImages: number;
}

/**
 * A mail's HTML made safe to put into the inbox page. connector-email stored it sanitized
 * already, but the page cannot tell where a `text/html` file came from, and it has to rewrite
 * the markup anyway: links open in a new tab without an opener or referrer, and no image is
 * fetched from elsewhere (a remote image becomes its alt text, so opening a mail tells its
 * sender nothing).
 */
export function purifyEmailHtml(dirty: string): PurifiedEmailHtml {
  const purifier = DOMPurify();
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    if (href !== null && !SAFE_LINK.test(href.trim())) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  const fragment = purifier.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_ATTR: ['target'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_CONTENTS: ['script', 'style', 'title', 'head', 'template', 'noscript'],
    RETURN_DOM_FRAGMENT: true,
  });
  let blockedImages = 0;
  for (const image of [...fragment.querySelectorAll('img')]) {
    const src = image.getAttribute('src') ?? '';
    // Only pictures inside the mail itself; cid: parts are stored as messages of their own.
    if (/^data:image\//i.test(src)) continue;
    if (/^(?:https?:)?\/\//i.test(src)) blockedImages += 1;
    const alt = image.getAttribute('alt')?.trim();
    image.replaceWith(alt ? `[${alt}]` : '');
  }
  return { content: fragment, blockedImages };
}
