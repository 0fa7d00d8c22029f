/**
 * Hybrid logical clock for `modified_at`: wall-clock milliseconds, a counter for events within one
 * millisecond (or when the wall clock steps back), and the office id to break ties between offices.
 * The text form sorts in causal order: '2026-11-23T22:40:00.000Z/0000/<office>'.
 */
export class HybridClock {
  private lastMs = 0;
  private counter = 0;

  constructor(
    private readonly office: string,
    private readonly wallMs: () => number,
  ) {}

  /** Continues after a stamp already stored (read at start-up), so stamps never go backwards. */
  observe(stamp: string | null | undefined): void {
    if (!stamp) return;
    const [iso, counter] = stamp.split('/');
    const ms = Date.parse(iso ?? '');
    if (Number.isNaN(ms)) return;
    const c = Number.parseInt(counter ?? '0', 16);
    if (ms > this.lastMs || (ms === this.lastMs && c > this.counter)) {
      this.lastMs = ms;
      this.counter = c;
    }
  }

  next(): string {
    const wall = this.wallMs();
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return `${new Date(this.lastMs).toISOString()}/${this.counter.toString(16).padStart(4, '0')}/${this.office}`;
  }
}
