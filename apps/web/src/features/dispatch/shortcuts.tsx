import { Dialog } from '@cityops/ui'
import { useEffect, useRef } from 'react'
import { useT, type MessageKey } from '../../i18n'

export type DeskKey = 'next' | 'previous' | 'open' | 'dispatch' | 'select' | 'search' | 'help'

const KEYS: Record<string, DeskKey> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'open',
  d: 'dispatch',
  x: 'select',
  '/': 'search',
  '?': 'help',
}

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))

// Enter and Space already act on a focused button, link or row.
const isActionable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (['BUTTON', 'A'].includes(target.tagName) || target.getAttribute('role') === 'button')

/**
 * The desk's single-key shortcuts, on the document while the desk is shown. Keys typed into a
 * field are left alone, Enter on a focused control keeps its own meaning, and nothing fires
 * while a dialog is open or with a modifier held.
 */
export function useDeskKeys(onKey: (key: DeskKey) => void, isEnabled: boolean) {
  const latest = useRef(onKey)
  useEffect(() => {
    latest.current = onKey
  })
  useEffect(() => {
    if (!isEnabled) return
    const listener = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      const key = KEYS[event.key]
      if (!key || isField(event.target)) return
      if (key === 'open' && isActionable(event.target)) return
      if (document.querySelector('[aria-modal="true"]')) return
      event.preventDefault()
      latest.current(key)
    }
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [isEnabled])
}

const LIST: [string, MessageKey][] = [
  ['j / ↓', 'shortcut.next'],
  ['k / ↑', 'shortcut.previous'],
  ['Enter', 'shortcut.open'],
  ['d', 'shortcut.dispatch'],
  ['x', 'shortcut.select'],
  ['/', 'shortcut.search'],
  ['?', 'shortcut.help'],
  ['Esc', 'shortcut.escape'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  return (
    <Dialog
      title={t('shortcut.title')}
      onClose={onClose}
      closeLabel={t('caseForm.close')}
      size="sm"
      data-testid="shortcuts"
    >
      <dl className="shortcuts">
        {LIST.map(([keys, label]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
