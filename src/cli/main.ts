// The `accede` command: a thin shell that parses arguments and prints what the core computes.
import { Command, CommanderError } from 'commander';
import { NotApplicableError } from '../model/asof.ts';
import { DataError, formatIssue } from '../model/issues.ts';
import { type CliContext, CliError, createContext, type Io } from './context.ts';

/** A command module: it adds itself (options, action) to the program. */
interface CommandModule {
  register(program: Command, ctx: ReturnType<typeof createContext>): void;
}

/**
 * Every command, loaded on demand: a command's module imports what it needs (the engine, the server,
 * the HTML parser…), so `accede validate` does not pay for `accede import`'s dependencies.
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  evaluate: () => import('./commands/evaluate.ts'),
  candidate: () => import('./commands/candidate.ts'),
  validate: () => import('./commands/validate.ts'),
  audit: () => import('./commands/audit.ts'),
  backtest: () => import('./commands/backtest.ts'),
  serve: () => import('./commands/serve.ts'),
  build: () => import('./commands/build.ts'),
  import: () => import('./commands/import.ts'),
  curate: () => import('./commands/curate.ts'),
  export: () => import('./commands/export.ts'),
  power: () => import('./commands/power.ts'),
  'track-record': () => import('./commands/track-record.ts'),
};

/** The modules to load for these arguments: the named command's alone, or all of them (for help and typos). */
async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]] : Object.values(COMMANDS);
  return Promise.all(load.map((f) => f()));
}

const stdio: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export async function main(argv: string[], io: Io = stdio, faces: Pick<CliContext, 'http'> = {}): Promise<number> {
  const ctx = createContext(io, faces);
  const program = new Command('accede')
    .description('What does it take for a state to join an international organization?')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError(false);
  const modules = await commandsFor(argv);
  for (const c of modules) c.register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return handle(e, io);
  }
}

function handle(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    // commander already printed its message
    return 2;
  }
  if (e instanceof DataError) {
    for (const i of e.issues) io.err(`error: ${formatIssue(i)}`);
    io.err(`${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} found`);
    return 2;
  }
  if (e instanceof NotApplicableError) {
    // The question has no answer on that day: bad input, not a failure.
    io.err(`error: ${e.message}`);
    return 2;
  }
  if (e instanceof CliError) {
    io.err(`error: ${e.message}`);
    return e.exitCode;
  }
  io.err(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
}
