// Voting power against the reference values of ENGINE-NOTES §2.2, §2.3 and §4.2 (exact counts from
// EPIC and a reference DP, R's PoissonBinomial), textbook values, and brute force on small games.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Formula } from './constraints.ts';
import { type Game, normalizeGame, parseGame, wins } from './game.ts';
import { gamePassProbability, powerIndices, swingProbabilities } from './power.ts';

// EU27 QMV stand-in: population shares in basis points (ENGINE-NOTES §1(a)).
// state, weight, A swings, A SS, B swings, B SS
const EU = `DE 1849 14062902 0.1775830482 14062886 0.1755602562
FR 1517 11809102 0.1362344919 11809092 0.1345963153
IT 1323 10384034 0.1162372866 10384040 0.1156247510
ES 1078 9077776 0.0933145348 9077788 0.0930866146
PL 833 7410762 0.0675595128 7410774 0.0673315926
RO 423 4566678 0.0380586027 4566694 0.0380870927
NL 401 4432230 0.0364568768 4432246 0.0364853668
BE 262 3582390 0.0262954897 3582408 0.0264521848
CZ 242 3458706 0.0248725459 3458724 0.0250292410
PT 236 3421588 0.0244380296 3421606 0.0245947248
SE 234 3409156 0.0242987183 3409174 0.0244554135
EL 231 3390556 0.0240959313 3390574 0.0242526264
HU 213 3279198 0.0228420869 3279216 0.0229987820
AT 202 3210934 0.0220302314 3210952 0.0221869266
BG 143 2844396 0.0178354098 2844414 0.0179921049
DK 132 2775814 0.0169473838 2775834 0.0172322841
FI 125 2732026 0.0164480662 2732046 0.0167329665
SK 121 2707106 0.0161587338 2707126 0.0164436341
IE 119 2694516 0.0160018836 2694536 0.0162867839
HR 86 2488034 0.0135964781 2488054 0.0138813784
LT 64 2350826 0.0119956669 2350846 0.0122805672
SI 47 2243310 0.0107810008 2243330 0.0110659011
LV 42 2211760 0.0104412260 2211780 0.0107261262
EE 30 2136064 0.0096077235 2136084 0.0098926238
CY 21 2079374 0.0089797463 2079394 0.0092646465
LU 15 2041576 0.0085512802 2041596 0.0088361805
MT 12 2022522 0.0083380141 2022542 0.0086229144`
  .split('\n')
  .map((l) => l.split(' '))
  .map(([id, w, sa, ssa, sb, ssb]) => ({ id, w: Number(w), sa: Number(sa), ssa: Number(ssa), sb: Number(sb), ssb: Number(ssb) }));

const ids = EU.map((x) => x.id);
const pop = EU.map((x) => x.w);
const ones = pop.map(() => 1);
const leaf = (c: number): Formula => ({ kind: 'leaf', c });
const euA: Game = { players: ids, constraints: [{ weights: ones, quota: 15 }, { weights: pop, quota: 6501 }] };
const euB: Game = {
  players: ids,
  constraints: [...euA.constraints, { weights: ones, quota: 24 }],
  formula: { kind: 'or', args: [{ kind: 'and', args: [leaf(0), leaf(1)] }, leaf(2)] },
};
const euPop: Game = { players: ids, constraints: [{ weights: pop, quota: 6501 }] };
/** §1(c): p_i = (500 + (i·3701) mod 9001) / 10000. */
const probs = (n: number) => Array.from({ length: n }, (_, i) => (500 + ((i * 3701) % 9001)) / 10000);

