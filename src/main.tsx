import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { registerServiceWorker } from './offline/register'
import { App } from './ui/App'
import { applyLangToDocument, useLangStore } from './ui/i18n'
import { bootRun } from './ui/persist/boot'
import { startSimulation } from './ui/sim/actions'
import './ui/styles.css'

applyLangToDocument(useLangStore.getState().lang)
useLangStore.subscribe(({ lang }) => applyLangToDocument(lang))

startSimulation(
  () => new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' }),
  bootRun,
)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
