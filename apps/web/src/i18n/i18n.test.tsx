import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanguageSwitch } from '../features/shell'
import { syncDocumentWithStore } from '../stores/document-sync'
import { useAppStore } from '../stores/app-store'
import { EN } from './en'
import { DICTIONARIES, LOCALES, translate, useT } from './index'
import { ZH_CN } from './zh-cn'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('dictionaries', () => {
  it('have exactly the same keys in every locale', () => {
    const reference = Object.keys(ZH_CN).sort()
    for (const locale of LOCALES) {
      expect(Object.keys(DICTIONARIES[locale]).sort()).toEqual(reference)
    }
  })

  it('have a non-empty text and the same placeholders for every key', () => {
    for (const [key, zh] of Object.entries(ZH_CN)) {
      const en = Object.entries(EN).find(([k]) => k === key)?.[1] ?? ''
      expect(zh.trim(), key).not.toBe('')
      expect(en.trim(), key).not.toBe('')
      expect(placeholders(en), key).toEqual(placeholders(zh))
    }
  })

  it('name the product in both languages', () => {
    expect(translate('zh-CN', 'app.name')).toBe('城市运行指挥中心')
    expect(translate('en', 'app.name')).toBe('City Operations Center')
  })

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'health.ok', { database: 'PGlite' })).toBe('System OK · PGlite')
    expect(translate('zh-CN', 'health.ok', { database: 'PGlite' })).toBe('系统正常 · PGlite')
    expect(translate('en', 'health.ok')).toBe('System OK · {database}')
  })
})

function Title() {
  const t = useT()
  return <h1>{t('app.name')}</h1>
}

describe('switching language', () => {
  let stopSync: () => void
  beforeEach(() => {
    stopSync = syncDocumentWithStore()
  })
  afterEach(() => stopSync())

  it('switches visible text, the button name and <html lang>, and back', () => {
    render(
      <>
        <Title />
        <LanguageSwitch />
      </>,
    )
    expect(screen.getByRole('heading').textContent).toBe('城市运行指挥中心')
    expect(document.documentElement.lang).toBe('zh-CN')

    fireEvent.click(screen.getByRole('button', { name: 'English' }))
    expect(screen.getByRole('heading').textContent).toBe('City Operations Center')
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('City Operations Center · Zhengzhou')

    fireEvent.click(screen.getByRole('button', { name: '中文' }))
    expect(screen.getByRole('heading').textContent).toBe('城市运行指挥中心')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('persists the choice in localStorage', () => {
    useAppStore.getState().setLocale('en')
    expect(localStorage.getItem('cityops.ui')).toContain('"locale":"en"')
  })
})