const imfWeights = Array.from({ length: 193 }, (_, i) => 285 + Math.floor(163000 / (i + 1)));
const W = imfWeights.reduce((a, b) => a + b, 0);
const imf = (quota: number): Game => ({ players: imfWeights.map((_, i) => `P${i + 1}`), constraints: [{ weights: imfWeights, quota }] });
const ratio = (a: bigint, b: bigint) => Number((a * 10n ** 40n) / b) / 1e40;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('EU27 double majority (ENGINE-NOTES §2.2)', () => {
  it('variant A: exact swing counts and Shapley–Shubik for all 27', () => {
    const r = powerIndices(euA);
    r.players.forEach((p, i) => {
      expect(p.swings).toBe(String(EU[i].sa));
      expect(p.banzhafRaw).toBe(EU[i].sa / 2 ** 26);
      expect(Math.abs(p.shapleyShubik - EU[i].ssa)).toBeLessThan(6e-11);
    });
    expect(EU.reduce((s, x) => s + x.sa, 0)).toBe(116823336);
    expect(Math.abs(r.players[0].banzhaf - 0.1203775075)).toBeLessThan(1e-10);
  });

  it('variant B (blocking minority of four): exact swing counts and Shapley–Shubik', () => {
    const r = powerIndices(euB);
    r.players.forEach((p, i) => {
      expect(p.swings).toBe(String(EU[i].sb));
      expect(Math.abs(p.shapleyShubik - EU[i].ssb)).toBeLessThan(6e-11);
    });
    expect(Math.abs(r.players[0].banzhaf - 0.1203769377)).toBeLessThan(1e-10);
  });

  it('population-only game [6501; w]', () => {
    const r = powerIndices(euPop);
    const [de, fr, it, mt] = [0, 1, 2, 26].map((i) => r.players[i]);
    expect([de.swings, fr.swings, it.swings, mt.swings]).toEqual(['20577401', '17182189', '14810289', '130709']);
    expect(Math.abs(de.banzhaf - 0.184239590999)).toBeLessThan(1e-12);
    expect(Math.abs(mt.banzhaf - 0.001170301959)).toBeLessThan(1e-12);
    expect(Math.abs(de.shapleyShubik - 0.205852054087)).toBeLessThan(1e-12);
    expect(Math.abs(mt.shapleyShubik - 0.00110260236)).toBeLessThan(1e-12);
  });

  it('the float method (Gauss–Legendre) agrees with exact counting', () => {
    for (const g of [euA, euB, euPop]) {
      const exact = powerIndices(g);
      const float = powerIndices(g, { method: 'float' });
      exact.players.forEach((p, i) => {
        expect(Math.abs(float.players[i].banzhafRaw - p.banzhafRaw)).toBeLessThan(1e-13);
        expect(Math.abs(float.players[i].shapleyShubik - p.shapleyShubik)).toBeLessThan(1e-13);
      });
    }
  });
});

describe('P(pass) with heterogeneous probabilities (ENGINE-NOTES §4.2)', () => {
  it('reproduces the exact anchors', () => {
    expect(rel(gamePassProbability(euPop, probs(27)), 3.65078875809895578e-2)).toBeLessThan(1e-13);
    expect(rel(gamePassProbability(euA, probs(27)), 3.10248850220224519e-2)).toBeLessThan(1e-13);
    expect(rel(gamePassProbability(euB, probs(27)), 3.10248974375469631e-2)).toBeLessThan(1e-13);
    expect(rel(gamePassProbability(imf(Math.floor(W / 2) + 1), probs(193)), 1.36508829624524403e-1)).toBeLessThan(1e-13);
  });

  it('behavioural swing probabilities ∂P/∂p_i, EU variant B', () => {
    const s = swingProbabilities(euB, probs(27));
    const want: Record<string, number> = { DE: 0.226965345413, ES: 0.085563191367, FR: 0.063967286949, PL: 0.038051343497, IT: 0.035701186531, RO: 0.029206345773 };
    for (const [id, v] of Object.entries(want)) expect(Math.abs(s[ids.indexOf(id)] - v)).toBeLessThan(1e-12);
  });
});

