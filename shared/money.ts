/**
 * Contract money arithmetic, to the kopeck. Pure: the core books it, the screens preview it.
 * Dates are 'YYYY-MM-DD' calendar dates; periods include both ends.
 */

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included: 2026-09-01 … 2026-09-30 is 30 days. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Price of a contract: the module's price × contract days ÷ group days, rounded half up to the kopeck.
 * A contract that starts with the group costs the full module price; one that starts later costs less.
 */
export function contractPrice(modulePriceKopecks: number, groupStart: string, groupEnd: string, contractStart: string, contractEnd: string): number {
  const groupDays = daysInclusive(groupStart, groupEnd);
  const contractDays = daysInclusive(contractStart, contractEnd);
  if (groupDays <= 0 || contractDays <= 0) throw new RangeError('empty period');
  if (contractDays > groupDays) throw new RangeError('contract longer than its group');
  // Integer arithmetic: price × days stays well below 2^53 for any real module price.
  return Math.floor((modulePriceKopecks * contractDays * 2 + groupDays) / (groupDays * 2));
}

/** The certificate pays what its balance allows, the representative the rest. */
export function splitPayment(priceKopecks: number, balanceKopecks: number): { certificateKopecks: number; parentKopecks: number } {
  const certificateKopecks = Math.max(0, Math.min(priceKopecks, balanceKopecks));
  return { certificateKopecks, parentKopecks: priceKopecks - certificateKopecks };
}

/** Calendar months a period touches: 2026-09-15 … 2026-12-10 → ['2026-09', '2026-10', '2026-11', '2026-12']. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** Equal monthly payments; the first month takes the remainder so that the payments add up to the amount exactly. */
export function monthlyPayments(amountKopecks: number, from: string, to: string): Array<{ month: string; kopecks: number }> {
  const months = monthsOf(from, to);
  if (months.length === 0) return [];
  const each = Math.floor(amountKopecks / months.length);
  const first = amountKopecks - each * (months.length - 1);
  return months.map((month, i) => ({ month, kopecks: i === 0 ? first : each }));
}
