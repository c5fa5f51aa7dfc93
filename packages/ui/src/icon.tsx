import type { ReactNode } from 'react'

// Small stroked icons on a 24 px grid. Each status has its own shape, so status never relies
// on colour alone.
export const ICON_NAMES = [
  'check',
  'warning',
  'offline',
  'error',
  'info',
  'empty',
  'user',
  'lock',
  'block',
  'copy',
  'chevronDown',
  'close',
  'download',
] as const
export type IconName = (typeof ICON_NAMES)[number]

const SHAPES: Record<IconName, ReactNode> = {
  check: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M7.5 12.5l3 3 6-6.5" />
    </>
  ),
  warning: (
    <>
      <path d="M12 3.5 21.5 20h-19Z" />
      <path d="M12 10v4.5M12 17.2v.1" />
    </>
  ),
  offline: (
    <>
      <path d="M2.5 9a14 14 0 0 1 19 0M5.8 12.5a9 9 0 0 1 12.4 0M9.2 16a4 4 0 0 1 5.6 0M12 19.5v.1" />
      <path d="M3.5 3.5l17 17" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M8.8 8.8l6.4 6.4M15.2 8.8l-6.4 6.4" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 11v5.5M12 7.6v.1" />
    </>
  ),
  empty: (
    <>
      <path d="M3 13.5 6 5h12l3 8.5V19H3Z" />
      <path d="M3 13.5h5l1.2 2h5.6l1.2-2h5" />
    </>
  ),
  user: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20.5a8 8 0 0 1 16 0" />
    </>
  ),
  lock: (
    <>
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </>
  ),
  block: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M5.3 18.7 18.7 5.3" />
    </>
  ),
  copy: (
    <>
      <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
      <path d="M15.5 8.5v-3a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3" />
    </>
  ),
  chevronDown: <path d="m6 9.5 6 6 6-6" />,
  close: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  download: (
    <>
      <path d="M12 3.5v12M7 10.5l5 5 5-5" />
      <path d="M4 20.5h16" />
    </>
  ),
}

export type IconProps = {
  name: IconName
  className?: string
}

/** Decorative: the text next to it carries the meaning, so it is hidden from assistive tech. */
export function Icon({ name, className }: IconProps) {
  return (
    <svg
      className={className ? `co-icon ${className}` : 'co-icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  )
}

/** An indeterminate spinner; it stops turning under `prefers-reduced-motion`. */
export function Spinner({ className }: { className?: string }) {
  return (
    <svg
      className={className ? `co-spinner ${className}` : 'co-spinner'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.6"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" strokeOpacity="0.3" />
      <path d="M21 12a9 9 0 0 0-9-9" />
    </svg>
  )
}
