// Child process for the profile crash-safety test: saves several profiles in a tight loop until killed.
import { SAMPLE_SETUP } from './sampleSetup'
import { profileStoreIn } from './profileStores'

async function writeForever(dataDir: string, ids: string[]): Promise<never> {
  const { store } = profileStoreIn(dataDir)
  await store.list()
  process.stdout.write('ready\n')
  for (let i = 0; ; i += 1) {
    // Varying sizes and content so a torn write would show up as broken JSON or a mismatched document.
    await Promise.all(
      ids.map((id, n) =>
        store.saveSetup(id, {
          ...SAMPLE_SETUP,
          domainInput: `example${i}.com`,
          checklist: Object.fromEntries(Array.from({ length: (i + n) % 300 }, (_, k) => [`item.${n}.${k}`, true])),
        }),
      ),
    )
  }
}

const [dataDir, ids] = process.argv.slice(2)
void writeForever(dataDir, ids.split(','))
