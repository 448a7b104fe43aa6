import { isSha1Algorithm, xmlDsigAlgorithmName } from '../../../../shared/ssoResponse'
import { inJumpCloudSsoTab } from '../consoles'
import type { FieldCheckContext } from './context'
import { type StepOutcome, pass, warn } from '../../../../shared/checkOutcome'

export const SIGNATURE_ALGORITHM_STEP = { id: 'signature-algorithm', title: 'The signature uses SHA-256' }

/** RSA-SHA256 is today's baseline; SHA-1 still verifies but is outdated and forgeable with enough effort. */
export function checkSignatureAlgorithm({ response, verification }: FieldCheckContext): StepOutcome {
  const verified = response.signatures.filter((signature) => verification[signature.element] === 'verified')
  const algorithms = [...new Set(verified.flatMap((signature) => [signature.signatureAlgorithm, ...signature.digestAlgorithms]))].filter(
    (uri): uri is string => uri !== null,
  )
  const names = algorithms.map(xmlDsigAlgorithmName).join(', ')
  if (algorithms.some(isSha1Algorithm)) {
    return warn(`Signed with ${names}. SHA-1 is outdated: signatures made with it can be forged with enough effort.`, inJumpCloudSsoTab('set Signature Algorithm to RSA-SHA256'))
  }
  return pass(`Signed with ${names}.`)
}
