/**
 * How `npm run dist` signs the macOS app (scripts/dist.ts).
 *
 * With a Developer ID (CSC_LINK or CSC_NAME, or one in the keychain) electron-builder signs with it, with the hardened
 * runtime, and notarizes when the APPLE_* credentials are set. Without one, electron-builder leaves the app unsigned
 * ("no automatic ad-hoc fallback", its `mac.identity` documentation), and Electron's own signature no longer matches
 * the renamed app: a downloaded copy is then "damaged" to macOS, with no Open Anyway. So an unsigned build is ad-hoc
 * signed instead (identity "-"): valid but untrusted, which macOS lets the admin allow in Privacy & Security. The
 * hardened runtime is turned off for it, as electron-builder's documentation says an ad-hoc signature needs: library
 * validation would otherwise refuse the frameworks and keytar's native module (and notarization, the only reason for
 * the hardened runtime, needs a Developer ID anyway).
 */

/** The certificate kind that signs apps distributed outside the Mac App Store. */
export const DEVELOPER_ID_APPLICATION = 'Developer ID Application:'

/** electron-builder arguments for an ad-hoc signature, or none when a Developer ID will sign. */
export function macSigningArgs(env: NodeJS.ProcessEnv, keychainIdentities: () => string): string[] {
  if (env.CSC_LINK || env.CSC_NAME) return []
  const discovers = env.CSC_IDENTITY_AUTO_DISCOVERY !== 'false'
  if (discovers && keychainIdentities().includes(DEVELOPER_ID_APPLICATION)) return []
  return ['-c.mac.identity=-', '-c.mac.hardenedRuntime=false']
}
