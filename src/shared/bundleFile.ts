/** How a configuration bundle file is named and how large it may be. Plain values, no zod (see limits.ts). */
export const BUNDLE_FILE_SUFFIX = '.dialpad-sso.json'
/** A complete bundle is 10–50 KiB; a few certificates and many check runs stay far below this. */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024
