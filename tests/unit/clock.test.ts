import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, shiftedClock } from '../../src-main/clock';

describe('the desk clock', () => {
  it('a shifted clock runs from the chosen instant at real speed, in the office time zone', async () => {
    const clock = shiftedClock('2026-12-01T20:59:59.900Z');
    expect(clock.today()).toBe('2026-12-01'); // 23:59:59.9 in Moscow
    await new Promise((r) => setTimeout(r, 150));
    expect(clock.today()).toBe('2026-12-02');
  });

  it('CERTDESK_TEST_NOW moves the clock only for a test host', () => {
    expect(clockFromEnvironment({ CERTDESK_TEST_NOW: '2026-12-05T09:00:00Z', NODE_ENV: 'test' })?.today()).toBe('2026-12-05');
    expect(clockFromEnvironment({ CERTDESK_TEST_NOW: '2026-12-05T09:00:00Z', NODE_ENV: 'production' })).toBeUndefined();
    expect(clockFromEnvironment({ CERTDESK_TEST_NOW: '2026-12-05T09:00:00Z' })).toBeUndefined();
    expect(() => clockFromEnvironment({ CERTDESK_TEST_NOW: 'вчера', NODE_ENV: 'test' })).toThrow(/Неверная дата/);
  });
});
