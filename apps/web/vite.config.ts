import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { pwaPlugin } from './pwa/pwa-plugin'

const BFF_URL = process.env.BFF_URL ?? 'http://localhost:8080'

// `vite preview` reuses server.proxy, so the built app can be previewed against a running BFF.
const proxy = {
  '/api': { target: BFF_URL, changeOrigin: true },
  '/socket.io': { target: BFF_URL, ws: true, changeOrigin: true },
}

export default defineConfig({
  plugins: [react(), pwaPlugin()],
  // Offline map assets (GeoJSON, glyphs, sprites) are shared with the BFF at the repo root.
  publicDir: '../../public',
  server: { port: 5173, strictPort: true, proxy },
  preview: { proxy },
  // maplibre-gl 6 starts its worker with { type: 'module' }; see src/map/worker.ts.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The map chunk is large by nature; it is lazy-loaded and cached on the wall PCs.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
})
