/**
 * How the mailbox shows a stored message in the app. Its HTML part is rendered in an iframe sandboxed with
 * no scripts and no same origin; a <base target="_blank"> makes its links open in a new tab (the sandbox
 * lets that one tab out), because a link followed inside the frame would load Tandem in a frame, which
 * its headers forbid (X-Frame-Options: DENY, frame-ancestors 'none'). The text part's links are also
 * listed beside it, clickable in the page itself.
 */

const BASE = '<base target="_blank">';

/** The HTML part with its links opening in a new tab, the base placed in <head> so the document keeps its doctype. */
export function previewHtml(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${BASE}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${BASE}${html.slice(at)}`;
}

/** The web links written out in a text part, each once, in order; a sentence's closing punctuation is not part of its link. */
export function linksInText(text: string): string[] {
  const links = (text.match(/https?:\/\/[^\s<>"]+/g) ?? []).map((link) => link.replace(/[.,;:!?)]+$/, ""));
  return [...new Set(links)];
}
