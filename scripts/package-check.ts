/**
 * The packaging check (`npm run test:package`, part of `npm test`): builds the app, packs it with electron-builder
 * exactly as electron-builder.json says (`--linux --dir`: the app folder every Linux installer is made from), and
 * verifies what an installed app will hold:
 *   - main, preload, renderer (with every chunk the build made) and the window icon, and nothing else of the project;
 *   - the preload is one file that requires only what Electron gives a sandboxed preload (electron, events, timers, url);
 *   - native modules (keytar) outside the asar archive, where Electron loads them from, and required with require();
 *   - every package main requires, and every package those depend on, resolves inside the packed app;
 *   - no build-time package inside (tsx, esbuild, typescript, vite, vitest, playwright, electron-builder, type
 *     declarations, keytar's install helpers...): only what package-lock.json says runs;
 *   - resources at most 20 MB; the icons in every size the installers need; the .deb's AppArmor profile.
 *
 * The real Electron binary is not used: it cannot be downloaded on this project's machines (no internet besides the
 * npm registry), and packing does not run it. electronDist points at a placeholder folder (a stub `electron` and a
 * `version` file), which electron-builder copies in its place; npmRebuild is off because rebuilding keytar for
 * Electron needs Electron's headers, which cannot be downloaded either (the keytar addon built for Node is packed
 * instead: its location and loading are what is checked here, not its ABI). The release workflow
 * (.github/workflows/release.yml) builds the real installers and launches them on Linux, macOS and Windows.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, buildIcons, icnsEntries, icoSizes, pngSize } from './packaging/icons'
import { folderBytes, isBuiltin, openPackedApp, packagesIn, requiredSpecifiers, resolveRequireGraph, sandboxedPreloadProblems, unpackedFileExists } from './packaging/packedApp'
import { dependencyNames, isBuildTimeDependency, type Lockfile } from './packaging/runtimeDependencies'

const ROOT = join(__dirname, '..')
const MAX_RESOURCES_BYTES = 20 * 1024 * 1024
/** Tools that build or test the app; any of them inside the packed app is a packaging mistake. */
const BUILD_TOOLS = [
  'tsx', 'esbuild', 'typescript', 'vite', 'vitest', 'rolldown', 'electron-vite', 'electron', 'electron-builder', 'app-builder-lib',
  'playwright', 'playwright-core', '@playwright/test', 'eslint', 'typescript-eslint', 'react', 'react-dom', 'zustand',
  'prebuild-install', 'node-gyp', 'node-addon-api', '@resvg/resvg-js', '@electron/asar', 'fast-check', 'js-yaml',
]
const BUILD_TOOL_SCOPES = ['@types/', '@esbuild/', '@rolldown/', '@vitest/', '@eslint/', '@typescript-eslint/', '@playwright/']

interface Check {
  name: string
  problems: string[]
  details: string[]
}
const checks: Check[] = []
function check(name: string, run: (problems: string[], details: string[]) => void): void {
  const result: Check = { name, problems: [], details: [] }
  try {
    run(result.problems, result.details)
  } catch (error) {
    result.problems.push(error instanceof Error ? error.message : String(error))
  }
  checks.push(result)
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const timings: string[] = []
function timed<T>(label: string, run: () => T): T {
  const started = performance.now()
  const result = run()
  timings.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}

/** Every file under a folder of the working tree, as posix paths relative to the project. */
function projectFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
}

function run(command: string, args: string[]): void {
  try {
    execFileSync(process.execPath, [command, ...args], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${relative(ROOT, command)} ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: error })
  }
}

