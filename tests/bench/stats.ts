/** Small helpers for the benchmark: timing, percentiles and a plain-text table. */

export function now(): number {
  return performance.now();
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x < 1) return `${x.toFixed(3)} ms`;
  if (x < 100) return `${x.toFixed(2)} ms`;
  if (x < 10_000) return `${x.toFixed(0)} ms`;
  return `${(x / 1000).toFixed(1)} s`;
}

export function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

export interface Line {
  what: string;
  goal: string;
  measured: string;
  /** true: within the goal; false: over it; null: no goal, just a figure. */
  pass: boolean | null;
}

export function printTable(lines: Line[]): void {
  const head: Line = { what: 'Что', goal: 'Цель', measured: 'Измерено', pass: null };
  const mark = (l: Line) => (l === head ? 'Итог' : l.pass === null ? '' : l.pass ? 'PASS' : 'ВЫШЕ ЦЕЛИ');
  const w = (f: (l: Line) => string) => Math.max(...[head, ...lines].map((l) => f(l).length));
  const ww = w((l) => l.what);
  const wg = w((l) => l.goal);
  const wm = w((l) => l.measured);
  const row = (l: Line) => `| ${l.what.padEnd(ww)} | ${l.goal.padEnd(wg)} | ${l.measured.padEnd(wm)} | ${mark(l)}`;
  console.log(row(head));
  console.log(`|${'-'.repeat(ww + 2)}|${'-'.repeat(wg + 2)}|${'-'.repeat(wm + 2)}|------`);
  for (const l of lines) console.log(row(l));
}
