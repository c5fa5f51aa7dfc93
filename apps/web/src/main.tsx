import '@cityops/ui/tokens.css'
import '@cityops/ui/styles.css'
import './app/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { registerServiceWorker } from './pwa/register-service-worker'
import { syncDocumentWithStore } from './stores/document-sync'

syncDocumentWithStore()
registerServiceWorker()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
)
