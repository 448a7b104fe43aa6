import type { StateCreator } from 'zustand'
import type { ImportPreview } from '../../../shared/bundle'
import type { WizardStore } from './wizardStore'

export type ReadablePreview = Exclude<ImportPreview, { kind: 'rejected' }>

/**
 * A bundle import in progress: reading the file, the preview the admin decides on (with the bytes, sent again on
 * import so core checks them again), or a refusal. Nothing changes on disk before the admin picks a choice.
 */
export type ImportFlow =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; base64: string; preview: ReadablePreview; busy: boolean; error: string | null }
  | { kind: 'refused'; fileName: string; message: string }

export interface ImportSlice {
  importFlow: ImportFlow
  setImportFlow(flow: ImportFlow): void
}

export const createImportSlice: StateCreator<WizardStore, [], [], ImportSlice> = (set) => ({
  importFlow: { kind: 'idle' },
  // A bundle coming in replaces what the list said last ("Exported …"): that message is about something else.
  setImportFlow: (importFlow) => set(importFlow.kind === 'idle' ? { importFlow } : { importFlow, listStatus: '' }),
})
