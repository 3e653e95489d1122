'use client';
/**
 * A pixel font size proportional to the viewport width (SVG chart text cannot use vw units), kept in
 * step with resizes, so the same chart is readable at 1920×1080 and at 3840×2160.
 */
import { useEffect, useState } from 'react';

export function useViewportFontSize(fraction: number, min = 10): number {
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1920 : window.innerWidth));
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return Math.max(min, Math.round(width * fraction));
}
