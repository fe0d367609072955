// Runs of a plan's tables: consecutive steps of a stage whose tables are prefixes of the last one's
// (the same table, or a window that only grows) share one table, built once when the run ends.
import { guardHead, runKey, sameKey } from './tables.ts';
import { type StageStep, stageTable, type TableContext } from './stage-tables.ts';

/** Where a step keeps one stage's table: tables[t], of `size` entries. */
export interface Slot {
  tables: Int32Array[];
  t: number;
  size: number;
  at: StageStep;
}

interface Run {
  key: number[];
  size: number;
  slots: Slot[];
  /** The step whose table is the run's largest. */
  last: StageStep;
}

export class TableRuns {
  private readonly runs: Array<Run | undefined>;
  private readonly key: number[] = [];

  constructor(private readonly ctx: TableContext) {
    this.runs = new Array(ctx.problem.stages.length);
  }

  /**
   * Files a step's table of stage st in the stage's run when it can share it, or starts a run. False
   * when the table cannot wait: the caller builds it now (a unit in several stages needs its tables
   * for its flat table; a stage of tuples needs its next tuples).
   */
  offer(st: number, slot: Slot, alone: boolean): boolean {
    const { guards, multi } = this.ctx.layout;
    const at = slot.at;
    const guard = guards[st];
    const keyed =
      !multi[st] &&
      alone &&
      (guard ? runKey(this.key, [guard.main], at.oldSh, at.newSh, at.coefOf, at.done, at.coefOf.get(guard.guard)) : runKey(this.key, at.cs, at.oldSh, at.newSh, at.coefOf, at.done));
    const run = this.runs[st];
    if (keyed && run && sameKey(run.key, this.key) && slot.size >= run.size) {
      run.slots.push(slot);
      run.size = slot.size;
      run.last = at;
      return true;
    }
    this.flush(st);
    if (!keyed) return false;
    this.runs[st] = { key: [...this.key], size: slot.size, slots: [slot], last: at };
    return true;
  }

  /** Ends stage st's run: builds its largest table and gives every step its prefix. */
  flush(st: number): void {
    const run = this.runs[st];
    if (!run) return;
    this.runs[st] = undefined;
    const full = stageTable(this.ctx, st, run.last, []);
    const guard = this.ctx.layout.guards[st];
    for (const x of run.slots) {
      if (guard) {
        // A guarded stage's first row (state 0) is each step's own: a copy with its own row.
        if (x.at !== run.last) this.ctx.budget.add(x.size);
        const own = full.slice(0, x.size);
        guardHead(own, guard, x.at.cs, x.at.newSh, x.at.coefOf, this.ctx.layout.formulas[st], x.at.done);
        x.tables[x.t] = own;
      } else x.tables[x.t] = x.size === full.length ? full : full.subarray(0, x.size);
    }
  }

  flushAll(): void {
    for (let st = 0; st < this.runs.length; st++) this.flush(st);
  }
}
