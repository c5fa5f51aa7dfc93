import { describe, expect, it } from 'vitest'
import { validateActionForm } from './action-form-model'

const NOW = new Date('2026-05-04T10:00:00+08:00')

describe('validateActionForm', () => {
  it.each([
    ['invalidate', 'reason'],
    ['notFile', 'reason'],
    ['requestReturn', 'reason'],
    ['checkFail', 'reason'],
    ['dispose', 'note'],
  ] as const)('%s needs a %s', (action, field) => {
    const result = validateActionForm(action, { [field]: '   ' }, NOW)
    expect(result).toEqual({ ok: false, errors: { [field]: { key: 'caseField.required' } } })
  })

  it('asks for a department before a dispatch', () => {
    expect(validateActionForm('dispatch', { departmentCode: '' }, NOW)).toEqual({
      ok: false,
      errors: { departmentCode: { key: 'caseField.chooseDepartment' } },
    })
    expect(validateActionForm('dispatch', { departmentCode: 'cgj' }, NOW)).toEqual({
      ok: true,
      command: { type: 'dispatch', departmentCode: 'cgj' },
    })
  })

  it('refuses an extension that does not end in the future', () => {
    const past = validateActionForm(
      'requestExtension',
      { until: '2026-05-04T09:00', reason: '材料未到' },
      new Date('2026-05-04T09:30'),
    )
    expect(past).toEqual({ ok: false, errors: { until: { key: 'caseField.untilFuture' } } })
    const garbage = validateActionForm('requestExtension', { until: 'soon', reason: 'x' }, NOW)
    expect(garbage).toEqual({ ok: false, errors: { until: { key: 'caseField.untilInvalid' } } })
  })

  it('sends a future extension as an instant with the trimmed reason', () => {
    const result = validateActionForm(
      'requestExtension',
      { until: '2026-05-06T17:30', reason: '  等待配件  ' },
      new Date('2026-05-04T09:30'),
    )
    expect(result).toEqual({
      ok: true,
      command: {
        type: 'requestExtension',
        until: new Date('2026-05-06T17:30').toISOString(),
        reason: '等待配件',
      },
    })
  })

  it('leaves empty optional fields out and lets the domain schema judge the rest', () => {
    expect(validateActionForm('file', { categoryCode: '', gridCode: '' }, NOW)).toEqual({
      ok: true,
      command: { type: 'file' },
    })
    const bad = validateActionForm('file', { categoryCode: '12' }, NOW)
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.errors.categoryCode).toMatchObject({ text: expect.stringContaining('4 digits') })
  })

  it('keeps the duplicate link of an invalidation', () => {
    expect(
      validateActionForm('invalidate', { reason: '重复上报', duplicateOf: 'case-1' }, NOW),
    ).toEqual({
      ok: true,
      command: { type: 'invalidate', reason: '重复上报', duplicateOf: 'case-1' },
    })
  })

  it('needs a level and a note to supervise', () => {
    const result = validateActionForm('supervise', {}, NOW)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['level', 'note'])
  })
})
