import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { guardWindowDrops } from './files/windowDrop'
import { importDroppedFile } from './profiles/bundleImport'
import './styles.css'

// A file dropped outside a drop zone never makes the window navigate to it; a bundle dropped anywhere is imported.
guardWindowDrops(importDroppedFile)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
