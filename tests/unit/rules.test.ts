import { describe, expect, it } from 'vitest';
import { ageOn, composeCertificateNumber, formatRubles, monthsLeftInYear, normalizeName, searchWords, shrunkNominal } from '../../shared/rules';

describe('shared rules', () => {
  it('formats kopecks as Russian rubles', () => {
    expect(formatRubles(3_000_100)).toBe('30 001,00 ₽');
    expect(formatRubles(5)).toBe('0,05 ₽');
    expect(formatRubles(-123_456_789)).toBe('-1 234 567,89 ₽');
  });
  it('folds names: case, ё, spaces', () => {
    expect(normalizeName('  Ёлкина   АЛЁНА ')).toBe('елкина алена');
    expect(searchWords('Анна-Мария, Ёж!')).toEqual(['анна-мария', 'еж']);
  });
  it('counts full years and months left', () => {
    expect(ageOn('2016-05-14', '2026-05-13')).toBe(9);
    expect(ageOn('2016-05-14', '2026-05-14')).toBe(10);
    expect(monthsLeftInYear('2026-01-31')).toBe(12);
    expect(monthsLeftInYear('2026-12-01')).toBe(1);
    expect(shrunkNominal(1200, '2026-07-01')).toBe(600);
  });
  it('composes numbers from region, municipality and serial', () => {
    expect(composeCertificateNumber('99', '01', 101325)).toBe('9901101325');
    expect(() => composeCertificateNumber('99', '01', 1_000_000)).toThrow();
  });
});
