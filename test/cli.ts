// The one way tests run the accede CLI: in process, through src/cli/main.ts, capturing what it prints
// (each line ends with a newline however the command wrote it) and the exit code.
import { main } from '../src/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `accede ARGV…`: stdout, stderr and the exit code (0 ok, 1 failure, 2 bad input). */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const code = await main(argv, { out: (t) => (out += line(t)), err: (t) => (err += line(t)) });
  return { code, out, err };
}
