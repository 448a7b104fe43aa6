import type { CertificateReport } from './certificate'
import { EXPIRY_WARNING_DAYS } from './limits'
import type { CheckStep } from './checkRun'
import { fail, pass, skip, stepFrom, type StepOutcome, warn } from './checkOutcome'
import type { SpValues } from './contract'
import { oneLine } from './displayText'
import { checkIdpEntityId, checkIdpSsoUrl } from './idpValues'
import type { CopiedSpValues, IdpState } from './setupState'
import { plural } from './plural'

export interface SamlCrossCheckInput {
  /** The SP values for the domain and environment the admin chose, or null while the domain is invalid. */
  sp: SpValues | null
  spCopiedToJumpCloud: CopiedSpValues | null
  idp: IdpState
  /** The report for idp.certificate, or null when there is none. */
  certificate: CertificateReport | null
}

/** Every cross-check compares values the admin entered or imported, no fact about the services, so each decides. */
const step = (id: string, title: string, outcome: StepOutcome): CheckStep => stepFrom({ id, title }, outcome)

/**
 * Compares the values on both sides of the SAML setup without any network: each mismatch names the
 * console and field to fix. Run on every change; the result is shown as the summary card.
 */
export function crossCheckSaml(input: SamlCrossCheckInput): CheckStep[] {
  return [
    step('sp-values-in-jumpcloud', 'The SP values copied for JumpCloud are for your domain', spValuesInJumpCloud(input)),
    step('idp-values-complete', 'The IdP values for Dialpad are complete', idpValuesComplete(input)),
    step('idp-values-match-metadata', 'The IdP values match JumpCloud’s metadata', idpValuesMatchMetadata(input)),
    step('certificate-matches-metadata', 'The certificate is the one in JumpCloud’s metadata', certificateMatchesMetadata(input)),
    step('certificate-lifetime', `The certificate is valid for at least ${EXPIRY_WARNING_DAYS} more days`, certificateLifetime(input)),
  ]
}

function spValuesInJumpCloud({ sp, spCopiedToJumpCloud: copied }: SamlCrossCheckInput): StepOutcome {
  if (!sp) return fail('The company domain is missing or invalid.', 'Enter your company domain in “Enable SAML in Dialpad”.')
  if (!copied) {
    return warn(
      'The SP values were not copied from this app, so it cannot tell what JumpCloud has.',
      'In “Configure the Dialpad app in JumpCloud”, copy the SP Entity ID and ACS URL and paste them into JumpCloud’s SSO tab.',
    )
  }
  const wrong = [
    copied.spEntityId !== sp.spEntityId ? `SP Entity ID to ${sp.spEntityId}` : null,
    copied.acsUrl !== sp.acsUrl ? `ACS URL to ${sp.acsUrl}` : null,
  ].filter((text): text is string => text !== null)
  if (wrong.length === 0) return pass(`SP Entity ID and ACS URL copied for ${sp.domain} (${sp.host}).`)
  return fail(
    `The values copied to JumpCloud were for ${copied.spEntityId}, but your domain and environment now give ${sp.spEntityId}.`,
    `In JumpCloud, open the Dialpad app's SSO tab and set ${wrong.join(' and ')}, then Save.`,
  )
}

function idpValuesComplete({ idp }: SamlCrossCheckInput): StepOutcome {
  const problems = [
    checkIdpEntityId(idp.entityIdInput).error,
    checkIdpSsoUrl(idp.ssoUrlInput).error,
    idp.certificate ? null : 'Import the IDP Certificate from JumpCloud.',
  ].filter((text): text is string => text !== null)
  if (problems.length === 0) return pass('IdP Entity ID, IdP SSO URL and certificate are all filled in.')
  return fail(`${problems.length} of 3 values missing or invalid.`, problems.join(' '))
}

function idpValuesMatchMetadata({ idp }: SamlCrossCheckInput): StepOutcome {
  const metadata = idp.metadata
  if (!metadata) return skip('No JumpCloud metadata file imported, so there is nothing to compare with.')
  const ssoUrl = checkIdpSsoUrl(idp.ssoUrlInput).value
  const differences = [
    idp.entityIdInput !== metadata.entityId ? `IdP Entity ID is “${oneLine(idp.entityIdInput, 200)}” but the metadata says “${oneLine(metadata.entityId, 200)}”` : null,
    ssoUrl !== metadata.ssoUrl ? `IdP SSO URL is ${oneLine(ssoUrl, 300) || '(empty)'} but the metadata says ${oneLine(metadata.ssoUrl, 300)}` : null,
  ].filter((text): text is string => text !== null)
  if (differences.length === 0) return pass(`Both match ${oneLine(metadata.fileName, 200)}.`)
  return fail(
    `${differences.join('; ')}.`,
    'Use the values from the Dialpad app’s SSO tab in JumpCloud (import its metadata again), or export fresh metadata if the app was changed.',
  )
}

function certificateMatchesMetadata({ idp }: SamlCrossCheckInput): StepOutcome {
  const metadata = idp.metadata
  if (!metadata) return skip('No JumpCloud metadata file imported, so there is nothing to compare with.')
  if (!idp.certificate) return fail('No certificate chosen yet.', 'Import the IDP Certificate, or pick one of the metadata’s certificates.')
  if (metadata.signingCertificates.includes(idp.certificate)) return pass(`The certificate is a signing certificate in ${oneLine(metadata.fileName, 200)}.`)
  return fail(
    `The certificate for Dialpad is not one of the ${plural(metadata.signingCertificates.length, 'signing certificate')} in ${oneLine(metadata.fileName, 200)}.`,
    'Download the IDP Certificate of the Dialpad app in JumpCloud again (or pick the metadata’s certificate), so Dialpad checks logins with the key JumpCloud signs them with.',
  )
}

function certificateLifetime({ certificate }: SamlCrossCheckInput): StepOutcome {
  if (!certificate) return fail('No certificate chosen yet.', 'Import the IDP Certificate from JumpCloud.')
  const days = certificate.daysToExpiry
  const until = certificate.notAfter.slice(0, 10)
  // A warning, not a failure: whether Dialpad refuses logins signed with a certificate outside its dates is not
  // documented (docs/service-facts.md), and many service providers do not look at them.
  if (days < 0 || certificate.warnings.some((warning) => warning.code === 'not-yet-valid')) {
    return warn(
      `${days < 0 ? `The certificate expired on ${until}.` : `The certificate is not valid before ${certificate.notBefore.slice(0, 10)}.`} Whether Dialpad refuses logins signed with it is not documented; JumpCloud asks admins to regenerate a certificate before it expires.`,
      'In JumpCloud, create a new certificate for the Dialpad app, then import it here and paste it into Dialpad.',
    )
  }
  if (days < EXPIRY_WARNING_DAYS) {
    return warn(
      `The certificate expires on ${until}, in ${plural(days, 'day')}.`,
      'Plan the rotation now: in JumpCloud, create a new certificate for the Dialpad app and update Dialpad’s Certificate field the same day.',
    )
  }
  return pass(`Valid until ${until} (${plural(days, 'day')}).`)
}
