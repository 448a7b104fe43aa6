import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** writeFileAtomic's temp names: `.<file>.<pid>.<random hex>.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temp files left in `dir` by writers that died mid-write. A temp file whose writer is still running (the
 * CLI and the app may work on the same profiles) belongs to a live write and is left alone.
 */
export async function removeLeftoverTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((name) => {
        const match = TEMP_FILE.exec(name)
        return match !== null && !isRunning(Number(match[1]))
      })
      .map((name) => rm(join(dir, name), { force: true })),
  )
}
