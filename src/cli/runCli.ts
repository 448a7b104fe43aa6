import { CERT_USAGE, runCert } from './commands/cert'
import { METADATA_USAGE, runMetadata } from './commands/metadata'
import { runSp, SP_USAGE } from './commands/sp'
import { UnreadableInputError } from './inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, UsageError } from './io'
import { UserFacingError } from '../core/userFacingError'

export const USAGE = `Usage: dialpad-sso <command> [options]

Commands:
  ${SP_USAGE}
      Print the SAML Service Provider values (SP Entity ID, ACS URL) for a company domain.
  ${CERT_USAGE}
      Print a certificate in the form Dialpad's Certificate field wants (no BEGIN/END lines),
      with its details and warnings. Reads PEM or DER; "-" reads standard input.
  ${METADATA_USAGE}
      Print the IdP Entity ID, IdP SSO URL and certificate from JumpCloud's metadata export.
  help
      Show this text.

Exit codes: 0 ok, 1 unacceptable input (the reason is printed), 2 usage error.
`

const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = { sp: runSp, cert: runCert, metadata: runMetadata }

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
    if (error instanceof UserFacingError || error instanceof UnreadableInputError) {
      io.stderr(`${error.message}\n`)
      return EXIT_INVALID_INPUT
    }
    throw error
  }
}
