import type { StateCreator } from 'zustand'
import type { SetupReport } from '../../../shared/setupReport'
import { saveTextFile } from '../files/saveTextFile'
import { requestFor } from './request'
import type { WizardStore } from './wizardStore'

/** A profile's setup report: on screen, and saved as an HTML file. */
export interface ReportSlice {
  buildReport(profileId: string): Promise<SetupReport>
  /** Saves the report as a standalone HTML file; resolves with the file name. */
  saveReportHtml(profileId: string): Promise<string>
}

export const createReportSlice: StateCreator<WizardStore, [], [], ReportSlice> = (_set, get) => {
  const request = requestFor(get)
  return {
    buildReport: (profileId) => request('report.build', { id: profileId }),
    async saveReportHtml(profileId) {
      const { fileName, html } = await request('report.html', { id: profileId })
      saveTextFile(fileName, html, 'text/html')
      return fileName
    },
  }
}
