import type { ButtonHTMLAttributes } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost'

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant
}

/** A real `<button>`; `type="button"` unless told otherwise, so it never submits by accident. */
export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: ButtonProps) {
  const classes = `co-button co-button--${variant}${className ? ` ${className}` : ''}`
  return <button {...rest} type={type} className={classes} />
}
