/** How a configuration bundle file is named and how large it may be. Plain values, no zod (see limits.ts). */
export const BUNDLE_FILE_SUFFIX = '.dialpad-sso.json'
/** A complete bundle is 10–50 KiB; a few certificates and many check runs stay far below this. */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024

/**
 * Why a profile imported from a bundle is further behind than the bundle was: said wherever an import's state is shown
 * (the import preview, `bundle validate`).
 */
export const IMPORTED_WITHOUT_KEY =
  'A bundle never holds the API key: what was done with the exporter’s key counts once it is done again with the profile’s own key.'
