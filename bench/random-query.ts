// A random query of a case: each driver on, off or uncertain with equal chance, and a day from a list.
// Shared by the load benchmark (bench/load-client.ts) and the pool's answer-identity test, so both ask
// the server the same kind of question.

/** `as=DAY&on=a~b&off=c`: drivers and then the day drawn from `next` in that order. */
export function randomQuery(drivers: string[], days: readonly string[], next: () => number): string {
  const on: string[] = [];
  const off: string[] = [];
  for (const d of drivers) {
    const r = next();
    if (r < 1 / 3) on.push(d);
    else if (r < 2 / 3) off.push(d);
  }
  const q = [`as=${days[Math.floor(next() * days.length)]}`];
  if (on.length) q.push(`on=${on.join('~')}`);
  if (off.length) q.push(`off=${off.join('~')}`);
  return q.join('&');
}
