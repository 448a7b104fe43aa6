import { redactKnownSecrets } from '../core/secrets/redact'
import { displayText } from '../shared/displayText'
import { errorDetails } from '../shared/errorMessage'
import { readStandardInput } from './inputFile'
import { runCli } from './runCli'

// Output piped into a command that stops reading (`| head`): stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: (maxBytes) => readStandardInput(maxBytes),
  env: process.env,
  onInterrupt: (listener) => {
    // `once`: a second Ctrl-C finds no listener and stops the process at once, as usual.
    process.once('SIGINT', listener)
    return () => process.off('SIGINT', listener)
  },
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not an input problem: show it (without any API key seen so far) for the report.
    process.stderr.write(`${displayText(redactKnownSecrets(errorDetails(error)), { multiline: true })}\n`)
    process.exitCode = 1
  },
)
