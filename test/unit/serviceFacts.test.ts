import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WIZARD_STEPS } from '../../src/shared/wizard/steps'

/**
 * docs/service-facts.md is the record of what the app relies on about Dialpad and JumpCloud. These tests keep it
 * whole (every fact has a source or says unverified), keep its coverage table pointing at checklist items that exist,
 * and keep the app from saying what the file lists as unverified.
 */
const FACTS = readFileSync(join(__dirname, '../../docs/service-facts.md'), 'utf8')

/** The rows of every table under a "## " heading, as cells, without the header and separator rows. */
function tableRows(heading: string): string[][] {
  const section = FACTS.split(/^## /m).find((part) => part.startsWith(heading))
  if (!section) throw new Error(`no section "${heading}" in docs/service-facts.md`)
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)) && !['fact', 'short name', 'wording', 'instruction'].includes(cells[0]))
}

function sourceNames(): string[] {
  return tableRows('Sources').map(([name]) => name.replace(/\*/g, ''))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

describe('docs/service-facts.md', () => {
  const sections = ['Plans and product names', 'SAML single sign-on', 'Company domains', 'API key', 'SCIM and JumpCloud Identity Management']

  it('gives every fact a named public source, or marks it unverified', () => {
    const names = sourceNames()
    expect(names.length).toBeGreaterThan(10)
    const rows = sections.flatMap((section) => tableRows(section).map((cells) => ({ section, cells })))
    expect(rows.length).toBeGreaterThan(50)
    for (const { section, cells } of rows) {
      expect(cells, `${section}: ${cells[0]}`).toHaveLength(3)
      const [fact, source, used] = cells
      const sourced = names.some((name) => source.includes(name)) || /SAML 2\.0|RFC 7644|the app's own rule/.test(source)
      expect(sourced || source.includes('*unverified*'), `${section}: "${fact}" has neither a source nor *unverified*`).toBe(true)
      expect(used, `${section}: "${fact}" does not say where the app uses it`).not.toBe('')
    }
  })

  it('gives every source an address', () => {
    for (const [name, page] of tableRows('Sources')) expect(page, name).toMatch(/https:\/\/\S+/)
  })

  it('names only checklist items that exist in its help-article coverage table, and covers every item', () => {
    const items = new Set(WIZARD_STEPS.flatMap((step) => step.checklists.flatMap((section) => section.items.map((item) => item.id))))
    const coverage = FACTS.slice(FACTS.indexOf('## Help-article coverage'))
    const named = [...coverage.matchAll(/`([a-z-]+\.[a-z0-9-]+)`/g)].map((match) => match[1])
    expect(named.length).toBeGreaterThan(30)
    for (const id of named) expect(items.has(id), `unknown checklist item ${id}`).toBe(true)
    // Every tick the wizard asks for comes from an instruction of the articles, except the app's own skip decisions.
    const unmapped = [...items].filter((id) => !named.includes(id) && !id.endsWith('.skipped') && !id.startsWith('prerequisites.'))
    expect(unmapped).toEqual([])
  })
})

describe('the app’s wording', () => {
  const files = [...sourceFiles(join(__dirname, '../../src')), join(__dirname, '../../README.md')]
  const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  // The unverified wordings docs/service-facts.md lists, as the app would write them.
  const wordings = tableRows('Wordings the app does not use').flatMap(([cell]) => [...cell.matchAll(/"([^"]+)"/g)].map((match) => match[1]))

  it('has the list of unverified wordings to look for', () => {
    expect(wordings).toEqual(
      expect.arrayContaining(['the way Dialpad does', 'Dialpad refuses unsigned', 'Dialpad will reject', 'always signed', 'Support can take', 'JumpCloud’s are about']),
    )
  })

  it('never claims what docs/service-facts.md lists as unverified', () => {
    const found = texts.flatMap(({ file, text }) =>
      wordings.filter((wording) => text.toLowerCase().includes(wording.toLowerCase())).map((wording) => `${file.slice(file.indexOf('/src/') + 1)}: "${wording}"`),
    )
    expect(found).toEqual([])
  })
})
