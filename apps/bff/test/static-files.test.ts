import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { spaFallback, staticFiles } from '../src/http/static-files'

const root = mkdtempSync(path.join(tmpdir(), 'cityops-static-'))
mkdirSync(path.join(root, 'fonts/Noto Sans Regular'), { recursive: true })
mkdirSync(path.join(root, 'assets'))
writeFileSync(path.join(root, 'fonts/Noto Sans Regular/0-255.pbf'), 'glyphs')
writeFileSync(path.join(root, 'assets/app-1a2b.js'), 'console.log(1)')
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>cityops</title>')
writeFileSync(path.join(tmpdir(), 'cityops-secret.txt'), 'secret')

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong'))
app.use('*', staticFiles(root), spaFallback(path.join(root, 'index.html')))

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('static files for the SPA and the offline basemap', () => {
  it('serves glyph ranges from folders whose names have spaces', async () => {
    const res = await app.request('/fonts/Noto%20Sans%20Regular/0-255.pbf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/x-protobuf')
    expect(await res.text()).toBe('glyphs')
  })

  it('marks hashed build assets immutable and the rest revalidated', async () => {
    const asset = await app.request('/assets/app-1a2b.js')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    const index = await app.request('/')
    expect(index.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers client-side routes with index.html but not API paths or missing files', async () => {
    expect(await (await app.request('/incidents/42')).text()).toContain('<title>cityops</title>')
    expect(await (await app.request('/api/ping')).text()).toBe('pong')
    expect((await app.request('/missing.png')).status).toBe(404)
  })

  it('never serves a file outside its folder', async () => {
    for (const p of [
      '/../cityops-secret.txt',
      '/%2e%2e/cityops-secret.txt',
      '/..%2fcityops-secret.txt',
    ]) {
      const res = await app.request(p)
      expect(await res.text()).not.toBe('secret')
    }
  })
})
