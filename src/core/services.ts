import type { Handlers } from '../shared/contract'
import type { ClipboardPort } from './clipboard'
import { deriveSpValues } from './dialpad/spValues'
import { SetupStore } from './setup/setupStore'

export interface ServiceOptions {
  /** The app's data folder (Electron's userData, or a folder chosen by tests and the CLI). */
  dataDir: string
  clipboard: ClipboardPort
}

/** Core's implementation of every contract method; transports call these through dispatch(). */
export function createServices({ dataDir, clipboard }: ServiceOptions): Handlers {
  const setup = new SetupStore(dataDir)
  return {
    'sp.derive': async ({ domain, env }) => deriveSpValues(domain, env),
    'setup.load': async () => setup.load(),
    'setup.save': async ({ state }) => setup.save(state),
    'clipboard.copy': async ({ text }) => {
      clipboard.writeText(text)
      return { copied: true }
    },
  }
}
