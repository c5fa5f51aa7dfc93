import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { Icon } from '../icon'

export type MenuItem = {
  id: string
  label: ReactNode
  onSelect: () => void
  'data-testid'?: string
}

export type MenuButtonProps = {
  /** Visible content of the button. */
  label: ReactNode
  /** Accessible name of the button when `label` is not enough (e.g. "用户菜单：张三"). */
  buttonLabel?: string
  items: readonly MenuItem[]
  /** Non-interactive content above the items, e.g. the signed-in user's details. */
  header?: ReactNode
  'data-testid'?: string
}

/**
 * The WAI-ARIA menu button: Enter, Space or ↓ opens on the first item, ↑ on the last; arrows,
 * Home and End move; Escape closes and returns focus to the button; Tab or a click outside
 * closes. Choosing an item closes the menu, puts focus on the button, then calls `onSelect`.
 */
export function MenuButton({ label, buttonLabel, items, header, ...rest }: MenuButtonProps) {
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])
  // null = closed; otherwise the index of the item that should have focus.
  const [active, setActive] = useState<number | null>(null)
  const isOpen = active !== null

  useEffect(() => {
    if (active !== null) itemRefs.current[active]?.focus()
  }, [active])

  useEffect(() => {
    if (!isOpen) return
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setActive(null)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [isOpen])

  const close = () => {
    setActive(null)
    buttonRef.current?.focus()
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(event.key === 'ArrowDown' ? 0 : items.length - 1)
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = items.length - 1
    const current = active ?? 0
    const moves: Record<string, number> = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
      Home: 0,
      End: last,
    }
    const next = moves[event.key]
    if (next !== undefined) {
      event.preventDefault()
      setActive(next)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close()
    } else if (event.key === 'Tab') {
      setActive(null)
    }
  }

  return (
    <div ref={rootRef} className="co-menu">
      <button
        {...rest}
        ref={buttonRef}
        type="button"
        className="co-button co-button--secondary co-menu__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-label={buttonLabel}
        onClick={() => setActive(isOpen ? null : 0)}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <Icon name="chevronDown" />
      </button>
      {isOpen ? (
        <div className="co-menu__popup">
          {header ? <div className="co-menu__header">{header}</div> : null}
          <div id={menuId} role="menu" aria-label={buttonLabel} onKeyDown={onMenuKeyDown}>
            {items.map((item, index) => (
              <button
                key={item.id}
                ref={(el) => {
                  itemRefs.current[index] = el
                }}
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                className="co-menu__item"
                data-testid={item['data-testid']}
                onClick={() => {
                  close()
                  item.onSelect()
                }}
              >
                {item.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  )
}
