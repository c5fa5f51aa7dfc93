import { useId } from 'react'
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from 'react'

type FieldText = {
  label: ReactNode
  /** Guidance shown under the control and read with it. */
  hint?: ReactNode
  /** A problem with the value; marks the control invalid and is read with it. */
  error?: ReactNode
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ')
  return joined === '' ? undefined : joined
}

type NotesProps = Pick<FieldText, 'hint' | 'error'> & { hintId: string; errorId: string }

function FieldNotes({ hintId, errorId, hint, error }: NotesProps) {
  return (
    <>
      {hint ? (
        <div id={hintId} className="co-field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="co-field__error">
          {error}
        </div>
      ) : null}
    </>
  )
}

export type TextFieldProps = FieldText &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: Ref<HTMLInputElement> }

/** A labelled text input with optional hint and error, linked for assistive tech. */
export function TextField({ label, hint, error, className, id, ...rest }: TextFieldProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  return (
    <div className={className ? `co-field ${className}` : 'co-field'}>
      <label htmlFor={inputId} className="co-field__label">
        {label}
      </label>
      <input
        {...rest}
        id={inputId}
        className="co-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      />
      <FieldNotes hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  )
}

export type SelectFieldProps = FieldText & SelectHTMLAttributes<HTMLSelectElement>

/** A labelled native `<select>`; pass `<option>`s as children. */
export function SelectField({
  label,
  hint,
  error,
  className,
  id,
  children,
  ...rest
}: SelectFieldProps) {
  const autoId = useId()
  const selectId = id ?? autoId
  const hintId = `${selectId}-hint`
  const errorId = `${selectId}-error`
  return (
    <div className={className ? `co-field ${className}` : 'co-field'}>
      <label htmlFor={selectId} className="co-field__label">
        {label}
      </label>
      <select
        {...rest}
        id={selectId}
        className="co-input co-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      >
        {children}
      </select>
      <FieldNotes hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  )
}

export type CheckboxFieldProps = { label: ReactNode; hint?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'children'
>

/** A checkbox with its label to the right. */
export function CheckboxField({ label, hint, className, id, ...rest }: CheckboxFieldProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const hintId = `${inputId}-hint`
  return (
    <div className={className ? `co-checkbox ${className}` : 'co-checkbox'}>
      <input {...rest} id={inputId} type="checkbox" aria-describedby={hint ? hintId : undefined} />
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <div id={hintId} className="co-field__hint co-checkbox__hint">
          {hint}
        </div>
      ) : null}
    </div>
  )
}

export type FieldsetProps = FieldText & { children?: ReactNode; className?: string }

/** Groups related controls (e.g. checkboxes) under one legend. */
export function Fieldset({ label, hint, error, children, className }: FieldsetProps) {
  const hintId = useId()
  const errorId = useId()
  return (
    <fieldset
      className={className ? `co-fieldset ${className}` : 'co-fieldset'}
      aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
    >
      <legend className="co-field__label">{label}</legend>
      <div className="co-fieldset__controls">{children}</div>
      <FieldNotes hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </fieldset>
  )
}
