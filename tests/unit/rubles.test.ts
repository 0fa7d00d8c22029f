import { describe, expect, it } from 'vitest';
import { parseRubles, rublesForInput } from '../../shared/rubles';

describe('a sum typed in rubles becomes kopecks', () => {
  it.each([
    ['7 000,00', 700_000],
    ['4 500,50', 450_050],
    ['4500.5', 450_050],
    ['4\u00a0500,05', 450_005],
    ['1 200 ₽', 120_000],
    ['1200 руб.', 120_000],
    ['0', 0],
    ['0,10', 10],
    ['1 000 000', 100_000_000],
  ])('«%s» → %i коп.', (text, kopecks) => {
    expect(parseRubles(text)).toEqual({ ok: true, kopecks });
  });

  it.each([['abc'], [''], ['12abc'], ['1,234'], ['1.2.3'], ['10 00'], ['-5'], ['1e3'], ['7 000,00,00']])('«%s» is refused in Russian', (text) => {
    const r = parseRubles(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Стоимость/);
  });

  it('the form shows kopecks back as they are typed, and they parse to the same sum', () => {
    for (const kopecks of [0, 5, 450_050, 700_000, 123_456_789]) {
      expect(parseRubles(rublesForInput(kopecks))).toEqual({ ok: true, kopecks });
    }
    expect(rublesForInput(450_050)).toBe('4 500,50');
  });
});
