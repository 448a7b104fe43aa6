import { describe, expect, it } from 'vitest'
import { guardWindowDrops, isBundleFileName, shouldImportDroppedFile } from '../../src/renderer/src/files/windowDrop'

/** A drop as the browser fires it, with the dropped files; `takenBy` a drop zone that already handled it. */
function dropEvent(files: File[], takenByDropZone = false): Event {
  const event = new Event('drop', { cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { files } })
  if (takenByDropZone) event.preventDefault()
  return event
}

const bundle = new File(['{}'], 'Acme.Dialpad-SSO.json', { type: 'application/json' })
const metadata = new File(['<EntityDescriptor/>'], 'metadata.xml', { type: 'text/xml' })

describe('files dropped on the window', () => {
  it('recognise a bundle by its name, whatever the letter case', () => {
    expect(isBundleFileName('acme.dialpad-sso.json')).toBe(true)
    expect(isBundleFileName('Acme.Dialpad-SSO.JSON')).toBe(true)
    expect(isBundleFileName('acme.dialpad-sso (1).json')).toBe(true)
    expect(isBundleFileName('acme.json')).toBe(false)
    expect(isBundleFileName('acme (1).json')).toBe(false)
    expect(isBundleFileName('dialpad-sso.json.txt')).toBe(false)
  })

  it('start an import of any file on the profile list, but only of a bundle elsewhere', () => {
    expect(shouldImportDroppedFile('acme.json', 'profiles')).toBe(true)
    expect(shouldImportDroppedFile('acme.dialpad-sso.json', 'wizard')).toBe(true)
    expect(shouldImportDroppedFile('metadata.xml', 'wizard')).toBe(false)
    expect(shouldImportDroppedFile('certificate.pem', 'report')).toBe(false)
  })

  it('never let the window navigate to a dropped file, and hand over drops no drop zone took', () => {
    const window = new EventTarget()
    const handed: string[] = []
    const remove = guardWindowDrops((file) => handed.push(file.name), window)

    const dragOver = new Event('dragover', { cancelable: true })
    window.dispatchEvent(dragOver)
    expect(dragOver.defaultPrevented).toBe(true)

    const loose = dropEvent([bundle])
    window.dispatchEvent(loose)
    expect(loose.defaultPrevented).toBe(true)
    const taken = dropEvent([metadata], true)
    window.dispatchEvent(taken)
    window.dispatchEvent(dropEvent([]))
    expect(handed).toEqual(['Acme.Dialpad-SSO.json'])

    remove()
    const afterRemoval = dropEvent([bundle])
    window.dispatchEvent(afterRemoval)
    expect(afterRemoval.defaultPrevented).toBe(false)
    expect(handed).toHaveLength(1)
  })
})
