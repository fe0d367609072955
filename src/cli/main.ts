// The `accede` command: a thin shell that parses arguments and prints what the core computes.
import { Command, CommanderError } from 'commander';
import { DataError, formatIssue } from '../model/issues.ts';
import { CliError, createContext, type Io } from './context.ts';
import * as backtest from './commands/backtest.ts';
import * as build from './commands/build.ts';
import * as evaluate from './commands/evaluate.ts';
import * as serve from './commands/serve.ts';
import * as validate from './commands/validate.ts';
import * as curate from './commands/curate.ts';
import * as exportCmd from './commands/export.ts';
import * as importCmd from './commands/import.ts';
import * as power from './commands/power.ts';
import * as trackRecord from './commands/track-record.ts';

const COMMANDS = [evaluate, validate, backtest, serve, build, importCmd, curate, exportCmd, power, trackRecord];

const stdio: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const ctx = createContext(io);
  const program = new Command('accede')
    .description('What does it take for a state to join an international organization?')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError(false);
  for (const c of COMMANDS) c.register(program, ctx);
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
  if (e instanceof CliError) {
    io.err(`error: ${e.message}`);
    return e.exitCode;
  }
  io.err(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
}
