import { describe, expect, it } from 'vitest';
import { Constants } from '@/lib/supabase/database.types';
import { REPORT_CATEGORIES, REPORT_CATEGORY_OF, countByReportCategory } from './report-categories';

describe('Permenkominfo 10/2016 report categories', () => {
  it('places every incident category of the database in exactly one report category', () => {
    expect(Object.keys(REPORT_CATEGORY_OF).sort()).toEqual([...Constants.public.Enums.incident_category].sort());
    for (const target of Object.values(REPORT_CATEGORY_OF)) expect(REPORT_CATEGORIES).toContain(target);
  });

  it('maps as the regulation groups them', () => {
    expect(REPORT_CATEGORY_OF.fire).toBe('kebakaran');
    expect(REPORT_CATEGORY_OF.medical).toBe('kesehatan');
    expect(REPORT_CATEGORY_OF.traffic_accident).toBe('kecelakaan');
    expect(REPORT_CATEGORY_OF.industrial_accident).toBe('kecelakaan');
    expect(REPORT_CATEGORY_OF.flood).toBe('bencana_alam');
    expect(REPORT_CATEGORY_OF.crime).toBe('gangguan_keamanan');
    expect(REPORT_CATEGORY_OF.other).toBe('lainnya');
  });

  it('sums incidents per report category, every category listed, the total kept', () => {
    const counts = countByReportCategory([
      { category: 'traffic_accident', incidents: 4 },
      { category: 'industrial_accident', incidents: 1 },
      { category: 'fire', incidents: 2 },
      { category: 'rescue', incidents: 1 },
      { category: 'other', incidents: 3 },
    ]);
    expect(counts).toEqual({ kebakaran: 2, kerusuhan: 0, kecelakaan: 5, bencana_alam: 0, kesehatan: 0, gangguan_keamanan: 0, lainnya: 4 });
    expect(Object.keys(counts)).toEqual([...REPORT_CATEGORIES]);
  });
});
