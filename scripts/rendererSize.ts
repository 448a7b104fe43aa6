import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'
import { plural } from '../src/shared/plural'

/** The budget for the JavaScript the window loads before it shows anything (gzip, kB = 1000 bytes). */
export const FIRST_LOAD_BUDGET_KB = 120

export interface ChunkInfo {
  fileName: string
  code: string
  isEntry: boolean
  /** Chunks this one imports statically: they load with it. */
  imports: string[]
}

export interface RendererSize {
  firstLoad: { files: string[]; gzipBytes: number }
  lazy: { files: string[]; gzipBytes: number }
}

/** First load = the entry chunks and every chunk they import statically; the rest loads when a view needs it. */
export function measureRendererJs(chunks: ChunkInfo[]): RendererSize {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const firstLoad = new Set<string>()
  const visit = (fileName: string) => {
    if (firstLoad.has(fileName)) return
    firstLoad.add(fileName)
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported)
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName)
  const gzip = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(byName.get(file)?.code ?? '').length, 0)
  const first = [...firstLoad]
  const lazy = chunks.map((chunk) => chunk.fileName).filter((file) => !firstLoad.has(file))
  return { firstLoad: { files: first, gzipBytes: gzip(first) }, lazy: { files: lazy, gzipBytes: gzip(lazy) } }
}

export function describeRendererSize(size: RendererSize): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
  const verdict = size.firstLoad.gzipBytes <= FIRST_LOAD_BUDGET_KB * 1000 ? 'within' : 'OVER'
  return (
    `renderer JavaScript on first load: ${kb(size.firstLoad.gzipBytes)} gzip in ${plural(size.firstLoad.files.length, 'file')}, ` +
    `${verdict} the ${FIRST_LOAD_BUDGET_KB} kB budget; loaded when a view opens: ${kb(size.lazy.gzipBytes)} gzip in ${plural(size.lazy.files.length, 'file')}`
  )
}

/** Prints the renderer's first-load JavaScript size (gzip) at the end of every production build. */
export function rendererSizeReport(): Plugin {
  return {
    name: 'dialpad-sso:renderer-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = []
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.push({ fileName: output.fileName, code: output.code, isEntry: output.isEntry, imports: output.imports })
      }
      this.info(describeRendererSize(measureRendererJs(chunks)))
    },
  }
}
