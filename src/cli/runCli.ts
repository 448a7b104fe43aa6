import { UnreadableInputError } from './inputFile'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, safeOutput, UsageError } from './io'
import { oneLine } from '../shared/displayText'
import { UserFacingError } from '../core/userFacingError'

type Command = (args: string[], io: CliIo) => number | Promise<number>

/**
 * Each command's module is loaded when that command runs, so `sp` starts without undici, node-saml or the XML
 * stack (see bench/cli.ts). The compiled CLI keeps these as separate chunks (scripts/build-cli.mjs).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  sp: async () => (await import('./commands/sp')).runSp,
  cert: async () => (await import('./commands/cert')).runCert,
  metadata: async () => (await import('./commands/metadata')).runMetadata,
  scim: async () => (await import('./commands/scim')).runScim,
  sso: async () => (await import('./commands/sso')).runSso,
  bundle: async () => (await import('./commands/bundle')).runBundle,
  report: async () => (await import('./commands/report')).runReport,
}

/** The help text, from every command's usage line: loads every command, so only help and usage errors ask for it. */
export async function usageText(): Promise<string> {
  const [
    { BUNDLE_EXPORT_USAGE, BUNDLE_IMPORT_USAGE, BUNDLE_VALIDATE_USAGE },
    { CERT_USAGE },
    { METADATA_USAGE },
    { SCIM_FIND_USER_USAGE, SCIM_LIFECYCLE_USAGE, SCIM_TEST_USAGE },
    { REPORT_USAGE },
    { SP_USAGE },
    { SSO_METADATA_USAGE, SSO_VALIDATE_USAGE },
  ] = await Promise.all([
    import('./commands/bundle'),
    import('./commands/cert'),
    import('./commands/metadata'),
    import('./commands/scim'),
    import('./commands/report'),
    import('./commands/sp'),
    import('./commands/sso'),
  ])
  return `Usage: dialpad-sso <command> [options]

Commands:
  ${SP_USAGE}
      Print the SAML Service Provider values (SP Entity ID, ACS URL) for a company domain.
  ${CERT_USAGE}
      Print a certificate in the form Dialpad's Certificate field wants (no BEGIN/END lines),
      with its details and warnings. Reads PEM or DER; "-" reads standard input.
  ${METADATA_USAGE}
      Print the IdP Entity ID, IdP SSO URL and certificate from JumpCloud's metadata export.
  ${SCIM_TEST_USAGE}
      Test the connection: list one user with the API key (this decides the result), and read Dialpad's SCIM
      discovery endpoints (informational: a 404 there is a note). The API key comes from the environment variable NAME (default DIALPAD_API_KEY), or with --profile
      from the system keychain, where the app saved it for the profile NAME. --ca trusts a corporate CA.
  ${SCIM_LIFECYCLE_USAGE}
      Create, read, update (a name), find, deactivate and delete a real test user, as provisioning does.
      Creating a user may use a paid license and a phone number: prefer the sandbox
      (https://sandbox.dialpad.com/scim). --yes confirms. Ctrl-C cancels; the test user is still cleaned up.
      A refused DELETE leaves the user deactivated and names it, as JumpCloud documents for its activation test.
  ${SCIM_FIND_USER_USAGE}
      Is this user provisioned? Look the email up in Dialpad (read only, never writes): found and active,
      suspended, or not found, with what to check in JumpCloud. Exit 0 only when found and active.
  ${BUNDLE_VALIDATE_USAGE}
      Check a configuration bundle (*.dialpad-sso.json) completely: format, version, every value,
      the certificate and the digest. Exit 0 valid, 1 invalid (the reason is printed).
  ${BUNDLE_EXPORT_USAGE}
      Export a profile of the app as a bundle. Never the API key; --include-key-hint adds its last 4 characters.
  ${BUNDLE_IMPORT_USAGE}
      Import a bundle as a new profile, or over the profile for the same domain and environment (or the one
      named with --profile): the differences are printed, and --yes is needed to replace.
      --data-dir: the app's data folder, when not the default one for this user.
  ${REPORT_USAGE}
      Write the printable setup report (HTML; print it to PDF from a browser) of a bundle or a profile.
  ${SSO_VALIDATE_USAGE}
      Check a SAML response captured in a browser (the SAMLResponse form field, base64, or its XML) with the
      checks SAML 2.0 asks of a service provider: status, signature with the IdP certificate given (never one the response carries), one
      assertion, Issuer, Audience, Destination, Recipient, time window, InResponseTo, NameID and email.
      --email-domain (repeatable) adds the company's other email domains, accepted like --domain.
      --now checks an older response at the time it was captured. Exit 0 all passed, 1 a check failed.
  ${SSO_METADATA_USAGE}
      Check that Dialpad publishes SAML metadata for the domain with the SP Entity ID and ACS URL expected,
      and compare this computer’s clock with Dialpad’s.
  help
      Show this text.

Exit codes: 0 ok (warnings included), 1 unacceptable input or a failed check (the reason is printed), 2 usage error.
`
}

/** Runs one command and resolves to its exit code; never calls process.exit, so tests can drive it. */
export async function runCli(argv: string[], given: CliIo): Promise<number> {
  const io = safeOutput(given)
  const [command, ...args] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io[command === undefined ? 'stderr' : 'stdout'](await usageText())
    return command === undefined ? EXIT_USAGE : EXIT_OK
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!load) {
    io.stderr(`Unknown command "${oneLine(command, 60)}".\n\n${await usageText()}`)
    return EXIT_USAGE
  }
  try {
    const run = await load()
    return await run(args, io)
  } catch (error) {
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (error instanceof UsageError || parseError) {
      // parseArgs quotes the option as typed: keep it on one line. Our own usage messages may span lines.
      const message = parseError ? oneLine((error as Error).message, 300) : (error as Error).message
      io.stderr(`${message}\n\n${await usageText()}`)
      return EXIT_USAGE
    }
    if (error instanceof UserFacingError || error instanceof UnreadableInputError) {
      // One paragraph: whatever outside text it quotes cannot start a line of its own.
      io.stderr(`${oneLine(error.message)}\n`)
      return EXIT_INVALID_INPUT
    }
    throw error
  }
}
