// Preloaded (node --import) into a CLI run by a test: at exit, writes the process's peak resident memory (bytes) to
// the file named by PEAK_MEMORY_FILE, so the test measures the real CLI process, not itself.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.PEAK_MEMORY_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024))
})
