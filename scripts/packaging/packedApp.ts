/**
 * Reads an app packed by electron-builder (the folder holding resources/app.asar) the way Electron will: files from
 * the asar archive, native modules from app.asar.unpacked, and `require` resolved by Node's rules inside it.
 * Used by scripts/package-check.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix } from 'node:path'
import { extractFile, listPackage, statFile } from '@electron/asar'

export interface PackedApp {
  resourcesDir: string
  asarPath: string
  /** Every file in the archive, as posix paths without a leading slash ("out/main/index.js"). */
  files: Set<string>
  /** Files electron-builder left outside the archive (app.asar.unpacked): native modules. */
  unpacked: Set<string>
  read(file: string): Buffer
}

export function openPackedApp(resourcesDir: string): PackedApp {
  const asarPath = join(resourcesDir, 'app.asar')
  const files = new Set<string>()
  const unpacked = new Set<string>()
  for (const entry of listPackage(asarPath, { isPack: false })) {
    const file = entry.replaceAll('\\', '/').replace(/^\/+/, '')
    const stat = statFile(asarPath, file, true) as { files?: unknown; unpacked?: boolean }
    if (stat.files) continue // a folder
    files.add(file)
    if (stat.unpacked) unpacked.add(file)
  }
  return { resourcesDir, asarPath, files, unpacked, read: (file) => extractFile(asarPath, file, true) }
}

/** The top-level packages inside the archive ("undici", "@node-saml/node-saml"), nested copies included. */
export function packagesIn(app: PackedApp): Set<string> {
  const names = new Set<string>()
  for (const file of app.files) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file)
    if (match) names.add(match[1])
  }
  return names
}

/**
 * The module specifiers a bundle loads with require(): plain `require("x")`, and createRequire(...)("x") as the
 * main bundle loads keytar. Dynamic import() of a package is reported separately: main must not use it.
 */
