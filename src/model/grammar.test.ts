// The grammar's days, ids, codes and links: a real calendar, not only the right shape.
import { describe, expect, it } from 'vitest';
import { addDays, endOf, isDay, isPartialDay, parseLink, startOf, ID, STATE_CODE } from './grammar.ts';

describe('days', () => {
  it('accepts days that exist, leap days included', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1800-01-01', '0001-01-01', '9999-12-31', '2023-04-30']) expect(isDay(d), d).toBe(true);
  });
  it('refuses days the calendar does not have', () => {
    for (const d of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-45', '0000-00-00', '2024-99-99', '2024-04-31', '2024-00-10', '2024-01-00', '0000-01-01'])
      expect(isDay(d), d).toBe(false);
  });
  it('refuses other shapes', () => {
    for (const d of ['24-01-01', '2024-1-01', '2024-01-1', '2024/01/01', ' 2024-01-01', '2024-01-01 ', '2024', '2024-01', '', '２０２４-01-01'])
      expect(isDay(d), d).toBe(false);
  });
  it('partial dates: a year, a month or a day, each real', () => {
    for (const d of ['2024', '2024-02', '2024-02-29']) expect(isPartialDay(d), d).toBe(true);
    for (const d of ['0000', '2024-13', '2024-00', '2024-02-30', '202', '20245']) expect(isPartialDay(d), d).toBe(false);
  });
  it('reads partial dates from their first or last day', () => {
    expect(startOf('1973')).toBe('1973-01-01');
    expect(startOf('1973-05')).toBe('1973-05-01');
    expect(endOf('2024-02')).toBe('2024-02-29');
    expect(endOf('2023-02')).toBe('2023-02-28');
    expect(endOf('0050-02')).toBe('0050-02-28');
    expect(endOf('2015')).toBe('2015-12-31');
  });
  it('counts days across month, leap-day and year ends, early years included', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(addDays('2024-05-10', 0)).toBe('2024-05-10');
  });
});

describe('ids, codes and links', () => {
  it('ids are lowercase letters, digits and hyphens, not starting with a hyphen', () => {
    expect(ID.test('spain-recognizes-kosovo')).toBe(true);
    expect(ID.test('-x')).toBe(false);
    expect(ID.test('Nato')).toBe(false);
  });
  it('state codes are two capital letters', () => {
    expect(STATE_CODE.test('XK')).toBe(true);
    expect(STATE_CODE.test('xk')).toBe(false);
    expect(STATE_CODE.test('XKX')).toBe(false);
  });
  it('links name a candidate, an organization and a target', () => {
    expect(parseLink('XK/nato/stance:ES')).toEqual({ candidate: 'XK', organization: 'nato', kind: 'stance', id: 'ES' });
    expect(parseLink('XK/nato/vote:ES')).toBeUndefined();
    expect(parseLink('xk/nato/stance:ES')).toBeUndefined();
  });
});
