// The command line around the engine: accede power and the engine fields of accede evaluate.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'accede-power-'));
const file = (name: string, json: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof json === 'string' ? json : JSON.stringify(json));
  return p;
};

describe('accede power', () => {
  it('prints {players: [{id, banzhaf, banzhafRaw, shapleyShubik}]} for a game file', async () => {
    const r = await cli('power', '--game', file('g.json', { quota: 62, players: [{ id: 'A', weight: 4 }, { id: 'B', weight: 60 }, { id: 'C', weight: 30 }] }), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { players: Array<Record<string, number | string>> };
    expect(Object.keys(j)).toEqual(['players']);
    expect(j.players.map((p) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'banzhaf', 'banzhafRaw', 'shapleyShubik']));
    expect(j.players[1].shapleyShubik).toBeCloseTo(2 / 3, 12);
  });

  it('takes --weights FILE.csv --quota Q (one weight per line, or id,weight) and --index', async () => {
    const csv = file('w.csv', '# weights\n4\n60\n30\n');
    const all = JSON.parse((await cli('power', '--weights', csv, '--quota', '62', '--json')).out) as { players: Array<Record<string, number | string>> };
    expect(all.players.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(all.players[1].shapleyShubik).toBeCloseTo(2 / 3, 12);
    const named = await cli('power', '--weights', file('n.csv', 'A,4\nB,60\nC,30\n'), '--quota', '62', '--index', 'banzhaf', '--json');
    expect(named.code).toBe(0);
    const bz = JSON.parse(named.out) as { players: Array<Record<string, number | string>> };
    expect(bz.players.map((p) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'banzhaf', 'banzhafRaw']));
    expect(bz.players.map((p) => p.banzhaf)).toEqual(all.players.map((p) => p.banzhaf));
    const ss = JSON.parse((await cli('power', '--weights', csv, '--quota', '62', '--index', 'shapley-shubik', '--json')).out) as { players: Array<Record<string, number | string>> };
    expect(ss.players.map((p) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'shapleyShubik']));
    expect((await cli('power', '--weights', csv, '--quota', '62', '--index', 'banzhaf')).out).not.toMatch(/Shapley/);
  });

  it('refuses bad weights, quotas and combinations with exit code 2', async () => {
    const bad = await cli('power', '--weights', file('b.csv', '4\nlots\n'), '--quota', '3');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/b\.csv, line 2: expected a non-negative number/);
    expect((await cli('power', '--weights', file('ok.csv', '1\n'), '--quota', 'x')).code).toBe(2);
    expect((await cli('power', '--weights', file('ok2.csv', '1\n'))).code).toBe(2);
    expect((await cli('power', '--weights', file('ok3.csv', '1\n'), '--quota', '1', '--game', 'x.json')).code).toBe(2);
    expect((await cli('power', '--weights', file('ok4.csv', '1\n'), '--quota', '1', '--index', 'penrose')).code).toBe(2);
    // Number() reads hexadecimal and "Infinity"; a weight or quota must be a decimal number.
    expect((await cli('power', '--weights', file('hex.csv', '0x1F\n3\n'), '--quota', '4')).err).toMatch(/hex\.csv, line 1: expected a non-negative number, got "0x1F"/);
    expect((await cli('power', '--weights', file('ok5.csv', '1\n'), '--quota', '0x2')).err).toMatch(/--quota: expected a decimal number/);
    expect((await cli('power', '--weights', file('noid.csv', 'A,1\n,2\n'), '--quota', '1')).err).toMatch(/noid\.csv, line 2: the player's id before the comma is empty/);
  });

  it('skips a header row, comments, blank lines and CRLF line ends', async () => {
    const csv = file('hdr.csv', '\uFEFFid,weight\r\n# the parties\r\nA,4\r\n\r\nB,60\r\nC , 30 \r\n');
    const r = await cli('power', '--weights', csv, '--quota', '62', '--exact', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { players: Array<Record<string, number | string>> };
    expect(j.players.map((p) => [p.id, p.swings])).toEqual([['A', '1'], ['B', '3'], ['C', '1']]);
    expect((await cli('power', '--weights', file('hdr1.csv', 'weight\n4\n60\n30\n'), '--quota', '62', '--json')).code).toBe(0);
  });

  it('takes a game file with a byte-order mark, and never reads NaN or Infinity as a header row', async () => {
    const bom = await cli('power', '--game', file('bom.json', '\uFEFF{"quota": 2, "players": [{"id": "A", "weight": 1}, {"id": "B", "weight": 1}]}'), '--json');
    expect(bom.code, bom.err).toBe(0);
    expect(JSON.parse(bom.out).players.map((p: { banzhaf: number }) => p.banzhaf)).toEqual([0.5, 0.5]);
    // A first line "NaN" was skipped as a column name, leaving a game with one player fewer.
    for (const word of ['NaN', 'Infinity', 'inf']) {
      const r = await cli('power', '--weights', file(`${word}.csv`, `${word}\n2\n1\n`), '--quota', '2');
      expect(r.code, word).toBe(2);
      expect(r.err).toMatch(new RegExp(`line 1: expected a non-negative number, got "${word}"`));
    }
  });

  it('--exact gives swing counts, pivotal orders out of n! and the indices from them', async () => {
    const csv = file('e.csv', 'A,4\nB,60\nC,30\n');
    const all = JSON.parse((await cli('power', '--weights', csv, '--quota', '62', '--exact', '--json')).out) as {
      players: Array<Record<string, number | string>>;
      orders: string;
    };
    // [62; 4, 60, 30]: B is pivotal in 4 of the 6 orders, A and C in 1 each; swings B 3, A 1, C 1.
    expect(all.orders).toBe('6');
    expect(all.players.map((p) => [p.id, p.swings, p.pivots])).toEqual([['A', '1', '1'], ['B', '3', '4'], ['C', '1', '1']]);
    expect(all.players[1].shapleyShubik).toBe(2 / 3);
    expect(all.players[1].banzhaf).toBe(3 / 5);
    const bz = JSON.parse((await cli('power', '--weights', csv, '--quota', '62', '--exact', '--index', 'banzhaf', '--json')).out) as { players: Array<Record<string, number | string>> };
    expect(bz.players.map((p) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'banzhaf', 'banzhafRaw', 'swings']));
    const ss = JSON.parse((await cli('power', '--weights', csv, '--quota', '62', '--exact', '--index', 'shapley-shubik', '--json')).out) as { players: Array<Record<string, number | string>> };
    expect(ss.players.map((p) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'shapleyShubik', 'pivots']));
    const text = await cli('power', '--weights', csv, '--quota', '62', '--exact');
    expect(text.out).toMatch(/pivotal orders out of 3!/);
    // Several quotas: every coalition is visited (up to 20 players). [2, 65] on X(1, 18), Y(1, 46),
    // Z(1, 35): only {Y, Z} and {X, Y, Z} win; Y and Z swing twice and are pivotal in 3 of 6 orders.
    const several = await cli('power', '--game', file('e2.json', { quotas: [2, 65], players: [{ id: 'X', weights: [1, 18] }, { id: 'Y', weights: [1, 46] }, { id: 'Z', weights: [1, 35] }] }), '--exact', '--json');
    expect(several.code).toBe(0);
    const sj = JSON.parse(several.out) as { players: Array<Record<string, number | string>>; orders: string };
    expect(sj.players.map((p) => [p.id, p.swings, p.pivots, p.banzhaf])).toEqual([['X', '0', '0', 0], ['Y', '2', '3', 0.5], ['Z', '2', '3', 0.5]]);
    expect(sj.orders).toBe('6');
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `p${i}`, weights: [1, i] }));
    const tooMany = await cli('power', '--game', file('e3.json', { quotas: [11, 100], players: many }), '--exact');
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toMatch(/one weighted quota.*at most 20 players/);
    // Beyond the table limit: a refusal with the reason, not an internal error.
    const huge = await cli('power', '--weights', file('h.csv', '1000000007\n2000000011\n3\n'), '--quota', '2000000000', '--exact');
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/too large to count exactly/);
  });

  it('takes several quotas', async () => {
    const r = await cli('power', '--game', file('m.json', { quotas: [2, 65], players: [{ id: 'X', weights: [1, 18.6] }, { id: 'Y', weights: [1, 46.4] }, { id: 'Z', weights: [1, 35] }] }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Shapley–Shubik/);
  });

  it('computes a stage of the bundled dataset: the Security Council', async () => {
    const r = await cli('power', 'un', 'security-council', '--as-of', '2025-06-01', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { players: Array<{ id: string; shapleyShubik: number }> };
    expect(j.players.length).toBe(15);
    expect(j.players.find((p) => p.id === 'RU')!.shapleyShubik).toBeCloseTo(421 / 2145, 12);
  });

  it('refuses bad input with exit code 2 and a reason', async () => {
    expect((await cli('power', '--game', file('bad.json', '{"quota": 3'))).err).toMatch(/not valid JSON/);
    const missing = await cli('power', '--game', file('nop.json', { players: [{ id: 'A', weight: 1 }] }));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/quota/);
    expect((await cli('power', 'un', 'nowhere')).err).toMatch(/unknown stage "nowhere"/);
    // A body before its organization existed has no members to weigh: said, not computed.
    const early = await cli('power', 'nato', 'invitation', '--as-of', '1800-01-01');
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/NATO did not exist on 1800-01-01 \(founded 1949-08-24\)/);
    expect((await cli('power')).code).toBe(2);
    expect((await cli('power', 'un', 'security-council', '--game', 'x.json')).code).toBe(2);
  });
});

describe('accede evaluate with the engine', () => {
  it('adds probability, stage probabilities, sensitivity, what it takes and, with --power, power', async () => {
    const r = await cli('evaluate', 'XK', 'coe', '--as-of', '2025-06-01', '--set', 'spain-recognizes-kosovo=true', '--json', '--power');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.probability).toBeGreaterThan(0);
    expect(Object.keys(j.stageProbabilities)).toEqual(j.stages.map((s: { id: string }) => s.id));
    expect(Object.keys(j.sensitivity[0])).toEqual(['driver', 'name', 'delta', 'whenTrue', 'whenFalse']);
    expect(Object.keys(j.whatItTakes)).toEqual(['stages', 'procedure', 'drivers', 'driverPlan']);
    expect(Object.keys(j.power)).toContain('committee-of-ministers');
  });

  it('shows the same in text', async () => {
    const r = await cli('evaluate', 'XK', 'nato', '--as-of', '2025-06-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P\(admission\) over all scenarios = /);
    expect(r.out).toMatch(/driver sensitivity/);
    expect(r.out).toMatch(/what it would take/);
  });
});
