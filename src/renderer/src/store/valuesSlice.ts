import type { StateCreator } from 'zustand'
import type { CertificateReport } from '../../../shared/certificate'
import type { MethodInput, MethodOutput, SpValues } from '../../../shared/contract'
import { fileAsBase64 } from '../files/fileBytes'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

/**
 * The values the admin carries between the consoles, as core works them out: Dialpad's SP values, JumpCloud's
 * certificate and metadata read from what the admin gives, and the copy button. Nothing here changes the setup by
 * itself; the screens put a result into the setup once the admin accepts it.
 */
export interface ValuesSlice {
  deriveSpValues(domain: string, env: SpValues['env']): Promise<SpValues>
  /** Reads a certificate from a file or pasted text: one certificate, or several to choose from. */
  importCertificate(source: MethodInput<'certificate.import'>): Promise<MethodOutput<'certificate.import'>>
  /** Describes a saved certificate body as of today (dates, warnings). */
  describeCertificate(body: string): Promise<CertificateReport>
  /** Reads JumpCloud's "Export Metadata" file. */
  importMetadata(file: File): Promise<MethodOutput<'metadata.import'>>
  /** Puts a value on the clipboard, to paste into the other console. */
  copyValue(text: string): Promise<void>
}

export const createValuesSlice: StateCreator<WizardStore, [], [], ValuesSlice> = (_set, get) => {
  const request = requestFor(get)
  return {
    deriveSpValues: (domain, env) => request('sp.derive', { domain, env }),
    importCertificate: (source) => request('certificate.import', source),
    async describeCertificate(body) {
      const result = await request('certificate.import', { source: 'text', text: body })
      return result.kind === 'certificate' ? result.certificate : result.certificates[0]
    },
    importMetadata: async (file) => request('metadata.import', { fileName: file.name, base64: await fileAsBase64(file) }),
    async copyValue(text) {
      await request('clipboard.copy', { text })
    },
  }
}
