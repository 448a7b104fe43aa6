import { z } from 'zod'
import { CertificateReport } from './certificate'

export { MAX_METADATA_BYTES } from './limits'

/** What the app read from JumpCloud's "Export Metadata" file. */
export const MetadataImport = z.object({
  fileName: z.string(),
  entityId: z.string(),
  ssoUrl: z.string(),
  ssoBinding: z.enum(['HTTP-Redirect', 'HTTP-POST']),
  /** Every signing certificate, in document order (several during a certificate rotation). */
  certificates: z.array(CertificateReport),
  /** The one to use unless the admin picks another: the one valid longest. */
  suggestedCertificateIndex: z.number().int(),
})
export type MetadataImport = z.infer<typeof MetadataImport>