describe('IMF-like 193-player game (ENGINE-NOTES §2.3)', () => {
  const q50 = Math.floor(W / 2) + 1;
  const exact: Record<number, bigint> = {
    1: 4833862922940792625610374121965266401171966717685400346701n,
    2: 1353537899210353379731826769346534879389819281270535188419n,
    3: 1050903154825563299115405232591074758149326775349992674939n,
    97: 37789522085615952020683190042837633729329355589052811337n,
    193: 21712141351998618331446619524828299744771478750350369285n,
  };
  const total = 20848395475664521038827801498252887424495433359333544586521n;

  it('has the documented total weight', () => expect(W).toBe(1007240));

  it('q50: Banzhaf of players 1, 2, 3, 97, 193 to 1e-12 relative of the exact counts', () => {
    const r = powerIndices(imf(q50), { shapleyShubik: false });
    for (const [k, swings] of Object.entries(exact)) {
      const p = r.players[Number(k) - 1];
      expect(rel(p.banzhafRaw, ratio(swings, 2n ** 192n))).toBeLessThan(1e-12);
      expect(rel(p.banzhaf, ratio(swings, total))).toBeLessThan(1e-12);
    }
  });

  it('q85: players 1 and 2 differ only in the 12th digit, and both are reproduced', () => {
    const r = powerIndices(imf(Math.ceil(0.85 * W)), { shapleyShubik: false });
    const p1 = 33808987914752738998830000811125369940910927619552n;
    const p2 = 33808987914748596311511367001441602678729041702126n;
    const p193 = 4128744068351237610188509064033433730334253065254n;
    expect(rel(r.players[0].banzhafRaw, ratio(p1, 2n ** 192n))).toBeLessThan(1e-12);
    expect(rel(r.players[1].banzhafRaw, ratio(p2, 2n ** 192n))).toBeLessThan(1e-12);
    expect(rel(r.players[192].banzhafRaw, ratio(p193, 2n ** 192n))).toBeLessThan(1e-12);
    expect(Math.abs(r.players[0].banzhaf - 1.627635535655e-2)).toBeLessThan(1e-14);
    expect(Math.abs(r.players[1].banzhaf - 1.627635535655e-2)).toBeLessThan(1e-14);
  });

  it('q50: Shapley–Shubik matches EPIC (6 significant digits) and sums to 1', () => {
    const r = powerIndices(imf(q50));
    expect(rel(r.players[0].shapleyShubik, 0.188457)).toBeLessThan(5e-6);
    expect(rel(r.players[1].shapleyShubik, 0.0835722)).toBeLessThan(5e-6);
    expect(rel(r.players[192].shapleyShubik, 0.00106532)).toBeLessThan(5e-6);
    expect(Math.abs(r.players.reduce((s, p) => s + p.shapleyShubik, 0) - 1)).toBeLessThan(1e-12);
    // About 11 s on a quiet machine; 189 s were seen under a load of 25 (a test never fails on time).
  }, 600_000);
});

describe('textbook games', () => {
  it('UN Security Council: 9 of 15 with no veto of the five permanent members', () => {
    const players = ['CN', 'FR', 'GB', 'RU', 'US', ...Array.from({ length: 10 }, (_, i) => `E${i}`)];
    const g: Game = {
      players,
      constraints: [
        { weights: players.map(() => 1), quota: 9 },
        { weights: players.map((_, i) => (i < 5 ? 1 : 0)), quota: 5 },
      ],
    };
    for (const method of ['auto', 'float'] as const) {
      const r = powerIndices(g, { method });
      expect(Math.abs(r.players[0].shapleyShubik - 421 / 2145)).toBeLessThan(1e-13);
      expect(Math.abs(r.players[5].shapleyShubik - 4 / 2145)).toBeLessThan(1e-13);
      expect(r.players[0].shapleyShubik.toFixed(4)).toBe('0.1963');
      expect(r.players[5].shapleyShubik.toFixed(5)).toBe('0.00186');
    }
  });
});

// Brute force: every coalition; SS via |S|!(n−|S|−1)!/n! over swings into S.
function brute(game: Game): { raw: number[]; ss: number[] } {
  const g = normalizeGame(game);
  const n = g.players.length;
  const fact = [1];
  for (let i = 1; i <= n; i++) fact.push(fact[i - 1] * i);
  const raw = new Array<number>(n).fill(0);
  const ss = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    const members = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
    if (!wins(g, members)) continue;
    const size = members.filter(Boolean).length;
    for (let i = 0; i < n; i++) {
      if (!members[i]) continue;
      const without = [...members];
      without[i] = false;
      if (wins(g, without)) continue;
      raw[i] += 1 / 2 ** (n - 1);
      ss[i] += (fact[size - 1] * fact[n - size]) / fact[n];
    }
  }
  return { raw, ss };
}

