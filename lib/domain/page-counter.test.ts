import { describe, expect, it } from 'vitest';
import { pageCounterContent } from './page-counter';

describe('pageCounterContent', () => {
  it('puts the page counters where the template names them', () => {
    expect(pageCounterContent('Halaman {page} dari {pages}')).toBe('"Halaman " counter(page) " dari " counter(pages)');
    expect(pageCounterContent('{page}/{pages}')).toBe('counter(page) "/" counter(pages)');
  });
  it('escapes what could end the string or the style element', () => {
    const content = pageCounterContent('a"b\\c</style>{page}');
    expect(content).toBe('"a\\22 b\\5c c\\3c /style\\3e " counter(page)');
    expect(content).not.toMatch(/<|"b/);
  });
  it('escapes letters outside ASCII instead of trusting the file encoding', () => {
    expect(pageCounterContent('Seite {page} – {pages}')).toBe('"Seite " counter(page) " \\2013  " counter(pages)');
  });
});
