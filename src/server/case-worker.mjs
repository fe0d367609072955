// Starts a pool worker from the TypeScript sources (tsx), as bin/accede.js does for the command; the
// compiled build runs dist/entry/case-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./case-worker.ts');
export default worker.default;
