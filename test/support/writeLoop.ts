// Child process for the crash-safety test: saves the setup in a tight loop until killed.
import { SetupStore } from '../../src/core/setup/setupStore'
import { SAMPLE_SETUP } from './sampleSetup'

async function writeForever(dataDir: string): Promise<never> {
  const store = new SetupStore(dataDir)
  for (let i = 0; ; i += 1) {
    // Varying content so a torn write would show up as broken JSON or a mismatched document.
    await store.save({ ...SAMPLE_SETUP, domainInput: `example${i}.com`, checklist: { [`item.${i % 400}`]: true } })
    // Only after a first complete save, so a kill on a busy machine never finds the folder still empty.
    if (i === 0) process.stdout.write('ready\n')
  }
}

void writeForever(process.argv[2])
