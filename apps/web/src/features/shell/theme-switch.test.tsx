import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useAppStore } from '../../stores/app-store'
import { syncDocumentWithStore } from '../../stores/document-sync'
import { ThemeSwitch } from './theme-switch'

describe('ThemeSwitch', () => {
  let stopSync: () => void
  beforeEach(() => {
    stopSync = syncDocumentWithStore()
  })
  afterEach(() => stopSync())

  it('defaults to the wall theme and switches <html data-theme> with pressed buttons', () => {
    render(<ThemeSwitch />)
    expect(document.documentElement.dataset.theme).toBe('wall')
    expect(screen.getByRole('button', { name: '大屏', pressed: true })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '桌面' }))
    expect(document.documentElement.dataset.theme).toBe('desk')
    expect(screen.getByRole('button', { name: '桌面', pressed: true })).toBeTruthy()
    expect(screen.getByRole('group', { name: '显示主题' })).toBeTruthy()
  })

  it('ignores unknown persisted values', async () => {
    localStorage.setItem(
      'cityops.ui',
      JSON.stringify({ state: { theme: 'neon', locale: 'en' }, version: 1 }),
    )
    await useAppStore.persist.rehydrate()
    expect(useAppStore.getState().theme).toBe('wall')
    expect(useAppStore.getState().locale).toBe('en')
  })
})
