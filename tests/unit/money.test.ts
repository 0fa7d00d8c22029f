import { describe, expect, it } from 'vitest';
import { contractPrice, daysInclusive, monthlyPayments, monthsOf, splitPayment } from '../../shared/money';

describe('contract money arithmetic', () => {
  it('counts days with both ends included', () => {
    expect(daysInclusive('2026-09-01', '2026-09-30')).toBe(30);
    expect(daysInclusive('2026-09-01', '2026-09-01')).toBe(1);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
  });

  it('prices a contract as module price × contract days ÷ group days, to the kopeck', () => {
    expect(contractPrice(1_200_000, '2026-09-01', '2027-05-31', '2026-09-01', '2027-05-31')).toBe(1_200_000);
    // 273 group days, 212 contract days: 12 000 × 212 / 273 = 9 318,681… → 9 318,68 ₽
    expect(contractPrice(1_200_000, '2026-09-01', '2027-05-31', '2026-11-01', '2027-05-31')).toBe(931_868);
    // half a kopeck rounds up: 1 × 1 / 2 = 0,5 → 1
    expect(contractPrice(1, '2026-09-01', '2026-09-02', '2026-09-02', '2026-09-02')).toBe(1);
    expect(() => contractPrice(100, '2026-09-01', '2026-09-30', '2026-08-01', '2026-09-30')).toThrow();
  });

  it('splits the price between the certificate balance and the representative', () => {
    expect(splitPayment(931_868, 2_300_000)).toEqual({ certificateKopecks: 931_868, parentKopecks: 0 });
    expect(splitPayment(931_868, 500_000)).toEqual({ certificateKopecks: 500_000, parentKopecks: 431_868 });
    expect(splitPayment(931_868, 0)).toEqual({ certificateKopecks: 0, parentKopecks: 931_868 });
  });

  it('pays in equal months with the remainder in the first, adding up exactly', () => {
    expect(monthsOf('2026-11-15', '2027-02-10')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    const p = monthlyPayments(931_868, '2026-11-01', '2027-05-31');
    expect(p).toHaveLength(7);
    expect(p.slice(1).every((x) => x.kopecks === 133_124)).toBe(true);
    expect(p[0]).toEqual({ month: '2026-11', kopecks: 931_868 - 133_124 * 6 });
    expect(p.reduce((s, x) => s + x.kopecks, 0)).toBe(931_868);
    expect(monthlyPayments(5, '2026-01-01', '2026-03-31').map((x) => x.kopecks)).toEqual([3, 1, 1]);
  });
});
