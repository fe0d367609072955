// Option parsers shared by commands: each refuses bad input with a message naming the option.
import { InvalidArgumentError } from 'commander';
import { DAY_MESSAGE, ID, isDay } from '../model/grammar.ts';

export function parseDateOption(value: string): string {
  if (!isDay(value)) throw new InvalidArgumentError(`expected ${DAY_MESSAGE}, got "${value}"`);
  return value;
}

/** A whole number ≥ 0 (counts, budgets, offsets). */
export function parseCount(value: string): number {
  if (!/^\d{1,10}$/.test(value)) throw new InvalidArgumentError(`expected a whole number (0, 1, 2, …), got "${value}"`);
  return Number(value);
}

/** --set driver=true|false, repeatable; one driver set both ways is refused (as the API refuses on= and off=). */
export function collectSet(value: string, previous: Record<string, boolean> = {}): Record<string, boolean> {
  const m = /^(.+)=(true|false)$/.exec(value);
  if (!m || !ID.test(m[1])) throw new InvalidArgumentError(`expected driver=true or driver=false, got "${value}"`);
  const v = m[2] === 'true';
  if (m[1] in previous && previous[m[1]] !== v) throw new InvalidArgumentError(`driver "${m[1]}" is set both true and false`);
  return { ...previous, [m[1]]: v };
}

export { todayUtc as today } from '../model/grammar.ts';
