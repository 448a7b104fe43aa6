import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUNDLE_FILE_SUFFIX } from '../../src/shared/bundle'
import { icnsEntries, icnsFile, icoFile, icoSizes, pngSize, renderPng } from '../../scripts/packaging/icons'
import { macSigningArgs } from '../../scripts/packaging/macSigning'
import { exportTarget, requiredSpecifiers, sandboxedPreloadProblems } from '../../scripts/packaging/packedApp'

const ROOT = join(__dirname, '../..')
const builderConfig = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'))
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

describe('packaging', () => {
  it('declares the bundle file type, so "Open with" and a double-click hand bundles to the app', () => {
    expect(builderConfig.fileAssociations).toEqual([
      expect.objectContaining({ ext: BUNDLE_FILE_SUFFIX.slice(1), mimeType: 'application/vnd.dialpad-sso-bundle+json', role: 'Viewer' }),
    ])
  })

  it('packages under the product name the data folder and the keychain entries are named after', () => {
    expect(builderConfig.productName).toBe(packageJson.productName)
  })

  it('has the metadata the installers show: description, author with an e-mail address, desktop name', () => {
    expect(packageJson.description).toMatch(/JumpCloud/)
    expect(packageJson.author).toEqual({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) })
    expect(packageJson.desktopName).toBe(`${builderConfig.linux.executableName}.desktop`)
    expect(builderConfig.linux).toMatchObject({ synopsis: expect.any(String), description: expect.any(String), category: 'Network', syncDesktopName: true })
  })

  it('builds AppImage and .deb on Linux, .dmg and .zip for both Mac architectures, an NSIS installer on Windows', () => {
    expect(builderConfig.linux.target.map((target: { target: string }) => target.target)).toEqual(['AppImage', 'deb'])
    expect(builderConfig.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ])
    expect(builderConfig.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(packageJson.scripts.dist).toBe('electron-vite build && tsx scripts/dist.ts')
  })

  it('packs only the built app and keeps native modules out of the asar archive', () => {
    const included = builderConfig.files.filter((pattern: string) => !pattern.startsWith('!'))
    expect(included).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png', 'package.json'])
    expect(builderConfig.asarUnpack).toEqual(['**/*.node'])
  })

  it('Windows: installs per machine, the way electron-builder registers file types, and lists the app under "Open with" for .json', () => {
    expect(builderConfig.nsis).toMatchObject({ oneClick: false, perMachine: true, include: 'resources/windows/installer.nsh' })
    const script = read(builderConfig.nsis.include)
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? ''
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? ''
    expect(install).toContain('WriteRegNone SHELL_CONTEXT "Software\\Classes\\.json\\OpenWithProgids" "${DPSSO_BUNDLE_PROGID}"')
    expect(install).toContain(`'"$appExe" "%1"'`)
    // Never the default program for .json: nothing writes the default value of the .json key.
    expect(install).not.toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\.json" ""/)
    expect(uninstall).toContain('DeleteRegValue SHELL_CONTEXT "Software\\Classes\\.json\\OpenWithProgids" "${DPSSO_BUNDLE_PROGID}"')
    expect(uninstall).toContain('DeleteRegKey SHELL_CONTEXT "Software\\Classes\\${DPSSO_BUNDLE_PROGID}"')
  })

  it('macOS: hardened runtime with only the JIT entitlements, and the app offered for JSON documents without becoming their default', () => {
    expect(builderConfig.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/mac/entitlements.mac.plist', entitlementsInherit: 'resources/mac/entitlements.mac.plist' })
    const entitlements = [...read(builderConfig.mac.entitlements).matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1])
    expect(entitlements).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.allow-unsigned-executable-memory'])
    expect(builderConfig.mac.notarize).toBeUndefined() // electron-builder notarizes when the APPLE_* credentials are set
    expect(builderConfig.mac.extendInfo.CFBundleDocumentTypes).toEqual([expect.objectContaining({ LSItemContentTypes: ['public.json'], LSHandlerRank: 'Alternate', CFBundleTypeRole: 'Viewer' })])
  })

  it('macOS without a Developer ID: ad-hoc signed without the hardened runtime, never left unsigned ("damaged" once downloaded)', () => {
    const adHoc = ['-c.mac.identity=-', '-c.mac.hardenedRuntime=false']
    const keychainWith = (lines: string) => () => lines
    const developerId = keychainWith('  1) 0123ABCD "Developer ID Application: Example Inc (TEAM123456)"\n     1 valid identities found')
    expect(macSigningArgs({}, keychainWith('     0 valid identities found'))).toEqual(adHoc)
    expect(macSigningArgs({}, keychainWith('  1) 0123ABCD "Apple Development: admin@example.com (TEAM123456)"'))).toEqual(adHoc)
    // What the release workflow sets without the signing secrets (CSC_LINK empty, discovery off).
    expect(macSigningArgs({ CSC_LINK: '', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, developerId)).toEqual(adHoc)
    // A Developer ID, given or in the keychain, signs as electron-builder.json says (hardened runtime, entitlements).
    expect(macSigningArgs({ CSC_LINK: 'developer-id.p12' }, keychainWith(''))).toEqual([])
    expect(macSigningArgs({ CSC_NAME: 'Example Inc (TEAM123456)' }, keychainWith(''))).toEqual([])
    expect(macSigningArgs({}, developerId)).toEqual([])
  })

  it('Linux: the .deb ships an AppArmor profile for the installed executable', () => {
    const profile = read(builderConfig.deb.appArmorProfile)
    expect(profile).toContain('profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined)')
    expect(profile).toMatch(/^\s*userns,$/m)
    expect(profile).toContain('abi <abi/4.0>')
  })

  it('takes every icon from resources/icon.svg at build time', () => {
    expect(existsSync(join(ROOT, 'resources/icon.svg'))).toBe(true)
    expect([builderConfig.mac.icon, builderConfig.win.icon, builderConfig.linux.icon]).toEqual(['out/icons/icon.icns', 'out/icons/icon.ico', 'out/icons/png'])
  })
})

