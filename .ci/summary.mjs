// Prints the closing line CI reads: "N passed, N failed" (vitest does not print it in that form).
import { readFileSync } from 'node:fs';

try {
  const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch (e) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
