/**
 * The category icon as SVG markup, for Leaflet div-icons (which take an HTML string, not React).
 * Renders the very component of CATEGORY_ICONS, so markers and React views cannot drift apart.
 * Client-safe: react-dom/server's static renderer runs in the browser bundle too.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { categoryIcon } from './incident-layer-symbols';

const cache = new Map<string, string>();

export function categoryIconMarkup(category: string | null | undefined, size: number, color = '#fff'): string {
  const Icon = categoryIcon(category);
  const key = `${category ?? 'other'}|${size}|${color}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const dataAttributes: Record<string, string> = { 'data-test': 'category-icon', 'data-category': category ?? 'other' };
  const markup = renderToStaticMarkup(createElement(Icon, { size, color, strokeWidth: 2.25, 'aria-hidden': true, focusable: false, ...dataAttributes }));
  cache.set(key, markup);
  return markup;
}
