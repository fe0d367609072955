// Thresholds stay exact: "2/3 of 142" must give 95, not 94.99999.

export interface Fraction {
  num: number;
  den: number;
}

export function parseFraction(p: string | number): Fraction {
  if (typeof p === 'string') {
    const [a, b] = p.split('/').map(Number);
    return { num: a, den: b };
  }
  // Decimals such as 0.65 become 65/100: exact for every decimal a person writes.
  const digits = Math.min(9, (String(p).split('.')[1] ?? '').length);
  const den = 10 ** digits;
  return { num: Math.round(p * den), den };
}

/** The smallest integer count k with k/base ≥ f, or k/base > f when strict. */
export function minimumCount(f: Fraction, base: number, strict = false): number {
  const product = f.num * base;
  const floor = Math.floor(product / f.den);
  if (strict) return floor + 1;
  return floor * f.den >= product ? floor : floor + 1;
}

/** Whether value/total meets the fraction, compared without division. */
export function meets(f: Fraction, value: number, total: number, strict = false): boolean {
  return strict ? value * f.den > f.num * total : value * f.den >= f.num * total;
}

export function formatFraction(f: Fraction, strict = false): string {
  if (strict && f.num * 2 === f.den) return 'a majority';
  return `${f.num}/${f.den}`;
}
