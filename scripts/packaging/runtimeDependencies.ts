/**
 * Which installed packages the desktop app runs, from package-lock.json: the production dependencies and theirs,
 * minus what a package needs only to be built or installed. Those are left out of the packed app
 * (electron-builder.json "files"), and scripts/package-check.ts checks both lists against each other.
 */

/** Dependencies a package declares but only uses at install time: keytar downloads or compiles its addon with them. */
const INSTALL_TIME: Record<string, readonly string[]> = { keytar: ['prebuild-install', 'node-addon-api'] }

/** Type declarations (some packages list @types/* as dependencies) and install-time helpers never run in the app. */
export function isBuildTimeDependency(fromPackage: string, dependency: string): boolean {
  return dependency.startsWith('@types/') || (INSTALL_TIME[fromPackage]?.includes(dependency) ?? false)
}

interface LockEntry {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

export interface Lockfile {
  packages: Record<string, LockEntry>
}

function nameOf(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/** Where Node finds `name` from the package at `from` ("" = the project): the nearest node_modules up the tree. */
function locate(lock: Lockfile, name: string, from: string): string | null {
  for (let base = from; ; ) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (!base) return null
    const parent = base.lastIndexOf('/node_modules/')
    base = parent < 0 ? '' : base.slice(0, parent)
  }
}

function closure(lock: Lockfile, roots: string[], skip: (fromPackage: string, dependency: string) => boolean): Set<string> {
  const seen = new Set<string>()
  const pending = roots.map((root) => locate(lock, root, '')).filter((path): path is string => path !== null)
  while (pending.length > 0) {
    const path = pending.pop()!
    if (seen.has(path)) continue
    seen.add(path)
    const entry = lock.packages[path]
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (skip(nameOf(path), dependency)) continue
      const found = locate(lock, dependency, path)
      if (found) pending.push(found)
    }
  }
  return new Set([...seen].map(nameOf))
}

export function dependencyNames(lock: Lockfile, productionDependencies: string[]): { runtime: Set<string>; buildOnly: Set<string> } {
  const runtime = closure(lock, productionDependencies, isBuildTimeDependency)
  const all = closure(lock, productionDependencies, () => false)
  return { runtime, buildOnly: new Set([...all].filter((name) => !runtime.has(name))) }
}
