// Which driver-dependent units are folded from the back when P(pass | drivers) is tabulated by
// meeting in the middle (mixture.ts). The front enumerates the drivers its units name, the back
// those its units name; a driver named on both sides (a stance depending on a front and a back
// driver) is enumerated on both, and the table pairs only fronts and backs that agree on it. The
// split is chosen by a cost model, by local search over moving single units and whole drivers.

export interface SplitInput {
  /** Per dependent unit: the drivers (indices) its stance names. */
  drivers: number[][];
  /** Per dependent unit: how far it can move the sums it touches (its share of a layer's width). */
  span: number[];
  /** Units that must be folded from the back (those of stages smaller than the largest). */
  forcedBack: boolean[];
  /** Width the independent units after the meeting layer add to it. */
  lateSpan: number;
  /** Width of the layers through the independent units before the front (the widest there is). */
  earlySpan: number;
}

export interface Split {
  back: boolean[];
  /** Estimated work (cell updates) and memory (numbers kept at the meeting layer). */
  cost: number;
  memory: number;
}

/** What every split of one input shares: the number of drivers, and each unit's drivers as a list. */
interface Shared {
  driverCount: number;
  all: number;
}
const shared = new WeakMap<SplitInput, Shared>();
function sharedOf(input: SplitInput): Shared {
  let s = shared.get(input);
  if (!s) {
    let driverCount = 0;
    const seen = new Set<number>();
    for (const ds of input.drivers) for (const d of ds) (seen.add(d), (driverCount = Math.max(driverCount, d + 1)));
    s = { driverCount, all: seen.size };
    shared.set(input, s);
  }
  return s;
}

/**
 * One side's enumeration cost: its drivers most used first, each unit folded once per assignment of
 * the drivers up to its last one; a fold costs about 4 × the width of its layer, which narrows toward
 * the meeting layer (what the units still to come can move). The local search below calls this a few
 * hundred times per table, so it counts in typed arrays and sorts by counting (it runs cold in a
 * one-shot command).
 */
function sideCost(units: number[], input: SplitInput, after: number, driverCount: number): { cost: number; drivers: number } {
  const uses = new Int32Array(driverCount);
  for (const u of units) for (const d of input.drivers[u]) uses[d]++;
  const order: number[] = [];
  for (let d = 0; d < driverCount; d++) if (uses[d] > 0) order.push(d);
  order.sort((a, b) => uses[b] - uses[a] || a - b);
  const depth = new Int32Array(driverCount);
  order.forEach((d, j) => (depth[d] = j));
  // A unit's batch is the depth of its deepest driver (-1: it names none); units are folded by batch,
  // in their own order within one (a stable sort by counting).
  const batch = new Int32Array(units.length);
  const perBatch = new Int32Array(order.length + 1);
  let remaining = after;
  units.forEach((u, i) => {
    let b = -1;
    for (const d of input.drivers[u]) if (depth[d] > b) b = depth[d];
    batch[i] = b;
    perBatch[b + 1]++;
    remaining += input.span[u];
  });
  const start = new Int32Array(order.length + 2);
  for (let b = 0; b <= order.length; b++) start[b + 1] = start[b] + perBatch[b];
  const sorted = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) sorted[start[batch[i] + 1]++] = i;
  let cost = 0;
  for (const i of sorted) {
    // 2 ** (batch + 1): a unit naming no driver (batch -1 before, -Infinity) is folded once, at no cost.
    cost += batch[i] < 0 ? 0 : 2 ** (batch[i] + 1) * 4 * (1 + remaining);
    remaining -= input.span[units[i]];
  }
  return { cost, drivers: order.length };
}

export function splitCost(back: boolean[], input: SplitInput): Split {
  const n = back.length;
  const { driverCount, all } = sharedOf(input);
  const frontUnits: number[] = [];
  const backUnits: number[] = [];
  for (let u = 0; u < n; u++) (back[u] ? backUnits : frontUnits).push(u);
  const mid = input.lateSpan + backUnits.reduce((s, u) => s + input.span[u], 0);
  const front = sideCost(frontUnits, input, mid, driverCount);
  const rear = sideCost(backUnits, input, input.lateSpan, driverCount);
  const width = 1 + mid;
  // The meeting pairs every assignment of all the drivers; the front's and back's vectors are kept.
  const memory = (2 ** front.drivers + 2 ** rear.drivers) * width;
  const cost = front.cost + rear.cost + 2 ** all * width + memory;
  return { back, cost, memory };
}

/** The split with the lowest estimated cost found by local search from "all front". */
export function chooseSplit(input: SplitInput): Split {
  const n = input.drivers.length;
  let best: Split | undefined;
  for (const start of [input.forcedBack.slice()]) {
    let cur = splitCost(start, input);
    for (let improved = true; improved; ) {
      improved = false;
      const candidates: boolean[][] = [];
      for (let u = 0; u < n; u++) {
        if (input.forcedBack[u]) continue;
        const b = cur.back.slice();
        b[u] = !b[u];
        candidates.push(b);
      }
      // Moving one unit rarely drops a driver from a side; moving every unit naming it does.
      for (const d of new Set(input.drivers.flat())) {
        for (const side of [true, false]) {
          const b = cur.back.map((x, u) => (input.drivers[u].includes(d) && !input.forcedBack[u] ? side : x));
          candidates.push(b);
        }
      }
      for (const b of candidates) {
        const c = splitCost(b, input);
        if (c.cost < cur.cost) {
          cur = c;
          improved = true;
        }
      }
    }
    if (!best || cur.cost < best.cost) best = cur;
  }
  return best!;
}
