/**
 * How much the app reads and how much it tolerates, applied alike by the renderer (before sending) and core (on
 * receipt). Plain numbers, no zod: the renderer imports them without loading the schema library (see the renderer's
 * first-load size printed by the build).
 */

/** A corporate root CA file is a few KiB; anything this large is not one. */
export const MAX_CA_PEM_BYTES = 256 * 1024

export const MAX_PROFILE_NAME_LENGTH = 100
export const MAX_PROFILE_NOTES_LENGTH = 20_000

/**
 * The largest SAML response the app reads, as pasted or loaded (base64 or XML text). A JumpCloud response is
 * 5–15 KiB; even one with hundreds of attributes stays far below this.
 */
export const MAX_SAML_RESPONSE_BYTES = 512 * 1024

/**
 * How far the clocks of JumpCloud, Dialpad and this computer may disagree before an assertion counts as expired or
 * not yet valid. Stated in the UI next to the time-window check.
 */
export const ASSERTION_CLOCK_SKEW_MS = 2 * 60_000

/** The largest certificate input (paste or file) the app reads; a real IdP certificate is 1–3 KiB. */
export const MAX_CERTIFICATE_INPUT_BYTES = 64 * 1024

/** A certificate closer than this to its end date gets a warning (the admin should plan a rotation). */
export const EXPIRY_WARNING_DAYS = 30

/** JumpCloud's metadata export is about 3 KiB; anything this large is not IdP metadata. */
export const MAX_METADATA_BYTES = 256 * 1024

/** More company email domains than a company plausibly has; keeps a hand-edited file from growing without bound. */
export const MAX_OTHER_EMAIL_DOMAINS = 50
