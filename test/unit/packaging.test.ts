import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUNDLE_FILE_SUFFIX } from '../../src/shared/bundle'

const builderConfig = JSON.parse(readFileSync(join(__dirname, '../../electron-builder.json'), 'utf8'))
const packageJson = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'))

describe('packaging', () => {
  it('declares the bundle file type, so "Open with" and a double-click hand bundles to the app', () => {
    expect(builderConfig.fileAssociations).toEqual([expect.objectContaining({ ext: BUNDLE_FILE_SUFFIX.slice(1) })])
  })

  it('packages under the product name the data folder and the keychain entries are named after', () => {
    expect(builderConfig.productName).toBe(packageJson.productName)
  })
})
