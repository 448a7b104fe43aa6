import { z } from 'zod'
import { CertificateReport } from './certificate'

/** JumpCloud's metadata export is about 3 KiB; anything this large is not IdP metadata. */
export const MAX_METADATA_BYTES = 256 * 1024

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