async function main(): Promise<number> {
  const started = performance.now()
  const builderConfig = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'))
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const work = mkdtempSync(join(tmpdir(), 'dpsso-package-check-'))
  try {
    timed('build', () => run(join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), ['build']))
    const icons = await buildIcons(join(ROOT, 'resources/icon.svg'), join(ROOT, 'out/icons'))

    const electronDist = join(work, 'electron-dist')
    mkdirSync(electronDist)
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "placeholder for the Electron binary (packaging check)" >&2\nexit 1\n')
    chmodSync(join(electronDist, 'electron'), 0o755)
    const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string
    writeFileSync(join(electronDist, 'version'), electronVersion)
    const output = join(work, 'dist')
    timed('pack', () =>
      run(join(ROOT, 'node_modules/electron-builder/cli.js'), [
        '--linux', 'dir', '--publish', 'never', '--config', 'electron-builder.json',
        `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`,
      ]),
    )

    const verifyStarted = performance.now()
    const appDir = join(output, 'linux-unpacked')
    const app = openPackedApp(join(appDir, 'resources'))
    const main = 'out/main/index.js'
    const mainCode = app.read(main).toString('utf8')

    check('main, preload, renderer and window icon are in the app, as built', (problems, details) => {
      const own = [...projectFiles('out/main'), ...projectFiles('out/preload'), ...projectFiles('out/renderer'), 'resources/icon.png']
      for (const file of own) {
        if (!app.files.has(file)) problems.push(`${file} is missing`)
        else if (app.read(file).length !== statSync(join(ROOT, file)).size) problems.push(`${file} differs from the build`)
      }
      // The paths main computes from its own folder (src/main/index.ts), so a moved file cannot go unnoticed.
      for (const [reference, file] of [['../preload/index.js', 'out/preload/index.js'], ['../renderer', 'out/renderer/index.html'], ['../../resources/icon.png', 'resources/icon.png']]) {
        if (!mainCode.includes(`"${reference}"`) && !mainCode.includes(`'${reference}'`)) problems.push(`main no longer refers to ${reference}`)
        if (!app.files.has(file)) problems.push(`${file}, which main loads, is missing`)
      }
      details.push(`${own.length} files of the app's own`)
    })

    check('the preload loads only what a sandboxed preload can: one file, requiring electron and no package', (problems, details) => {
      const preload = 'out/preload/index.js'
      problems.push(...sandboxedPreloadProblems(app.read(preload).toString('utf8')))
      const others = [...app.files].filter((file) => file.startsWith('out/preload/') && file !== preload)
      if (others.length > 0) problems.push(`the preload is split into ${others.join(', ')}, which a sandboxed preload cannot load`)
      details.push(`${preload} requires ${requiredSpecifiers(app.read(preload).toString('utf8')).required.join(', ') || 'nothing'}`)
    })

    check('nothing else of the project is packed (no CLI, sources, tests or build resources)', (problems) => {
      const allowed = /^(out\/(main|preload|renderer)\/|resources\/icon\.png$|package\.json$|node_modules\/)/
      for (const file of app.files) if (!allowed.test(file)) problems.push(`${file} should not be in the app`)
    })

    check('native modules are unpacked from the asar archive and keytar is loaded with require()', (problems, details) => {
      const native = [...app.files].filter((file) => file.endsWith('.node'))
      if (!native.some((file) => file.startsWith('node_modules/keytar/'))) problems.push("keytar's native module is not in the app")
      for (const file of native) {
        if (!app.unpacked.has(file) || !unpackedFileExists(app, file)) problems.push(`${file} is inside the archive, where it cannot be loaded`)
      }
      const { required, imported } = requiredSpecifiers(mainCode)
      if (!required.includes('keytar')) problems.push('main does not require("keytar")')
      const importedPackages = imported.filter((specifier) => !specifier.startsWith('.') && !isBuiltin(specifier))
      if (importedPackages.length > 0) problems.push(`main loads ${importedPackages.join(', ')} with import(): native and CommonJS packages must be required`)
      details.push(`unpacked: ${native.join(', ')}`)
    })

    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile
    const { runtime, buildOnly } = dependencyNames(lock, Object.keys(packageJson.dependencies ?? {}))
    const packed = packagesIn(app)

    check('every package main requires resolves inside the packed app, with what those packages depend on', (problems, details) => {
      const graph = resolveRequireGraph(app, main, isBuildTimeDependency)
      for (const problem of graph.problems) problems.push(`${problem.specifier} (required by ${problem.from}) does not resolve inside the app`)
      const direct = requiredSpecifiers(mainCode).required.filter((specifier) => !isBuiltin(specifier) && !specifier.startsWith('.'))
      details.push(`main requires ${direct.length} packages (${direct.join(', ')}); with their dependencies ${graph.reached.size} package folders resolve`)
      const unused = [...packed].filter((name) => ![...graph.reached.values()].some((reached) => reached.name === name))
      if (unused.length > 0) details.push(`packed but not reached from main (used only by the CLI, or optional): ${unused.join(', ')}`)
    })

    check('no build-time package is inside: only what package-lock.json says the app runs', (problems, details) => {
      for (const name of packed) {
        if (BUILD_TOOLS.includes(name) || BUILD_TOOL_SCOPES.some((scope) => name.startsWith(scope))) problems.push(`${name} is a build tool`)
        else if (!runtime.has(name)) problems.push(`${name} is not a run-time dependency (package-lock.json)`)
      }
      const leftIn = [...buildOnly].filter((name) => packed.has(name))
      if (leftIn.length > 0) {
        problems.push(`only needed to install or type-check: ${leftIn.join(', ')}. Leave them out in electron-builder.json "files" ("!**/node_modules/{${[...buildOnly].sort().join(',')}}{,/**}")`)
      }
      const missing = [...runtime].filter((name) => !packed.has(name))
      if (missing.length > 0) problems.push(`run-time dependencies missing from the app: ${missing.join(', ')}`)
      details.push(`${packed.size} packages inside; ${buildOnly.size} build-time-only packages of the production tree left out`)
    })

    check('resources are at most 20 MB', (problems, details) => {
      const total = folderBytes(app.resourcesDir)
      const asar = statSync(app.asarPath).size
      details.push(`${mb(total)} (app.asar ${mb(asar)}, app.asar.unpacked ${mb(total - asar)})`)
      if (total > MAX_RESOURCES_BYTES) problems.push(`${mb(total)} is over the 20 MB limit`)
    })

    check('the icons come in every size the installers need', (problems, details) => {
      for (const size of LINUX_SIZES) {
        const file = join(icons.pngDir, `${size}x${size}.png`)
        const actual = existsSync(file) ? pngSize(readFileSync(file)) : null
        if (actual?.width !== size || actual.height !== size) problems.push(`${size}x${size}.png is missing or the wrong size`)
      }
      if (icoSizes(readFileSync(icons.ico)).join() !== ICO_SIZES.join()) problems.push('icon.ico does not hold the Windows sizes')
      const entries = icnsEntries(readFileSync(icons.icns))
      if (entries.map((entry) => `${entry.type}:${entry.size}`).join() !== ICNS_TYPES.map(([type, size]) => `${type}:${size}`).join()) problems.push('icon.icns does not hold the macOS sizes')
      for (const [platform, icon] of [['mac', 'out/icons/icon.icns'], ['win', 'out/icons/icon.ico'], ['linux', 'out/icons/png']]) {
        if (builderConfig[platform]?.icon !== icon) problems.push(`electron-builder.json ${platform}.icon is not ${icon}`)
      }
      details.push(`Linux ${LINUX_SIZES.join('/')}; Windows .ico ${ICO_SIZES.join('/')}; macOS .icns ${entries.length} entries up to 1024`)
    })

    check('the .deb installs an AppArmor profile that lets the packed executable use user namespaces', (problems, details) => {
      const executable = builderConfig.linux.executableName as string
      if (!existsSync(join(appDir, executable))) problems.push(`the packed executable ${executable} is missing`)
      const profile = readFileSync(join(ROOT, builderConfig.deb.appArmorProfile), 'utf8').replace(/\$\{(\w+)\}/g, (_, name: string) => {
        const values: Record<string, string> = { executable, sanitizedProductName: builderConfig.productName }
        if (!(name in values)) throw new Error(`the AppArmor profile uses \${${name}}, which electron-builder does not define`)
        return values[name]
      })
      const installed = `/opt/${builderConfig.productName}/${executable}`
      if (!profile.includes(`"${installed}"`)) problems.push(`the profile does not name ${installed}`)
      if (!/^\s*userns,\s*$/m.test(profile)) problems.push('the profile does not allow userns')
      // The profile is installed by electron-builder's own deb scripts; a custom afterInstall would have to do it.
      if (builderConfig.deb.afterInstall || builderConfig.deb.afterRemove || builderConfig.linux.afterInstall) problems.push('custom deb scripts replace the ones that install the profile')
      const templates = join(ROOT, 'node_modules/app-builder-lib/templates/linux')
      const afterInstall = readFileSync(join(templates, 'after-install.tpl'), 'utf8')
      const afterRemove = readFileSync(join(templates, 'after-remove.tpl'), 'utf8')
      if (!afterInstall.includes('/resources/apparmor-profile') || !afterInstall.includes('apparmor_parser --replace')) problems.push("electron-builder's after-install script no longer installs the profile")
      if (!afterRemove.includes('apparmor_parser --remove')) problems.push("electron-builder's after-remove script no longer removes the profile")
      details.push(`/etc/apparmor.d/${executable} for "${installed}"`)
    })

    timings.push(`verify ${((performance.now() - verifyStarted) / 1000).toFixed(1)} s`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }

  const failed = checks.filter((result) => result.problems.length > 0)
  for (const result of checks) {
    console.log(`${result.problems.length === 0 ? 'ok  ' : 'FAIL'} ${result.name}`)
    for (const line of result.details) console.log(`       ${line}`)
    for (const line of result.problems) console.log(`     ✗ ${line}`)
  }
  console.log(`\npackaging check: ${checks.length - failed.length}/${checks.length} passed in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`)
  return failed.length === 0 ? 0 : 1
}

void main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
