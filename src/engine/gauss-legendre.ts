// Gauss–Legendre quadrature on [0, 1]: m nodes integrate polynomials of degree ≤ 2m − 1 exactly,
// which is what makes Owen's integral for the Shapley–Shubik index exact with ⌈n/2⌉ nodes.

export interface Quadrature {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, Quadrature>();

export function gaussLegendre(m: number): Quadrature {
  const hit = cache.get(m);
  if (hit) return hit;
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let i = 0; i < Math.ceil(m / 2); i++) {
    // Newton's method on P_m from the usual Chebyshev-like guess.
    let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= m; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pm = m === 1 ? x : p1;
      const pm1 = m === 1 ? 1 : p0;
      dp = (m * (x * pm - pm1)) / (x * x - 1);
      const dx = pm / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // Recompute the derivative at the converged root for the weight.
    let p0 = 1;
    let p1 = x;
    for (let k = 2; k <= m; k++) {
      const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    dp = m === 1 ? 1 : (m * (x * p1 - p0)) / (x * x - 1);
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
