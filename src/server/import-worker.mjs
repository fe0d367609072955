// Starts an import pool worker from the TypeScript sources (tsx), as case-worker.mjs does for the case pool;
// the compiled build runs dist/entry/import-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./import-worker.ts');
export default worker.default;
export const prime = worker.prime;