export function requiredSpecifiers(code: string): { required: string[]; imported: string[] } {
  const required = new Set<string>()
  for (const match of code.matchAll(/\brequire\(\s*(["'])([^"'\n]+)\1\s*\)/g)) required.add(match[2])
  for (const match of code.matchAll(/createRequire\)?\([^;\n]*?\)\)?\(\s*(["'])([^"'\n]+)\1\s*\)/g)) required.add(match[2])
  const imported = [...code.matchAll(/\bimport\(\s*(["'])([^"'\n]+)\1\s*\)/g)].map((match) => match[2])
  return { required: [...required], imported }
}

/**
 * What the require() of a sandboxed preload can load (Electron's "Process Sandboxing" guide): electron and three Node
 * built-ins, with or without "node:". It loads no other file, relative or from node_modules, and no ES module, so
 * the preload must be one self-contained bundle.
 */
export const SANDBOXED_PRELOAD_MODULES = ['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']

/** Why a preload bundle would fail to load in a sandboxed renderer: each module it loads that the sandbox lacks. */
export function sandboxedPreloadProblems(code: string): string[] {
  const { required, imported } = requiredSpecifiers(code)
  return [
    ...required.filter((specifier) => !SANDBOXED_PRELOAD_MODULES.includes(specifier)).map((specifier) => `the preload requires "${specifier}", which a sandboxed preload cannot load`),
    ...imported.map((specifier) => `the preload imports "${specifier}", and a sandboxed preload has no ES-module loader`),
  ]
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])

export function isBuiltin(specifier: string): boolean {
  return BUILTINS.has(specifier) || specifier.startsWith('node:') || specifier === 'electron' || specifier.startsWith('electron/')
}

export function packageNameOf(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/')
  const length = specifier.startsWith('@') ? 2 : 1
  return { name: parts.slice(0, length).join('/'), subpath: parts.length > length ? `./${parts.slice(length).join('/')}` : '.' }
}

interface PackageJson {
  name?: string
  main?: string
  exports?: unknown
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** Node's file lookup: the path itself, with .js/.json/.node added, or a folder's index. */
function resolveFile(app: PackedApp, path: string): string | null {
  const candidates = [path, `${path}.js`, `${path}.json`, `${path}.node`, `${path}/index.js`, `${path}/index.json`]
  return candidates.map((candidate) => posix.normalize(candidate)).find((candidate) => app.files.has(candidate)) ?? null
}

const CONDITIONS = ['require', 'node', 'default']

/** The target of `subpath` in a package.json "exports" field for require() under Node (null when not exported). */
export function exportTarget(exports: unknown, subpath: string): string | null {
  if (typeof exports === 'string') return subpath === '.' ? exports : null
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const target = exportTarget(item, subpath)
      if (target) return target
    }
    return null
  }
  if (!exports || typeof exports !== 'object') return null
  const entries = Object.entries(exports as Record<string, unknown>)
  if (entries.some(([key]) => key.startsWith('.'))) {
    const exact = entries.find(([key]) => key === subpath)
    if (exact) return exportTarget(exact[1], '.')
    for (const [key, value] of entries) {
      const star = key.indexOf('*')
      if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue
      const target = exportTarget(value, '.')
      return target?.replaceAll('*', subpath.slice(star, subpath.length - (key.length - star - 1))) ?? null
    }
    return null
  }
  for (const [condition, value] of entries) {
    if (!CONDITIONS.includes(condition)) continue
    const target = exportTarget(value, subpath)
    if (target) return target
  }
  return null
}

export interface ResolvedPackage {
  name: string
  /** The package's folder inside the archive ("node_modules/undici"). */
  dir: string
  /** The file require() loads. */
  entry: string
  json: PackageJson
}

/** Resolves a bare specifier from a folder inside the archive, walking up through node_modules as Node does. */
export function resolvePackage(app: PackedApp, fromDir: string, specifier: string): ResolvedPackage | null {
  const { name, subpath } = packageNameOf(specifier)
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const base = dir === '.' || dir === '' ? '' : `${dir}/`
    const packageDir = `${base}node_modules/${name}`
    if (app.files.has(`${packageDir}/package.json`)) {
      const json = JSON.parse(app.read(`${packageDir}/package.json`).toString('utf8')) as PackageJson
      let entry: string | null
      if (json.exports !== undefined) {
        const target = exportTarget(json.exports, subpath)
        entry = target ? resolveFile(app, posix.join(packageDir, target)) : null
      } else if (subpath === '.') {
        entry = (json.main ? resolveFile(app, posix.join(packageDir, json.main)) : null) ?? resolveFile(app, `${packageDir}/index`)
      } else {
        entry = resolveFile(app, posix.join(packageDir, subpath))
      }
      return entry ? { name, dir: packageDir, entry, json } : null
    }
    if (dir === '.' || dir === '' || dir === '/') return null
  }
}

export interface RequireProblem {
  specifier: string
  from: string
}

/**
 * Resolves every package `entryFile` requires, then every dependency those packages declare, transitively, from where
 * each sits in the archive. `skipDependency` leaves out dependencies a package needs only to be built or installed.
 * Returns the packages reached and what could not be resolved.
 */
export function resolveRequireGraph(
  app: PackedApp,
  entryFile: string,
  skipDependency: (fromPackage: string, dependency: string) => boolean,
): { reached: Map<string, ResolvedPackage>; problems: RequireProblem[] } {
  const reached = new Map<string, ResolvedPackage>()
  const problems: RequireProblem[] = []
  const entryDir = posix.dirname(entryFile)
  const queue: Array<{ specifier: string; fromDir: string; from: string }> = []
  const scanned = new Set<string>()
  const scanCode = (file: string) => {
    if (scanned.has(file)) return
    scanned.add(file)
    for (const specifier of requiredSpecifiers(app.read(file).toString('utf8')).required) {
      if (isBuiltin(specifier)) continue
      if (specifier.startsWith('.')) {
        const local = resolveFile(app, posix.join(posix.dirname(file), specifier))
        if (local) scanCode(local)
        else problems.push({ specifier, from: file })
        continue
      }
      queue.push({ specifier, fromDir: entryDir, from: file })
    }
  }
  scanCode(entryFile)
  while (queue.length > 0) {
    const { specifier, fromDir, from } = queue.shift()!
    const resolved = resolvePackage(app, fromDir, specifier)
    if (!resolved) {
      problems.push({ specifier, from })
      continue
    }
    if (reached.has(resolved.dir)) continue
    reached.set(resolved.dir, resolved)
    const optional = new Set(Object.keys(resolved.json.optionalDependencies ?? {}))
    for (const dependency of Object.keys({ ...resolved.json.dependencies, ...resolved.json.optionalDependencies })) {
      if (skipDependency(resolved.name, dependency)) continue
      if (optional.has(dependency) && !resolvePackage(app, resolved.dir, dependency)) continue
      queue.push({ specifier: dependency, fromDir: resolved.dir, from: `${resolved.name} (package.json dependencies)` })
    }
  }
  return { reached, problems }
}

/** Total size in bytes of the files under a folder. */
export function folderBytes(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0)
}

export function unpackedFileExists(app: PackedApp, file: string): boolean {
  return existsSync(join(app.resourcesDir, 'app.asar.unpacked', file))
}
