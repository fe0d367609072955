// Gauss–Legendre quadrature on [0, 1]: m nodes integrate polynomials of degree ≤ 2m − 1 exactly,
// which is what makes Owen's integral for the Shapley–Shubik index exact with ⌈n/2⌉ nodes.

export interface Quadrature {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, Quadrature>();

/** P_m(x) and P_m'(x), by the three-term recurrence. */
function legendre(m: number, x: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= m; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return { p: p1, dp: m === 1 ? 1 : (m * (x * p1 - p0)) / (x * x - 1) };
}

export function gaussLegendre(m: number): Quadrature {
  const hit = cache.get(m);
  if (hit) return hit;
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let i = 0; i < Math.ceil(m / 2); i++) {
    // Newton's method on P_m from the usual Chebyshev-like guess.
    let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    for (let it = 0; it < 100; it++) {
      const { p, dp } = legendre(m, x);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // The derivative at the converged root, for the weight.
    const { dp } = legendre(m, x);
    const w = 2 / ((1 - x * x) * dp * dp);
    // Map [-1, 1] to [0, 1]; nodes come in pairs t, 1 − t.
    nodes[i] = (1 - x) / 2;
    nodes[m - 1 - i] = (1 + x) / 2;
    weights[i] = w / 2;
    weights[m - 1 - i] = w / 2;
  }
  const q = { nodes, weights };
  cache.set(m, q);
  return q;
}

/**
 * The nodes t ≤ 1/2 of the m-node rule, each with its weight and the weight of its mirror 1 − t
 * (0 for a middle node, which is its own mirror): integrands evaluated at t can often be read at
 * 1 − t from the same work.
 */
export function halfRule(m: number): Array<{ t: number; weight: number; mirrorWeight: number }> {
  const { nodes, weights } = gaussLegendre(m);
  return Array.from({ length: Math.ceil(m / 2) }, (_, k) => ({
    t: nodes[k],
    weight: weights[k],
    mirrorWeight: k === m - 1 - k ? 0 : weights[m - 1 - k],
  }));
}
