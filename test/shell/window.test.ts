import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow } from '../../src/main/window'
import { SAVE_BEFORE_CLOSE_HOOK, SAVE_BEFORE_CLOSE_TIMEOUT_MS } from '../../src/shared/saveBeforeClose'
import { mockedElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)
const fakeElectron = await mockedElectron()

const MAIN_DIR = join(__dirname, '../../src/main')
const PRELOAD = '/opt/app/out/preload/index.js'
const ICON = '/opt/app/resources/icon.png'

/** The security baseline (Electron security checklist): all of it, nothing weaker, nothing extra. */
const EXPECTED_WEB_PREFERENCES = {
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
}

describe('createMainWindow', () => {
  beforeEach(async () => {
    fakeElectron.reset()
    await fakeElectron.app.becomeReady()
  })

  it('creates one window with exactly the secure webPreferences', () => {
    createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })

    expect(fakeElectron.windows).toHaveLength(1)
    const { webPreferences } = fakeElectron.windows[0].options
    expect(webPreferences).toEqual(EXPECTED_WEB_PREFERENCES)
    // Spelled out as well, so a failure names the setting that regressed.
    expect(webPreferences?.contextIsolation).toBe(true)
    expect(webPreferences?.sandbox).toBe(true)
    expect(webPreferences?.nodeIntegration).toBe(false)
    expect(webPreferences?.nodeIntegrationInWorker).toBe(false)
    expect(webPreferences?.nodeIntegrationInSubFrames).toBe(false)
    expect(webPreferences?.webSecurity).toBe(true)
    expect(webPreferences?.allowRunningInsecureContent).toBe(false)
    expect(webPreferences?.webviewTag).toBe(false)
    expect(webPreferences?.preload).toBe(PRELOAD)
  })

  it('loads only the bundled app:// entry page', () => {
    const window = createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })

    expect(window).toBe(fakeElectron.windows[0])
    expect(fakeElectron.windows[0].loadURL.mock.calls).toEqual([['app://bundle/index.html']])
    expect(fakeElectron.windows[0].loadFile).not.toHaveBeenCalled()
  })

  it('stays hidden until the page is ready to show', () => {
    createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })
    const [window] = fakeElectron.windows

    expect(window.options.show).toBe(false)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })
})

describe('closing the window saves the open profile first', () => {
  beforeEach(async () => {
    fakeElectron.reset()
    await fakeElectron.app.becomeReady()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('holds the close until the page has written its pending change, then closes', async () => {
    createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })
    const [window] = fakeElectron.windows
    let saved: () => void = () => undefined
    window.webContents.pageScript = () => new Promise<void>((resolve) => (saved = resolve))
    const closed = vi.fn()
    window.on('closed', closed)

    window.close()
    expect(window.webContents.executeJavaScript.mock.calls).toEqual([[`globalThis.${SAVE_BEFORE_CLOSE_HOOK}?.()`]])
    expect(closed).not.toHaveBeenCalled()
    // A second click while saving asks nothing more of the page.
    window.close()
    expect(window.webContents.executeJavaScript).toHaveBeenCalledTimes(1)

    saved()
    await vi.waitFor(() => expect(closed).toHaveBeenCalledTimes(1))
    expect(window.isDestroyed()).toBe(true)
  })

  it('closes after a while when the page never answers, and when it fails', async () => {
    vi.useFakeTimers()
    createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })
    const [hung] = fakeElectron.windows
    hung.webContents.pageScript = () => new Promise(() => undefined)
    hung.close()
    await vi.advanceTimersByTimeAsync(SAVE_BEFORE_CLOSE_TIMEOUT_MS - 1)
    expect(hung.isDestroyed()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(hung.isDestroyed()).toBe(true)

    createMainWindow({ preloadPath: PRELOAD, iconPath: ICON })
    const failing = fakeElectron.windows[1]
    failing.webContents.pageScript = async () => {
      throw new Error('Script failed to execute')
    }
    failing.close()
    await vi.advanceTimersByTimeAsync(0)
    expect(failing.isDestroyed()).toBe(true)
  })
})

// ------------------------------------------------------------------ source-level guard

interface BrowserWindowCall {
  file: string
  options: ts.Expression | undefined
}

function browserWindowCalls(): BrowserWindowCall[] {
  const calls: BrowserWindowCall[] = []
  for (const name of readdirSync(MAIN_DIR, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue
    const file = join(MAIN_DIR, name)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow') {
        calls.push({ file: name, options: node.arguments?.[0] })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return calls
}

/** The object literal's properties, failing on anything that could hide or override a setting. */
function literalProperties(expression: ts.Expression | undefined, what: string): Map<string, ts.Expression> {
  if (!expression || !ts.isObjectLiteralExpression(expression)) {
    throw new Error(`${what} must be an object literal written at the call site`)
  }
  const properties = new Map<string, ts.Expression>()
  for (const property of expression.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) {
      throw new Error(`${what} may only contain plain "key: value" entries (found: ${property.getText()})`)
    }
    const key = property.name.text
    if (properties.has(key)) throw new Error(`${what} sets ${key} twice`)
    properties.set(key, property.initializer)
  }
  return properties
}

describe('src/main source: every new BrowserWindow({...})', () => {
  const calls = browserWindowCalls()

  it('is found, including the main window in window.ts', () => {
    expect(calls.map((call) => call.file)).toContain('window.ts')
  })

  it.each(calls)('in $file spells out the four core settings literally, with no spread or variable', ({ file, options }) => {
    const windowOptions = literalProperties(options, `new BrowserWindow() options in ${file}`)
    const webPreferences = literalProperties(windowOptions.get('webPreferences'), `webPreferences in ${file}`)

    const literal = (key: string): string | undefined => webPreferences.get(key)?.getText()
    expect(literal('contextIsolation')).toBe('true')
    expect(literal('sandbox')).toBe('true')
    expect(literal('nodeIntegration')).toBe('false')
    expect(literal('webSecurity')).toBe('true')
  })
})
