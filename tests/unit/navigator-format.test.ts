import { describe, expect, it } from 'vitest';
import { russianPluralIndex } from '../../src-renderer/src/utils/plural';
import { formatPercent, monthLabel, startMonthOptions, timetableSlots, weeklyLoad } from '../../src-renderer/src/utils/programs';

describe('navigator display helpers', () => {
  it('chooses the Russian plural form: модуль, модуля, модулей', () => {
    const forms = ['модуль', 'модуля', 'модулей'];
    const word = (n: number) => forms[russianPluralIndex(n, 3)];
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(word)).toEqual([
      'модуль', 'модуля', 'модуля', 'модулей', 'модулей', 'модулей', 'модулей', 'модуль', 'модуля', 'модулей', 'модуль', 'модулей', 'модулей',
    ]);
  });

  it('offers start months from the September of the school year to a year ahead', () => {
    const november = startMonthOptions('2026-11-24');
    expect(november[0]).toEqual({ value: '2026-09', label: 'Сентябрь 2026' });
    expect(november.at(-1)).toEqual({ value: '2027-11', label: 'Ноябрь 2027' });
    expect(november).toHaveLength(15);
    // In spring the school year began the September before.
    expect(startMonthOptions('2027-03-01')[0]!.value).toBe('2026-09');
    expect(startMonthOptions('2026-09-01')[0]!.value).toBe('2026-09');
    expect(monthLabel('2027-01')).toBe('Январь 2027');
  });

  it('writes a timetable in the order of the week and a rating with a decimal comma', () => {
    const slots = timetableSlots([
      { weekday: 5, start: '16:00', end: '17:30' },
      { weekday: 3, start: '16:00', end: '17:30' },
    ]);
    expect(slots).toEqual(['Ср 16:00–17:30', 'Пт 16:00–17:30']);
    expect(formatPercent(83.8)).toBe('83,8 %');
    expect(formatPercent(90)).toBe('90 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('adds up a weekly timetable in academic hours of 45 minutes, ignoring slots still being typed', () => {
    expect(weeklyLoad([{ start: '17:00', end: '18:30' }, { start: '17:30', end: '19:00' }])).toEqual({ lessons: 2, minutes: 180, academicHours: 4 });
    expect(weeklyLoad([{ start: '10:00', end: '10:45' }, { start: '12:00', end: '11:00' }, { start: '9:0', end: '10:00' }])).toEqual({ lessons: 1, minutes: 45, academicHours: 1 });
    expect(weeklyLoad([{ start: '10:00', end: '11:00' }])).toEqual({ lessons: 1, minutes: 60, academicHours: 1 });
    expect(weeklyLoad([])).toEqual({ lessons: 0, minutes: 0, academicHours: 0 });
  });
});
