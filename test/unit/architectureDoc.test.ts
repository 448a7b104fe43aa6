import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * docs/architecture.md is the map a new reader starts from: every file, folder and name it puts in code quotes must be
 * found in the repository, so a module moved or renamed without its line in the map fails here.
 */
const ROOT = process.cwd()
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')
const quoted = [...new Set([...doc.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]))]

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
}

const repoFiles = ['src', 'test', 'scripts', 'bench', 'docs', '.github'].flatMap(filesUnder)
const sourceText = filesUnder('src')
  .filter((file) => /\.(ts|tsx)$/.test(file))
  .map((file) => readFileSync(join(ROOT, file), 'utf8'))
  .join('\n')

/** Paths in the repository (a path with a placeholder, like the data folder's `profiles/<id>.json`, is not one). */
const looksLikePath = (text: string) => /^[\w./*-]+\.(ts|tsx|js|mjs|cjs|json|yml|md)$/.test(text) || /^(src|test|docs|scripts|bench)\/[\w./-]*$/.test(text)
/** A glob's `*` stands for any run of name characters. */
const pattern = (path: string) => new RegExp(`(^|/)${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\w-]*')}$`)

describe('docs/architecture.md matches the code', () => {
  const paths = quoted.filter(looksLikePath)
  const names = quoted.filter((text) => /^[a-z][A-Za-z]+[A-Z][A-Za-z]*$|^[A-Z][a-z]+[A-Z][A-Za-z]*$|^[A-Z_]{4,}$/.test(text))

  it('names files and folders', () => {
    expect(paths.length).toBeGreaterThan(60)
    expect(names.length).toBeGreaterThan(40)
  })

  it.each(paths)('%s exists', (path) => {
    const found = path.endsWith('/') || !/\.\w+$/.test(path) ? existsSync(join(ROOT, path)) : repoFiles.some((file) => pattern(path).test(file)) || existsSync(join(ROOT, path))
    expect(found, `${path} is named in docs/architecture.md but not in the repository`).toBe(true)
  })

  it.each(names)('%s is a name in src/', (name) => {
    expect(new RegExp(`\\b${name}\\b`).test(sourceText), `${name} is named in docs/architecture.md but nowhere in src/`).toBe(true)
  })

  it('is linked from the README', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/\]\(docs\/architecture\.md\)/)
  })
})
