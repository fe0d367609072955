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

/**
 * One side's enumeration cost: its drivers most used first, each unit folded once per assignment of
 * the drivers up to its last one; a fold costs about 4 × the width of its layer, which narrows toward
 * the meeting layer (what the units still to come can move).
 */
function sideCost(units: number[], input: SplitInput, after: number): { cost: number; drivers: number } {
  const uses = new Map<number, number>();
  for (const u of units) for (const d of input.drivers[u]) uses.set(d, (uses.get(d) ?? 0) + 1);
  const order = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || a - b);
  const depth = new Map(order.map((d, j) => [d, j]));
  const batch = units.map((u) => Math.max(...input.drivers[u].map((d) => depth.get(d)!)));
  const sorted = units.map((u, i) => [batch[i], input.span[u]]).sort((a, b) => a[0] - b[0]);
  let remaining = after + sorted.reduce((s, x) => s + x[1], 0);
  let cost = 0;
  for (const [b, span] of sorted) {
    cost += 2 ** (b + 1) * 4 * (1 + remaining);
    remaining -= span;
  }
  return { cost, drivers: order.length };
}

export function splitCost(back: boolean[], input: SplitInput): Split {
  const n = back.length;
  const frontUnits: number[] = [];
  const backUnits: number[] = [];
  for (let u = 0; u < n; u++) (back[u] ? backUnits : frontUnits).push(u);
  const mid = input.lateSpan + backUnits.reduce((s, u) => s + input.span[u], 0);
  const front = sideCost(frontUnits, input, mid);
  const rear = sideCost(backUnits, input, input.lateSpan);
  const all = new Set(input.drivers.flat()).size;
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
