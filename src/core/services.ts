import type { Handlers } from '../shared/contract'
import type { ClipboardPort } from './clipboard'
import { deriveSpValues } from '../shared/spValues'
import { importCertificate } from './saml/certificateImport'
import { importIdpMetadata } from './saml/metadataImport'
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
    'certificate.import': async (source) =>
      importCertificate(
        source.source === 'text' ? { text: source.text } : { bytes: Buffer.from(source.base64, 'base64'), fileName: source.fileName },
      ),
    'metadata.import': async ({ fileName, text }) => importIdpMetadata(fileName, text),
  }
}
