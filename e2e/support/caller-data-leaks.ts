/**
 * Looks for caller data on a page the way it could actually be carried: in one text node, in one
 * attribute value, or in a response the page received (HTML, React Server Component payloads, API
 * JSON). The page's concatenated text is not a carrier: chart ticks "0", "80", "160" run together
 * into "080160…", which looks like a phone number and is not one.
 */
import type { Page, Response } from '@playwright/test';

/**
 * An Indonesian mobile number as written in a text or a JSON string: 08…, 628…, +628…, 10–13 digits;
 * not the decimals of a figure ("77.0888888888889" in an SVG width).
 */
export const PHONE_PATTERN = /(?<![\d+])(?<!\d[.,])(?:\+62|62|0)8\d{8,11}(?!\d)/;

/**
 * A phone number standing alone between delimiters of a response body: inside a JSON or flight
 * string ("…"), an HTML attribute ('…') or an element's text (>…<). Bare figures of a chart's data
 * are JSON numbers, which never start with 0 or +.
 */
const DELIMITED_PHONE_PATTERN = /["'>][^"'<>\d]*(?:\+62|62|0)8\d{8,11}[^"'<>\d]*["'<\\]/;

export interface LeakFinding {
  where: string;
  value: string;
}

/** Records the bodies of every textual response of the page from now on. */
export function recordResponses(page: Page): { bodies: () => Promise<Array<{ url: string; text: string }>> } {
  const pending: Array<Promise<{ url: string; text: string } | null>> = [];
  const textual = /(text\/|json|x-component)/;
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!textual.test(type)) return;
    pending.push(
      response.text().then(
        (text) => ({ url: response.url(), text }),
        () => null, // a response the page navigated away from before its body arrived
      ),
    );
  });
  return {
    bodies: async () => (await Promise.all(pending)).filter((b): b is { url: string; text: string } => b !== null),
  };
}

/** Every text node and attribute value of the page's DOM that matches the phone pattern. */
export async function phoneLikeNodes(page: Page): Promise<LeakFinding[]> {
  return page.evaluate((source: string) => {
    const pattern = new RegExp(source);
    const found: Array<{ where: string; value: string }> = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent ?? '';
        if (pattern.test(text)) found.push({ where: `text in <${node.parentElement?.tagName.toLowerCase()}>`, value: text });
      } else if (node instanceof Element) {
        for (const attr of Array.from(node.attributes)) {
          if (pattern.test(attr.value)) found.push({ where: `${node.tagName.toLowerCase()}[${attr.name}]`, value: attr.value });
        }
      }
    }
    return found;
  }, PHONE_PATTERN.source);
}

/**
 * Findings in recorded response bodies: each known caller number that appears, and each
 * phone-like value inside a JSON/flight string literal (between quotes, so figures in arrays of
 * numbers do not run together).
 */
export function leaksInBodies(bodies: Array<{ url: string; text: string }>, knownNumbers: readonly string[]): LeakFinding[] {
  const found: LeakFinding[] = [];
  for (const { url, text } of bodies) {
    for (const number of knownNumbers) {
      if (text.includes(number)) found.push({ where: url, value: number });
    }
    const m = DELIMITED_PHONE_PATTERN.exec(text);
    if (m) found.push({ where: url, value: m[0] });
  }
  return found;
}
