import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { guardWindowDrops } from './files/windowDrop'
import { useWizard } from './store/wizardStore'
import './styles.css'

// A file dropped outside a drop zone never makes the window navigate to it; a bundle dropped anywhere is imported.
guardWindowDrops((file) => useWizard.getState().importDroppedFile(file))
// Before anything can start a check: every run's progress arrives as events from here on.
useWizard.getState().followLiveRuns()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
