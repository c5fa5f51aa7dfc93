import { configure, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseCategory } from '../../api/cases'
import { json, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { ReportForm, validateReport } from './report-form'

// Each step waits for the form's own async work (position, upload); on a busy machine with the
// whole suite running that can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 })

const CATEGORIES = {
  items: [
    {
      code: '0101',
      kind: 'component',
      majorCode: '01',
      majorName: '公用设施',
      minorName: '上水井盖',
      timeLimit: null,
      defaultDepartments: ['cgj'],
    },
    {
      code: '0201',
      kind: 'event',
      majorCode: '02',
      majorName: '市容环境',
      minorName: '暴露垃圾',
      timeLimit: null,
      defaultDepartments: ['cgj'],
    },
  ],
}

const HERE = { longitude: 113.6253, latitude: 34.7466 }

beforeEach(() => {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (ok: (p: { coords: typeof HERE }) => void) => ok({ coords: HERE }),
    },
  })
})

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation')
})

const submit = () => fireEvent.click(screen.getByTestId('report-submit'))

describe('validateReport', () => {
  const category: CaseCategory = {
    code: '0201',
    kind: 'event',
    majorCode: '02',
    majorName: '市容环境',
    minorName: '暴露垃圾',
    nameEn: 'Exposed rubbish',
    timeLimit: null,
    defaultDepartments: ['cgj'],
  }
  const location = { lngLat: [113.6, 34.7] as [number, number], source: 'gps' as const }

  it('needs a category, a location and a description of at least 5 characters', () => {
    expect(validateReport({ category: null, location: null, description: ' ' })).toEqual({
      category: 'report.categoryRequired',
      location: 'report.locationRequired',
      description: 'report.descriptionRequired',
    })
    expect(validateReport({ category, location, description: '垃圾' })).toEqual({
      description: 'report.descriptionShort',
    })
    expect(validateReport({ category, location, description: '路口有暴露垃圾' })).toEqual({})
  })
})

describe('report form (上报)', () => {
  it('says what is missing and sends nothing', async () => {
    const { calls } = stubApi({ 'GET /api/case-categories': () => json(200, CATEGORIES) })
    renderApp('/field', <ReportForm />)
    await screen.findByRole('option', { name: '公用设施 · 上水井盖' })
    submit()
    expect(await screen.findByText('请选择问题类别。')).toBeTruthy()
    expect(screen.getByText('请用定位或地图选点确定位置。')).toBeTruthy()
    expect(screen.getByText('请填写问题描述。')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.click(screen.getByTestId('report-gps'))
    await waitFor(() => expect(screen.queryByText('请用定位或地图选点确定位置。')).toBeNull())
    expect(screen.getByText('请选择问题类别。')).toBeTruthy()
  })

  it('finds a category by search, reports with the GPS fix, then uploads the photo to the new case', async () => {
    const { calls } = stubApi({
      'GET /api/case-categories': () => json(200, CATEGORIES),
      'POST /api/cases': () =>
        json(201, { case: { id: 'c-9', requestNumber: 'ZZ20261123000009', version: 1 } }),
      'POST /api/cases/c-9/evidence': () =>
        json(201, { evidence: { id: 'ev-9', url: '/api/evidence/ev-9' } }),
    })
    renderApp('/field', <ReportForm />)
    fireEvent.change(await screen.findByTestId('report-category-search'), {
      target: { value: '垃圾' },
    })
    const select = screen.getByTestId('report-category')
    expect(screen.queryByRole('option', { name: '公用设施 · 上水井盖' })).toBeNull()
    fireEvent.change(select, { target: { value: 'event:0201' } })
    fireEvent.click(screen.getByTestId('report-gps'))
    await waitFor(() =>
      expect(screen.getByTestId('report-location').textContent).toBe('定位：113.62530, 34.74660'),
    )
    fireEvent.change(screen.getByTestId('report-description'), {
      target: { value: '  花园路口暴露垃圾  ' },
    })
    fireEvent.change(screen.getByTestId('evidence-input'), {
      target: { files: [new File(['jpeg'], 'a.jpg', { type: 'image/jpeg' })] },
    })
    expect(screen.getByTestId('photo-waiting')).toBeTruthy()
    submit()

    expect((await screen.findByTestId('report-done')).textContent).toContain(
      '已上报，案件编号 ZZ20261123000009。',
    )
    expect(await screen.findByTestId('photo-uploaded')).toBeTruthy()
    const report = calls.find((c) => c.method === 'POST' && c.path === '/api/cases')
    expect(report?.body).toEqual({
      kind: 'event',
      categoryCode: '0201',
      description: '花园路口暴露垃圾',
      location: { type: 'Point', coordinates: [113.6253, 34.7466] },
    })
    const upload = calls.find((c) => c.path === '/api/cases/c-9/evidence')
    const form = upload?.init.body as FormData
    expect(form.get('lng')).toBe('113.6253')
    expect(form.get('lat')).toBe('34.7466')
  })

  it('keeps the form and shows the server’s message when the report is refused', async () => {
    stubApi({
      'GET /api/case-categories': () => json(200, CATEGORIES),
      'POST /api/cases': () =>
        json(400, { error: '位置不在郑州市内 / The location is outside Zhengzhou.' }),
    })
    renderApp('/field', <ReportForm />)
    await screen.findByRole('option', { name: '公用设施 · 上水井盖' })
    fireEvent.change(screen.getByTestId('report-category'), { target: { value: 'component:0101' } })
    fireEvent.click(screen.getByTestId('report-gps'))
    await waitFor(() =>
      expect(screen.getByTestId('report-location').textContent).toContain('113.62530'),
    )
    fireEvent.change(screen.getByTestId('report-description'), {
      target: { value: '井盖缺失，有安全隐患' },
    })
    submit()
    expect(
      await screen.findByText('位置不在郑州市内 / The location is outside Zhengzhou.'),
    ).toBeTruthy()
    expect(screen.queryByTestId('report-done')).toBeNull()
    expect((screen.getByTestId('report-description') as HTMLTextAreaElement).value).toBe(
      '井盖缺失，有安全隐患',
    )
  })

  it('says when the category list is unavailable instead of offering made-up categories', async () => {
    stubApi({})
    renderApp('/field', <ReportForm />)
    expect((await screen.findByTestId('report-category-error')).textContent).toBe(
      '类别列表暂时无法加载，请稍后重试。',
    )
  })
})
