/**
 * `lambda-lens` command line: dispatches to the subcommands in cli/. Each subcommand's module is
 * required when it runs, so `check` never evaluates the AWS SDK that `deployed` needs (the bundle
 * evaluates a module on its first require).
 */
import { EXIT } from './cli/io';
import type { CliIo } from './cli/io';
import { packageVersion } from './packageRoot';

const USAGE = `Usage: lambda-lens <command> [options]

Commands:
  check [paths...]    validate SAM / CloudFormation templates (default command)
  rules               list the rules
  size [templates...] package sizes of each function's code (--format text|json)
  deployed [templates...]
                      deployed name and drift of each function (--stack --region --profile
                      --config-env --endpoint --format text|json)
  events list         list the sample trigger events
  events generate <id> [--template <file> --function <logicalId>] [--set key=value]
                      print a sample event, filled from a template's function

Options:
  --help              show help (also: lambda-lens <command> --help)
  --version           print the version

Run \`lambda-lens check --help\` for the check options.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, () => Command>> = {
  check: () => (require('./cli/check') as typeof import('./cli/check')).runCheck,
  deployed: () => (require('./cli/deployed') as typeof import('./cli/deployed')).runDeployed,
  events: () => (require('./cli/events') as typeof import('./cli/events')).runEvents,
  rules: () => (require('./cli/rules') as typeof import('./cli/rules')).runRules,
  size: () => (require('./cli/size') as typeof import('./cli/size')).runSize,
};

/** Runs the CLI with arguments (without `node cli.js`) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (first === undefined || first.startsWith('-')) return COMMANDS.check!()(argv, io);
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    io.stderr(`lambda-lens: unknown command "${first}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  return command()(rest, io);
}

if (require.main === module) {
  // `lambda-lens events list | head` closes the pipe early: stop quietly, as other CLIs do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`lambda-lens: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
