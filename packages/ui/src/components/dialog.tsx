import { useEffect, useId, useLayoutEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { Icon } from '../icon'

export type DialogProps = {
  title: string
  description?: ReactNode
  /** Called on Escape and on the close button; the parent stops rendering the dialog. */
  onClose: () => void
  /** Accessible name of the × button, in the current language. */
  closeLabel: string
  size?: 'sm' | 'md' | 'lg'
  /** 'alertdialog' for confirmations that interrupt the user. */
  role?: 'dialog' | 'alertdialog'
  'data-testid'?: string
  children?: ReactNode
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
}

// Open dialogs, innermost last: only that one answers Escape and holds Tab.
const openDialogs: HTMLElement[] = []

/** Tab and Shift+Tab cycle inside `panel`; focus that fell out (e.g. to <body>) comes back. */
function trapTab(panel: HTMLElement, event: KeyboardEvent): void {
  const items = focusables(panel)
  const first = items[0]
  const last = items[items.length - 1]
  const active = document.activeElement
  if (!first || !last) {
    event.preventDefault()
    panel.focus()
  } else if (!(active instanceof Node) || !panel.contains(active)) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  } else if (event.shiftKey && active === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}

/**
 * A modal dialog, rendered while mounted. Focus moves in (to `[data-autofocus]`, else the first
 * field or button after the × button), Tab stays inside, Escape closes, and focus goes back to
 * whatever had it before. Keys are handled on the document, so they still work after the
 * focused element disappears (a step of a form replaced by the next one).
 * Not a native `<dialog>`: jsdom has no `showModal`, and tests need it.
 */
export function Dialog({
  title,
  description,
  onClose,
  closeLabel,
  size = 'md',
  role = 'dialog',
  children,
  ...rest
}: DialogProps) {
  const titleId = useId()
  const descriptionId = useId()
  const panelRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const panel = panelRef.current
    if (panel) {
      const preferred = panel.querySelector<HTMLElement>('[data-autofocus]')
      const [closeButton, ...others] = focusables(panel)
      ;(preferred ?? others[0] ?? closeButton ?? panel).focus()
    }
    return () => {
      if (previous?.isConnected) previous.focus()
    }
  }, [])

  const onCloseRef = useRef(onClose)
  useLayoutEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const panel = panelRef.current
    if (!panel) return
    openDialogs.push(panel)
    const onKeyDown = (event: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== panel) return
      if (event.key === 'Escape') {
        event.preventDefault()
        onCloseRef.current()
      } else if (event.key === 'Tab') {
        trapTab(panel, event)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      openDialogs.splice(openDialogs.indexOf(panel), 1)
    }
  }, [])

  return (
    <div className="co-dialog-backdrop">
      <div
        {...rest}
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={`co-dialog co-dialog--${size}`}
      >
        <header className="co-dialog__header">
          <h2 id={titleId} className="co-dialog__title">
            {title}
          </h2>
          <button
            type="button"
            className="co-button co-button--ghost co-dialog__close"
            aria-label={closeLabel}
            title={closeLabel}
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </header>
        {description ? (
          <div id={descriptionId} className="co-dialog__description">
            {description}
          </div>
        ) : null}
        <div className="co-dialog__body">{children}</div>
      </div>
    </div>
  )
}

/** The row of buttons at the bottom of a dialog (or of a form inside it). */
export function DialogActions({ children }: { children?: ReactNode }) {
  return <div className="co-dialog__actions">{children}</div>
}
