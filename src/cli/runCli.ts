import { runSp, SP_USAGE } from './commands/sp'
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './io'

export const USAGE = `Usage: dialpad-sso <command> [options]

Commands:
  ${SP_USAGE}
      Print the SAML Service Provider values (SP Entity ID, ACS URL) for a company domain.
  help
      Show this text.

Exit codes: 0 ok, 1 invalid input, 2 usage error.
`

const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = { sp: runSp }

/** Runs one command and returns its exit code; never calls process.exit, so tests can drive it. */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...args] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io[command === undefined ? 'stderr' : 'stdout'](USAGE)
    return command === undefined ? EXIT_USAGE : EXIT_OK
  }
  const run = COMMANDS[command]
  if (!run) {
    io.stderr(`Unknown command "${command}".\n\n${USAGE}`)
    return EXIT_USAGE
  }
  try {
    return run(args, io)
  } catch (error) {
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (error instanceof UsageError || parseError) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`)
      return EXIT_USAGE
    }
    throw error
  }
}
