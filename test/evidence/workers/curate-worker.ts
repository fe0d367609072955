// Child process for the crash tests: curates random items of the workspace in a loop, reading
// each item's version first and retrying on a conflict. Prints "ack <item> <version>" after each
// curation has returned (i.e. committed) and "conflict" for each refused stale write.
//   node --import tsx curate-worker.ts <workspace> <rounds> <who>
import { ConflictError } from '../../../src/store/errors.ts';
import { openWorkspace } from '../../../src/store/workspace.ts';

const [file, rounds, who] = process.argv.slice(2);
const ws = openWorkspace(file, { busyTimeoutMs: 20_000 });
const ids = ws.listItems().map((i) => i.id);
let seed = [...who].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) >>> 0;
const next = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed;
};
const actions = ['accept', 'reject', 'reset'] as const;
for (let i = 0; i < Number(rounds); i++) {
  const id = ids[next() % ids.length];
  const item = ws.getItem(id)!;
  try {
    const done = ws.curate(id, { action: actions[next() % 3], expectedVersion: item.version, who });
    process.stdout.write(`ack ${id} ${done.version}\n`);
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    process.stdout.write('conflict\n');
  }
}
ws.close();
