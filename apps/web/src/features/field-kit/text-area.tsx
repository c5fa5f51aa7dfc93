import { useId } from 'react'
import type { ReactNode, TextareaHTMLAttributes } from 'react'

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
}

/** A labelled multi-line field in the shared field style (packages/ui has no textarea yet). */
export function TextArea({ label, hint, error, id, ...rest }: TextAreaProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const described = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div className="co-field">
      <label htmlFor={inputId} className="co-field__label">
        {label}
      </label>
      <textarea
        {...rest}
        id={inputId}
        className="co-input field-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint ? (
        <div id={`${inputId}-hint`} className="co-field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${inputId}-error`} className="co-field__error">
          {error}
        </div>
      ) : null}
    </div>
  )
}
