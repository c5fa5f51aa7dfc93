import {
  AREA_LEVELS,
  CLASSIFICATION_METHODS,
  COLOR_RAMPS,
  INDICATOR_FAMILIES,
  INDICATORS,
  MAX_CLASSES,
  MIN_CLASSES,
} from '@cityops/domain'
import { SelectField, TextField } from '@cityops/ui'
import { useState } from 'react'
import type { IndicatorAvailability } from '../../api/analytics'
import { useLabel, useT } from '../../i18n'
import { CompareFields, FilterFields } from './thematic-filters'
import { DISPLAY_MODES, type ThematicView } from './thematic-url'
import { RANGE_PRESETS } from './time-range'

type Props = {
  view: ThematicView
  onChange: (patch: Partial<ThematicView>) => void
  catalogue: readonly IndicatorAvailability[]
  isRangeInvalid: boolean
  isBreaksInvalid: boolean
}

/** The classes input commits whole numbers 2–9 only, so typing "1" on the way to "12" is harmless. */
function ClassesInput({ value, onCommit }: { value: number; onCommit: (n: number) => void }) {
  const t = useT()
  const [text, setText] = useState(String(value))
  // A new value from outside (the URL) replaces what was typed.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setText(String(value))
  }
  return (
    <TextField
      label={t('thematic.classes')}
      type="number"
      inputMode="numeric"
      min={MIN_CLASSES}
      max={MAX_CLASSES}
      step={1}
      value={text}
      data-testid="classes-input"
      onChange={(e) => {
        setText(e.target.value)
        const n = Number(e.target.value)
        if (Number.isInteger(n) && n >= MIN_CLASSES && n <= MAX_CLASSES) onCommit(n)
      }}
    />
  )
}

/** Every control of the map; each change goes to the URL at once (no apply button). */
export function ThematicControls({ view, onChange, catalogue, ...checks }: Props) {
  const t = useT()
  const label = useLabel()
  const levels = catalogue.find((c) => c.id === view.indicator)?.levels ?? []
  return (
    <form
      className="thematic-controls"
      aria-label={t('thematic.controls')}
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label={t('thematic.indicator')}
        value={view.indicator}
        data-testid="indicator-select"
        className="thematic-controls__wide"
        onChange={(e) => {
          const next = INDICATORS.find((i) => i.id === e.target.value)
          if (!next) return
          const keeps = (f: 'incidentCategory' | 'incidentGrade' | 'caseCategory') =>
            (next.filters as readonly string[]).includes(f)
          onChange({
            indicator: next.id,
            ramp: '',
            incidentCategory: keeps('incidentCategory') ? view.incidentCategory : '',
            incidentGrade: keeps('incidentGrade') ? view.incidentGrade : '',
            caseCategory: keeps('caseCategory') ? view.caseCategory : '',
          })
        }}
      >
        {INDICATOR_FAMILIES.map((family) => (
          <optgroup key={family} label={t(`thematic.family.${family}`)}>
            {INDICATORS.filter((i) => i.family === family).map((i) => (
              <option key={i.id} value={i.id}>
                {label(i.label)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField
        label={t('thematic.level')}
        value={view.level}
        data-testid="level-select"
        onChange={(e) => {
          const level = AREA_LEVELS.find((l) => l === e.target.value)
          if (level) onChange({ level })
        }}
      >
        {AREA_LEVELS.map((level) => {
          const entry = levels.find((l) => l.level === level)
          // The grid has no outlines yet: shown, but not selectable, with the API's reason.
          const isOff = entry ? !entry.available : level === 'grid'
          const name = t(`thematic.level.${level}`)
          const reason = entry?.reason ? label(entry.reason) : t('thematic.levelUnavailable')
          return (
            <option key={level} value={level} disabled={isOff} title={reason || undefined}>
              {isOff ? t('thematic.level.unavailable', { level: name, reason }) : name}
            </option>
          )
        })}
      </SelectField>
      <SelectField
        label={t('thematic.range')}
        value={view.range}
        data-testid="range-select"
        onChange={(e) => {
          const range = RANGE_PRESETS.find((r) => r === e.target.value)
          if (range) onChange({ range })
        }}
      >
        {RANGE_PRESETS.map((r) => (
          <option key={r} value={r}>
            {t(`thematic.range.${r}`)}
          </option>
        ))}
      </SelectField>
      {view.range === 'custom' ? (
        <>
          <TextField
            label={t('thematic.from')}
            type="datetime-local"
            value={view.from}
            data-testid="range-from"
            error={checks.isRangeInvalid ? t('thematic.rangeInvalid') : undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <TextField
            label={t('thematic.to')}
            type="datetime-local"
            value={view.to}
            data-testid="range-to"
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </>
      ) : null}
      <SelectField
        label={t('thematic.method')}
        value={view.method}
        data-testid="method-select"
        onChange={(e) => {
          const method = CLASSIFICATION_METHODS.find((m) => m === e.target.value)
          if (method) onChange({ method })
        }}
      >
        {CLASSIFICATION_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`thematic.method.${m}`)}
          </option>
        ))}
      </SelectField>
      {view.method === 'manual' ? (
        <TextField
          label={t('thematic.breaks')}
          value={view.breaks}
          inputMode="decimal"
          data-testid="breaks-input"
          hint={t('thematic.breaksHint')}
          error={checks.isBreaksInvalid ? t('thematic.breaksInvalid') : undefined}
          onChange={(e) => onChange({ breaks: e.target.value })}
        />
      ) : (
        <ClassesInput value={view.classes} onCommit={(classes) => onChange({ classes })} />
      )}
      <SelectField
        label={t('thematic.ramp')}
        value={view.ramp}
        data-testid="ramp-select"
        onChange={(e) => {
          const ramp = COLOR_RAMPS.find((r) => r === e.target.value)
          onChange({ ramp: ramp ?? '' })
        }}
      >
        <option value="">{t('thematic.ramp.default')}</option>
        {COLOR_RAMPS.map((r) => (
          <option key={r} value={r}>
            {t(`thematic.ramp.${r}`)}
          </option>
        ))}
      </SelectField>
      <FilterFields view={view} onChange={onChange} />
      <SelectField
        label={t('thematic.mode')}
        value={view.mode}
        data-testid="mode-select"
        onChange={(e) => {
          const mode = DISPLAY_MODES.find((m) => m === e.target.value)
          if (mode) onChange({ mode })
        }}
      >
        {DISPLAY_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`thematic.mode.${m}`)}
          </option>
        ))}
      </SelectField>
      <CompareFields view={view} onChange={onChange} />
    </form>
  )
}
