import { join } from 'node:path'
import { build, type Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { measureRendererJs } from '../../scripts/rendererSize'

const ROOT = join(__dirname, '../..')
const ENTRY = 'src/renderer/src/main.tsx'

/** The source files the window loads before it shows anything: the entry chunk and the chunks it imports statically. */
async function firstLoadInputs(): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out/first-load-probe',
    write: false,
    metafile: true,
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  })
  const outputs = (metafile as Metafile).outputs
  const loaded = new Set<string>()
  const visit = (file: string) => {
    if (loaded.has(file)) return
    loaded.add(file)
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  // esbuild also marks each dynamically imported module as an entry point: start from the window's own.
  for (const [file, output] of Object.entries(outputs)) if (output.entryPoint === ENTRY) visit(file)
  return [...loaded].flatMap((file) => Object.keys(outputs[file].inputs))
}

describe("the renderer's first load", () => {
  it('leaves out zod (the renderer only needs plain constants from shared) and the rarely opened views', async () => {
    const inputs = await firstLoadInputs()
    expect(inputs).toContain('src/renderer/src/components/profiles/ProfileListScreen.tsx')
    expect(inputs.filter((file) => file.includes('node_modules/zod/'))).toEqual([])
    expect(inputs.filter((file) => /components\/report\/|ResponsePasteSection|SamlResponseTable/.test(file))).toEqual([])
  })

  it('is measured as the entry chunks plus what they import statically, not what they import on demand', () => {
    const size = measureRendererJs([
      { fileName: 'index.js', code: 'a'.repeat(1000), isEntry: true, imports: ['shared.js'] },
      { fileName: 'shared.js', code: 'b', isEntry: false, imports: [] },
      { fileName: 'Report.js', code: 'c', isEntry: false, imports: ['shared.js'] },
    ])
    expect(size.firstLoad.files).toEqual(['index.js', 'shared.js'])
    expect(size.lazy.files).toEqual(['Report.js'])
    expect(size.firstLoad.gzipBytes).toBeGreaterThan(size.lazy.gzipBytes)
  })
})
