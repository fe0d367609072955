// Voting power of a small game by visiting every coalition: for games of a few players whose weights
// are too wide for the generating-function grid (several quotas of large weights: 5 players with
// weights near a million need 10^8 cells, yet have only 32 coalitions). Exact integer counts.
import { eval3 } from './constraints.ts';
import type { IntGame } from './game.ts';

/** Up to this many players the 2^n coalitions are visited (2^20 × n steps: well under a second). */
export const ENUMERATE_PLAYERS = 20;

export interface EnumeratedCounts {
  /** swingsBySize[i][s]: losing coalitions of s others that player i turns into winning ones. */
  swingsBySize: number[][];
  swings: bigint[];
  /** Orders of entry in which each player is pivotal: Σ_s s!(n−1−s)!·swings(s), out of n!. */
  pivots: bigint[];
  orders: bigint;
}

export function enumeratedCounts(g: IntGame): EnumeratedCounts {
  const n = g.players.length;
  const N = 2 ** n;
  // Coalition sums by the lowest bit (sum[S] = sum[S without its lowest player] + that player's
  // weight), one constraint at a time, to mark which coalitions meet each quota.
  const met = g.constraints.map((c) => {
    const sum = new Float64Array(N);
    const ok = new Uint8Array(N);
    ok[0] = c.quota <= 0 ? 1 : 0;
    for (let S = 1; S < N; S++) {
      const low = S & -S;
      sum[S] = sum[S ^ low] + c.weights[31 - Math.clz32(low)];
      ok[S] = sum[S] >= c.quota ? 1 : 0;
    }
    return ok;
  });
  const win = new Uint8Array(N);
  for (let S = 0; S < N; S++) win[S] = eval3(g.formula, (c) => (met[c][S] as 0 | 1)) === 1 ? 1 : 0;
  const size = new Uint8Array(N);
  for (let S = 1; S < N; S++) size[S] = size[S >> 1] + (S & 1);
  const swingsBySize = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let S = 0; S < N; S++) {
    if (win[S]) continue;
    for (let i = 0; i < n; i++) {
      const bit = 2 ** i;
      if ((S & bit) === 0 && win[S | bit]) swingsBySize[i][size[S]]++;
    }
  }
  const fact: bigint[] = [1n];
  for (let k = 1; k <= n; k++) fact.push(fact[k - 1] * BigInt(k));
  const swings = swingsBySize.map((row) => BigInt(row.reduce((a, b) => a + b, 0)));
  const pivots = swingsBySize.map((row) => row.reduce((a, x, s) => a + fact[s] * fact[n - 1 - s] * BigInt(x), 0n));
  return { swingsBySize, swings, pivots, orders: fact[n] };
}