describe('icon files', () => {
  const svg = read('resources/icon.svg')
  const small = renderPng(svg, 16)
  const large = renderPng(svg, 256)

  it('renders the SVG at the exact size asked for', () => {
    expect(pngSize(small)).toEqual({ width: 16, height: 16 })
    expect(pngSize(large)).toEqual({ width: 256, height: 256 })
  })

  it('writes .ico and .icns files that read back with their sizes', () => {
    expect(icoSizes(icoFile([{ size: 16, png: small }, { size: 256, png: large }]))).toEqual([16, 256])
    expect(icnsEntries(icnsFile([{ type: 'icp4', png: small }, { type: 'ic08', png: large }]))).toEqual([
      { type: 'icp4', size: 16 },
      { type: 'ic08', size: 256 },
    ])
  })
})

describe('reading a packed app the way Node does', () => {
  it('finds plain requires and createRequire(...)("x") in a bundle, and reports dynamic imports apart', () => {
    const bundle = 'const a = require("undici");\nreturn (0, node_module.createRequire)(require("url").pathToFileURL(__filename).href)("keytar");\nawait import("keytar")'
    expect(requiredSpecifiers(bundle)).toEqual({ required: ['undici', 'url', 'keytar'], imported: ['keytar'] })
  })

  it('accepts a preload a sandboxed renderer can load, and names every module one cannot', () => {
    expect(sandboxedPreloadProblems('let electron = require("electron"); const { EventEmitter } = require("node:events")')).toEqual([])
    expect(sandboxedPreloadProblems('require("electron"); require("./chunks/methods.js"); require("zod"); require("node:fs"); import("electron")')).toEqual([
      'the preload requires "./chunks/methods.js", which a sandboxed preload cannot load',
      'the preload requires "zod", which a sandboxed preload cannot load',
      'the preload requires "node:fs", which a sandboxed preload cannot load',
      'the preload imports "electron", and a sandboxed preload has no ES-module loader',
    ])
  })

  it('follows package.json "exports" for require(): conditions, subpaths and patterns', () => {
    const zodLike = { '.': { import: './index.js', require: './index.cjs' }, './mini': { require: './mini/index.cjs' }, './locales/*': { require: './locales/*.cjs' } }
    expect(exportTarget(zodLike, '.')).toBe('./index.cjs')
    expect(exportTarget(zodLike, './mini')).toBe('./mini/index.cjs')
    expect(exportTarget(zodLike, './locales/en')).toBe('./locales/en.cjs')
    expect(exportTarget(zodLike, './internal')).toBeNull()
    expect(exportTarget('./main.js', '.')).toBe('./main.js')
    expect(exportTarget({ node: { require: './node.cjs' }, default: './browser.js' }, '.')).toBe('./node.cjs')
    expect(exportTarget({ import: './only-esm.mjs' }, '.')).toBeNull()
  })
})
