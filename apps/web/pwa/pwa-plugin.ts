import type { Plugin } from 'vite'
import { THEME_TOKENS } from '../../../packages/ui/src/tokens'
import { serviceWorkerSource } from './service-worker'

// The field app is used outdoors on the light desk theme: its colours frame the installed app.
const DESK = THEME_TOKENS.desk.color

/** The web app manifest: 城市运行指挥中心, opens on the person's own home (`/`). */
export const MANIFEST = {
  name: '城市运行指挥中心',
  short_name: 'cityops',
  description: '郑州城市运行指挥中心：案件处置与现场巡查 / Zhengzhou city operations center',
  lang: 'zh-CN',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: DESK.accent,
  background_color: DESK.bg,
  icons: [
    { src: '/pwa/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/pwa/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/pwa/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/pwa/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
}

const SHELL_ICONS = ['/pwa/icon-192.png', '/pwa/icon-512.png', '/pwa/apple-touch-icon.png']

/**
 * Makes the build installable: links the manifest and icons from index.html, and emits
 * `manifest.webmanifest` and `sw.js` whose precache list is this build's own shell (HTML, entry
 * JS/CSS and the chunks it imports) — not the lazy MapLibre chunk or the basemap, which are
 * cached the first time they are used.
 */
export function pwaPlugin(): Plugin {
  return {
    name: 'cityops-pwa',
    // The dev server has no build output: answer the manifest link from memory (no worker in dev).
    configureServer(server) {
      server.middlewares.use('/manifest.webmanifest', (_req, res) => {
        res.setHeader('content-type', 'application/manifest+json')
        res.end(JSON.stringify(MANIFEST))
      })
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: DESK.accent }, injectTo: 'head' },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: '/pwa/apple-touch-icon.png' },
        injectTo: 'head',
      },
    ],
    generateBundle(_options, bundle) {
      const shell = new Set<string>(['/', '/manifest.webmanifest', '/favicon.svg', ...SHELL_ICONS])
      const entries = Object.values(bundle).filter((item) => item.type === 'chunk' && item.isEntry)
      // The entry and everything it imports statically; dynamic imports stay lazy.
      const visit = (fileName: string) => {
        const item = bundle[fileName]
        if (!item || shell.has(`/${fileName}`)) return
        shell.add(`/${fileName}`)
        if (item.type === 'chunk') {
          item.imports.forEach(visit)
          item.viteMetadata?.importedCss.forEach((css) => shell.add(`/${css}`))
        }
      }
      entries.forEach((entry) => visit(entry.fileName))
      const precache = [...shell].sort()
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.webmanifest',
        source: `${JSON.stringify(MANIFEST, null, 2)}\n`,
      })
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(precache) })
    },
  }
}
