import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('csv', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvLine(['a', 1, null, 'b,c', 'say "hi"', 'two\nlines'])).toBe('a,1,,"b,c","say ""hi""","two\nlines"\r\n');
  });
  it('defuses spreadsheet formulas in text but not numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
  });
});
