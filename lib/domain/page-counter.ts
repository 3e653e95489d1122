/**
 * The CSS `content` of a printed page's number box ("Halaman 2 dari 5"), built from the translated
 * template with `{page}` and `{pages}`: Chromium fills counter(page) and counter(pages) in @page
 * margin boxes. The words are escaped for a CSS string, so no template text can end the rule.
 */
function cssString(text: string): string {
  // Anything but plain printable ASCII (quotes, backslashes, "<" of a </style>, non-ASCII letters)
  // becomes a hexadecimal escape followed by a space, which CSS reads as the end of the escape.
  return `"${[...text].map((c) => (/^[ -!#-&(-;=?-[\]-~]$/.test(c) ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`;
}

export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((p) => p !== '');
  return parts.map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p))).join(' ');
}
