import { randomBytes } from 'node:crypto'
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { formatBytes } from '../../shared/byteSize'
import type { Profile, ProfileFileProblem } from '../../shared/profile'
import { InputFileError, readRegularFile, unreadableReason } from '../files/boundedRead'
import { redactThenShorten } from '../secrets/redact'
import { migrateDocument } from '../storage/migrateDocument'
import { PROFILE_MIGRATIONS, PROFILE_SCHEMA_VERSION, ProfileDocument, profileOf } from './profileDocument'

/** A profile with a large corporate CA and many check runs is well under 1 MiB. */
export const MAX_PROFILE_FILE_BYTES = 2 * 1024 * 1024

export const profileFileName = (id: string): string => `${id}.json`
/** Profile files are named by their id; anything else in the folder (set-aside files, temp files) is not a profile. */
export const PROFILE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/

export type ProfileRead =
  | { kind: 'ok'; profile: Profile }
  | { kind: 'missing' }
  | { kind: 'problem'; problem: ProfileFileProblem }

/**
 * Reads, migrates and validates one profile file. A damaged file is renamed aside (never overwritten or deleted) and
 * reported; a file from a newer app is reported and left exactly as it is.
 */
export async function readProfileFile(dir: string, id: string, now: Date): Promise<ProfileRead> {
  const fileName = profileFileName(id)
  const file = join(dir, fileName)
  let text: string
  try {
    // Never more than a profile can be, and only a regular file (a FIFO put in the folder must not hang the app).
    text = (await readRegularFile(file, { maxBytes: MAX_PROFILE_FILE_BYTES, what: 'a profile' })).toString('utf8')
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error
    if (error.problem === 'missing') return { kind: 'missing' }
    if (error.problem === 'too-large') return setAside(dir, fileName, `it is ${error.size === null ? `more than ${formatBytes(MAX_PROFILE_FILE_BYTES)}` : formatBytes(error.size)}, far larger than a profile can be`, now)
    const why = unreadableReason(error)
    return {
      kind: 'problem',
      problem: {
        kind: 'unreadable',
        file: fileName,
        keptAs: null,
        message: `The profile ${fileName} could not be opened (${why}). Check that you can read ${dir}, then restart the app. The other profiles work as usual.`,
      },
    }
  }

  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return setAside(dir, fileName, 'it is not valid JSON', now)
  }
  const migrated = migrateDocument(raw, PROFILE_SCHEMA_VERSION, PROFILE_MIGRATIONS)
  if (migrated.kind === 'newer') {
    const name = (raw as { name?: unknown }).name
    const called = typeof name === 'string' ? ` “${redactThenShorten(name, 100)}”` : ''
    return {
      kind: 'problem',
      problem: {
        kind: 'newer-version',
        file: fileName,
        keptAs: null,
        message: `The profile${called} (${fileName}) was saved by a newer version of Dialpad SSO Assistant. Update the app to open it; until then this version leaves it untouched.`,
      },
    }
  }
  if (migrated.kind === 'unversioned') return setAside(dir, fileName, 'it has no valid schema version', now)
  const parsed = ProfileDocument.safeParse(migrated.document)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? ` at "${issue.path.join('.')}"` : ''
    return setAside(dir, fileName, `its content is not valid${where}: ${issue.message}`, now)
  }
  if (parsed.data.id !== id) return setAside(dir, fileName, `it holds the profile ${parsed.data.id}, not ${id} as its name says`, now)
  return { kind: 'ok', profile: profileOf(parsed.data) }
}

async function setAside(dir: string, fileName: string, reason: string, now: Date): Promise<ProfileRead> {
  // The random part keeps two damaged copies of one profile from ever replacing each other.
  const keptAs = `${fileName.replace(/\.json$/, '')}.damaged-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.json`
  try {
    await rename(join(dir, fileName), join(dir, keptAs))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    return {
      kind: 'problem',
      problem: {
        kind: 'unreadable',
        file: fileName,
        keptAs: null,
        message: `The profile ${fileName} cannot be used because ${reason}, and it could not be moved aside (${(error as NodeJS.ErrnoException).code ?? 'rename failed'}). Check that you can write to ${dir}, then restart the app. The other profiles work as usual.`,
      },
    }
  }
  return {
    kind: 'problem',
    problem: {
      kind: 'set-aside',
      file: fileName,
      keptAs,
      message: `The profile ${fileName} could not be used because ${reason}. It was kept as ${keptAs} in ${dir} for support; the other profiles work as usual.`,
    },
  }
}
