import { describe, expect, it } from 'vitest';
import { Constants } from '@/lib/supabase/database.types';
import { CATEGORY_ICONS, categoryIcon } from './incident-layer-symbols';
import { categoryIconMarkup } from './category-icon-markup';

describe('category icons', () => {
  it('give every incident_category of the database its own lucide icon (flood and disaster apart)', () => {
    const categories = Constants.public.Enums.incident_category;
    expect(Object.keys(CATEGORY_ICONS).sort()).toEqual([...categories].sort());
    const icons = categories.map((c) => categoryIcon(c));
    expect(new Set(icons).size).toBe(categories.length);
  });

  it('fall back to the "other" icon for unknown or missing categories', () => {
    expect(categoryIcon('volcano')).toBe(CATEGORY_ICONS.other);
    expect(categoryIcon(null)).toBe(CATEGORY_ICONS.other);
    expect(categoryIcon('toString')).toBe(CATEGORY_ICONS.other);
  });

  it('render to SVG markup for the map markers, decorative, with the category for tests', () => {
    const markup = categoryIconMarkup('fire', 17);
    expect(markup).toMatch(/^<svg[^>]*>/);
    expect(markup).toContain('width="17"');
    expect(markup).toContain('stroke="#fff"');
    expect(markup).toContain('aria-hidden="true"');
    expect(markup).toContain('data-category="fire"');
    expect(markup).toContain('lucide-flame');
    expect(categoryIconMarkup('fire', 17)).toBe(markup);
    expect(categoryIconMarkup('medical', 17)).not.toBe(markup);
  });
});
