import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { call } from './api/client'
import { WizardFrame } from './components/WizardFrame'
import { STEPS } from './steps/stepList'
import { startAutosave } from './store/autosave'
import { restoreSetup } from './store/restore'
import { useWizard } from './store/wizardStore'
import './styles.css'

async function start(): Promise<void> {
  const stepIds = STEPS.map((step) => step.id)
  try {
    const { state, notice } = await call('setup.load', {})
    useWizard.getState().hydrate(restoreSetup(state, stepIds), notice)
    startAutosave()
  } catch (error) {
    // The saved file exists but could not be read: work on, but never overwrite it.
    const reason = error instanceof Error ? error.message : String(error)
    useWizard.getState().hydrate(restoreSetup(null, stepIds), reason)
    useWizard.getState().setSaveStatus({ kind: 'error', message: 'Changes are not being saved until the saved setup can be read.' })
  }
  // Only the key's status (stored, last 4, where) ever reaches the renderer.
  call('apiKey.status', {})
    .then((status) => useWizard.getState().setKeyStatus(status))
    .catch(() => undefined)
  // A file dropped outside a drop zone must not make the window navigate to it.
  for (const type of ['dragover', 'drop']) window.addEventListener(type, (event) => event.preventDefault())
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <WizardFrame />
    </StrictMode>,
  )
}

void start()
