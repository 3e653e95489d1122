/**
 * The lucide icon of an incident category (one mapping: CATEGORY_ICONS). Decorative by default,
 * since the category's name is written next to it; pass `label` where the icon stands alone.
 */
import { createElement } from 'react';
import { categoryIcon } from '@/components/map/incident-layer-symbols';

export function CategoryIcon({ category, label, className = 'h-4 w-4 shrink-0' }: { category: string | null | undefined; label?: string; className?: string }) {
  // createElement, not <Icon>: the icon is looked up from a static table, not created per render.
  const dataAttributes: Record<string, string> = { 'data-test': 'category-icon', 'data-category': category ?? 'other' };
  return createElement(
    categoryIcon(category),
    { className, focusable: false, ...dataAttributes, ...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true }) },
    label ? <title>{label}</title> : null,
  );
}
