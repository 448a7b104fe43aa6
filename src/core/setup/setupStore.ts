import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { formatBytes } from '../../shared/byteSize'
import { SETUP_SCHEMA_VERSION, SetupDocument, type SetupState } from '../../shared/setupState'
import type { SetupLoadResult } from '../../shared/contract'
import { isTempFileOf, writeFileAtomic } from '../storage/atomicWrite'
import { type Migration, migrateDocument } from '../storage/migrateDocument'
import { SETUP_MIGRATIONS } from './setupMigrations'
import { UserFacingError } from '../userFacingError'
import { InputFileError, readRegularFile, unreadableReason } from '../files/boundedRead'

const FILE_NAME = 'setup.json'
const MAX_FILE_BYTES = 1024 * 1024
/** migrations[n] upgrades a version-n document to n + 1: its setup, by the one list of setup migrations. */
const MIGRATIONS: Readonly<Record<number, Migration>> = Object.fromEntries(
  Object.entries(SETUP_MIGRATIONS).map(([version, migrate]) => [version, (document: Record<string, unknown>) => ({ ...document, setup: migrate(document.setup as Record<string, unknown>) })]),
)

/** Main's durable copy of the wizard state, one JSON document in the app's data folder. */
export class SetupStore {
  private writes: Promise<unknown> = Promise.resolve()
  /** Set when the saved file belongs to a newer app: it is left exactly as it is and nothing is saved over it. */
  private newerVersionOnDisk = false

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get file(): string {
    return join(this.dataDir, FILE_NAME)
  }

  async load(): Promise<SetupLoadResult> {
    await this.removeTempFilesLeftByACrash()
    let text: string
    try {
      text = (await readRegularFile(this.file, { maxBytes: MAX_FILE_BYTES, what: 'a saved setup' })).toString('utf8')
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error
      if (error.problem === 'missing') return { state: null, notice: null }
      if (error.problem === 'too-large') return this.setAside(`it is ${error.size === null ? `more than ${formatBytes(MAX_FILE_BYTES)}` : formatBytes(error.size)}, far larger than a setup can be`)
      const why = unreadableReason(error)
      throw new UserFacingError(`Your saved setup could not be opened (${why}). Check that you can read ${this.file}, then restart the app.`)
    }

    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return this.setAside('it is not valid JSON')
    }
    const migrated = migrateDocument(raw, SETUP_SCHEMA_VERSION, MIGRATIONS)
    if (migrated.kind === 'newer') {
      this.newerVersionOnDisk = true
      return {
        state: null,
        notice: `Your saved setup was written by a newer version of Dialpad SSO Assistant. Update the app to continue it. Until then this version leaves ${this.file} untouched and does not save your changes.`,
      }
    }
    if (migrated.kind === 'unversioned') return this.setAside('it has no valid schema version')

    const parsed = SetupDocument.safeParse(migrated.document)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue.path.length ? ` at "${issue.path.join('.')}"` : ''
      return this.setAside(`its content is not valid${where}: ${issue.message}`)
    }
    return { state: parsed.data.setup, notice: null }
  }

  save(state: SetupState): Promise<{ savedAt: string }> {
    if (this.newerVersionOnDisk) {
      return Promise.reject(
        new UserFacingError('Not saved: your saved setup belongs to a newer version of Dialpad SSO Assistant. Update the app to keep working on it.'),
      )
    }
    const run = async () => {
      const savedAt = this.now().toISOString()
      const document: SetupDocument = { schemaVersion: SETUP_SCHEMA_VERSION, savedAt, setup: state }
      try {
        await mkdir(this.dataDir, { recursive: true, mode: 0o700 })
        await writeFileAtomic(this.file, `${JSON.stringify(document, null, 2)}\n`)
      } catch (error) {
        throw new UserFacingError(
          `Your progress could not be saved (${(error as NodeJS.ErrnoException).code ?? 'write error'}). Check there is free disk space and that you can write to ${this.dataDir}.`,
        )
      }
      return { savedAt }
    }
    // Saves run one after another so the last state the admin produced is the one on disk.
    const next = this.writes.then(run, run)
    this.writes = next.catch(() => undefined)
    return next
  }

  /** Runs at start-up only (the app is single-instance), so no temp file here belongs to a live write. */
  private async removeTempFilesLeftByACrash(): Promise<void> {
    const names = await readdir(this.dataDir).catch(() => [])
    await Promise.all(
      names.filter((name) => isTempFileOf(FILE_NAME, name)).map((name) => rm(join(this.dataDir, name), { force: true })),
    )
  }

  /** Keeps an unusable file under a new name (never overwritten) and explains what happened. */
  private async setAside(reason: string): Promise<SetupLoadResult> {
    const keptAs = `setup.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}.json`
    try {
      await rename(this.file, join(this.dataDir, keptAs))
    } catch (error) {
      throw new UserFacingError(
        `Your saved setup cannot be used because ${reason}, and it could not be moved aside (${(error as NodeJS.ErrnoException).code ?? 'rename failed'}). Check that you can write to ${this.dataDir}, then restart the app.`,
      )
    }
    return {
      state: null,
      notice: `Your saved setup could not be used because ${reason}, so the wizard starts fresh. The file was kept as ${keptAs} in ${this.dataDir} for support.`,
    }
  }
}
