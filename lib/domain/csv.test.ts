import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvLine } from './csv';

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

describe('csvDocument', () => {
  it('writes RFC CSV without a BOM', () => {
    expect(csvDocument(['a', 'b'], [[1.5, 'x,y']], 'rfc')).toBe('a,b\r\n1.5,"x,y"\r\n');
  });
  it('writes what Excel under id-ID opens: BOM, semicolons, decimal commas, formulas defused', () => {
    const doc = csvDocument(['OPD', 'p50'], [['DPKP; Cilegon', 12.5], ['=1+1', -3], ['+62 812', null]], 'excel');
    expect(doc).toBe('\uFEFFOPD;p50\r\n"DPKP; Cilegon";12,5\r\n\'=1+1;-3\r\n\'+62 812;\r\n');
  });
  it('quotes the separator of its own dialect only', () => {
    expect(csvLine(['a;b', 'c,d'], ';')).toBe('"a;b";c,d\r\n');
    expect(csvLine(['a;b', 'c,d'])).toBe('a;b,"c,d"\r\n');
  });
});