const smallGame: fc.Arbitrary<Game> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .record({
      constraints: fc.array(
        fc.record({
          weights: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0.5, 1.5, 2.25)), { minLength: n, maxLength: n }),
          quota: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.constantFrom(2.5, 7.75)),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      or: fc.boolean(),
    })
    .map(({ constraints, or }) => ({
      players: Array.from({ length: n }, (_, i) => `p${i}`),
      constraints,
      formula:
        or && constraints.length > 1
          ? { kind: 'or' as const, args: [leaf(0), { kind: 'and' as const, args: constraints.slice(1).map((_, j) => leaf(j + 1)) }] }
          : undefined,
    })),
);

describe('power on random small games', () => {
  it('equals brute force (exact and float methods); indices sum to 1; dummies get 0', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const b = brute(game);
        for (const method of ['auto', 'float'] as const) {
          const r = powerIndices(game, { method });
          r.players.forEach((p, i) => {
            expect(Math.abs(p.banzhafRaw - b.raw[i])).toBeLessThan(1e-12);
            expect(Math.abs(p.shapleyShubik - b.ss[i])).toBeLessThan(1e-12);
            if (b.raw[i] === 0) expect(p.banzhaf).toBe(0);
          });
          const anySwing = b.raw.some((x) => x > 0);
          if (anySwing) {
            expect(Math.abs(r.players.reduce((s, p) => s + p.banzhaf, 0) - 1)).toBeLessThan(1e-12);
            expect(Math.abs(r.players.reduce((s, p) => s + p.shapleyShubik, 0) - 1)).toBeLessThan(1e-12);
          }
        }
      }),
      { numRuns: 800 },
    );
  });

  it('gives symmetric players equal power', () => {
    fc.assert(
      fc.property(smallGame, fc.nat(), (game, k) => {
        const n = game.players.length;
        if (n < 2) return;
        const [i, j] = [k % n, (k + 1) % n];
        // Make j a copy of i in every constraint.
        const g: Game = { ...game, constraints: game.constraints.map((c) => ({ ...c, weights: c.weights.map((w, x) => (x === j ? c.weights[i] : w)) })) };
        const r = powerIndices(g);
        expect(Math.abs(r.players[i].banzhaf - r.players[j].banzhaf)).toBeLessThan(1e-14);
        expect(Math.abs(r.players[i].shapleyShubik - r.players[j].shapleyShubik)).toBeLessThan(1e-14);
      }),
      { numRuns: 500 },
    );
  });

  it('pass and swing probabilities equal brute force for any p', () => {
    fc.assert(
      fc.property(smallGame, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }), (game, ps) => {
        const g = normalizeGame(game);
        const n = g.players.length;
        const p = ps.slice(0, n);
        const P = (fix: number, v: boolean) => {
          let s = 0;
          for (let mask = 0; mask < 1 << n; mask++) {
            const m = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
            if (fix >= 0 && m[fix] !== v) continue;
            let w = 1;
            for (let i = 0; i < n; i++) if (i !== fix) w *= m[i] ? p[i] : 1 - p[i];
            if (wins(g, m)) s += w;
          }
          return s;
        };
        expect(Math.abs(gamePassProbability(game, p) - P(-1, true))).toBeLessThan(1e-12);
        const sw = swingProbabilities(game, p);
        for (let i = 0; i < n; i++) expect(Math.abs(sw[i] - (P(i, true) - P(i, false)))).toBeLessThan(1e-12);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('game files', () => {
  it('reads one quota or several', () => {
    const one = parseGame({ quota: 62, players: [{ id: 'A', weight: 4 }, { id: 'B', weight: 60 }] });
    expect(one.constraints).toEqual([{ weights: [4, 60], quota: 62 }]);
    const two = parseGame({ quotas: [15, 65], players: [{ id: 'DE', weights: [1, 18.6] }] });
    expect(two.constraints).toEqual([{ weights: [1], quota: 15 }, { weights: [18.6], quota: 65 }]);
  });

  it('names what is wrong', () => {
    expect(() => parseGame([])).toThrow(/JSON object/);
    expect(() => parseGame({ players: [] })).toThrow(/quota/);
    expect(() => parseGame({ quota: 3, players: [{ id: 'A' }] })).toThrow(/players\[0\]\.weight/);
    expect(() => parseGame({ quotas: [1, 2], players: [{ id: 'A', weights: [1] }] })).toThrow(/2 non-negative numbers/);
    expect(() => parseGame({ quota: 1, players: [{ id: 'A', weight: 1 }, { id: 'A', weight: 2 }] })).toThrow(/distinct/);
    expect(() => parseGame({ quota: 1, quotas: [1, 2], players: [{ id: 'A', weight: 1 }] })).toThrow(/"quota" \(one majority\) or "quotas" \(several\), not both/);
  });

  it('scales decimal weights exactly: 18.6 + 46.4 meets 65', () => {
    const g = parseGame({ quotas: [65], players: [{ id: 'X', weights: [18.6] }, { id: 'Y', weights: [46.4] }, { id: 'Z', weights: [35] }] });
    const r = powerIndices(g);
    // Winning: {X,Y}, {Y,Z}, {X,Y,Z}, {X,Z}? 18.6 + 35 = 53.6 < 65: no. So X and Z swing once, Y three times.
    expect(r.players.map((p) => p.swings)).toEqual(['1', '3', '1']);
  });

  it('counts a few players with wide weights under several quotas coalition by coalition', () => {
    // Five players, weights near a million, two quotas: the grid would need ~2·10^8 cells.
    const game: Game = {
      players: ['a', 'b', 'c', 'd', 'e'],
      constraints: [
        { weights: [181249, 298616, 155620, 568685, 210185], quota: 707178 },
        { weights: [1, 0, 2, 3, 1], quota: 3 },
      ],
    };
    const r = powerIndices(game);
    expect(r.method).toMatch(/all 2\^5 coalitions/);
    const b = brute(game);
    r.players.forEach((p, i) => {
      expect(Math.abs(p.banzhafRaw - b.raw[i])).toBeLessThan(1e-15);
      expect(Math.abs(p.shapleyShubik - b.ss[i])).toBeLessThan(1e-15);
    });
  });

  it('keeps every digit: tiny weights stay non-zero, and a quota just above a sum is not met by it', () => {
    // Two weights of 1e-10 with quota 2e-10: unanimity (each swings once). They were rounded to 0.
    const tiny = powerIndices({ players: ['A', 'B'], constraints: [{ weights: [1e-10, 1e-10], quota: 2e-10 }] });
    expect(tiny.players.map((p) => p.banzhafRaw)).toEqual([0.5, 0.5]);
    // 3.0000000001 is more than the three weights of 1 together: nobody can win, nobody swings.
    const above = normalizeGame({ players: ['A', 'B', 'C'], constraints: [{ weights: [1, 1, 1], quota: 3.0000000001 }] });
    expect(above.formula).toEqual({ kind: 'const', value: false });
    // 2.0000000001 needs all three (a sum of 2 falls short): each swings once out of 4.
    const r = powerIndices({ players: ['A', 'B', 'C'], constraints: [{ weights: [1, 1, 1], quota: 2.0000000001 }] });
    expect(r.players.map((p) => p.swings)).toEqual(['1', '1', '1']);
    // Decimals of different lengths: 0.1 + 0.2 meets 0.3 exactly (in decimal, as written).
    const d = normalizeGame({ players: ['A', 'B'], constraints: [{ weights: [0.1, 0.2], quota: 0.3 }] });
    expect(d.constraints).toEqual([{ weights: [1, 2], quota: 3, total: 3 }]);
    expect(() => normalizeGame({ players: ['A', 'B'], constraints: [{ weights: [1e300, 1e-300], quota: 1 }] })).toThrow(/too large/);
  });
});
