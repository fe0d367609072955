// The composition root: the `accede` command with every face wired in. The CLI (src/cli/) and the
// HTTP server (src/server/) sit side by side and never import each other; only this file knows both.
import { main as cli } from '../cli/main.ts';
import type { Io } from '../cli/context.ts';

export function main(argv: string[], io?: Io): Promise<number> {
  return cli(argv, io, { http: () => import('../server/node.ts') });
}
