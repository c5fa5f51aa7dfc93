import { act, configure, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { json, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { CaseActionForm } from './action-form'

// Each step waits for the form's own async work (position, upload); on a busy machine with the
// whole suite running that can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 })

const EVIDENCE = 'POST /api/cases/c-1/evidence'

function renderDispose(onSubmit = vi.fn(() => Promise.resolve())) {
  renderApp(
    '/departments/cgj',
    <CaseActionForm action="dispose" caseId="c-1" onSubmit={onSubmit} onCancel={() => undefined} />,
  )
  return onSubmit
}

const photo = (name = 'site.jpg') => new File(['jpeg bytes'], name, { type: 'image/jpeg' })

function takePhoto(file = photo()) {
  fireEvent.change(screen.getByTestId('evidence-input'), { target: { files: [file] } })
}

const note = () => screen.getByTestId('action-text')
const submit = () => screen.getByTestId('action-submit')

/** An upload answer the test releases when it wants. */
function deferred() {
  let release: (response: Response) => void = () => undefined
  const promise = new Promise<Response>((resolve) => {
    release = resolve
  })
  return { promise, release }
}

describe('dispose form (处置反馈)', () => {
  it('requires a note and sends nothing without one', async () => {
    const { calls } = stubApi({})
    const onSubmit = renderDispose()
    fireEvent.click(submit())
    expect(await screen.findByText('请填写处置情况。')).toBeTruthy()
    expect(note().getAttribute('aria-invalid')).toBe('true')
    expect(onSubmit).not.toHaveBeenCalled()

    fireEvent.change(note(), { target: { value: '   ' } })
    fireEvent.click(submit())
    expect(onSubmit).not.toHaveBeenCalled()
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('shows a photo as uploading, holds the submit until it is uploaded, then sends its evidence id', async () => {
    const upload = deferred()
    const { calls } = stubApi({ [EVIDENCE]: () => upload.promise })
    const onSubmit = renderDispose()
    fireEvent.change(note(), { target: { value: '已清理垃圾并冲洗地面' } })
    takePhoto()

    expect(await screen.findByTestId('photo-uploading')).toBeTruthy()
    expect(submit().textContent).toBe('等待照片上传…')
    expect((submit() as HTMLButtonElement).disabled).toBe(true)

    const sent = calls.find((c) => `${c.method} ${c.path}` === EVIDENCE)
    const form = sent?.init.body
    expect(form).toBeInstanceOf(FormData)
    expect((form as FormData).get('file')).toBeInstanceOf(File)
    expect((form as FormData).get('capturedAt')).toMatch(/^\d{4}-\d\d-\d\dT/)

    await act(async () => {
      upload.release(json(201, { evidence: { id: 'ev-1', url: '/api/evidence/ev-1' } }))
      await upload.promise
    })
    expect(await screen.findByTestId('photo-uploaded')).toBeTruthy()
    expect((submit() as HTMLButtonElement).disabled).toBe(false)
    // Uploaded evidence belongs to the case: it cannot be taken back from the phone.
    expect(screen.queryByRole('button', { name: '移除照片 1' })).toBeNull()

    fireEvent.click(submit())
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1))
    expect(onSubmit).toHaveBeenCalledWith({ note: '已清理垃圾并冲洗地面', evidenceIds: ['ev-1'] })
  })

  it('shows why a photo failed, blocks the submit, and lets it be uploaded again', async () => {
    let attempts = 0
    stubApi({
      [EVIDENCE]: () => {
        attempts += 1
        return attempts === 1
          ? json(413, { error: '照片超过 10 MB / The photo is larger than 10 MB.' })
          : json(201, { evidence: { id: 'ev-2', url: '/api/evidence/ev-2' } })
      },
    })
    const onSubmit = renderDispose()
    fireEvent.change(note(), { target: { value: '井盖已更换' } })
    takePhoto()

    expect(await screen.findByTestId('photo-failed')).toBeTruthy()
    expect(screen.getByText('照片超过 10 MB / The photo is larger than 10 MB.')).toBeTruthy()
    fireEvent.click(submit())
    expect(await screen.findByText('有照片上传失败：请重新上传或移除后再提交。')).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: '重新上传' }))
    expect(await screen.findByTestId('photo-uploaded')).toBeTruthy()
    fireEvent.click(submit())
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ note: '井盖已更换', evidenceIds: ['ev-2'] }),
    )
  })

  it('sends the note alone once a failed photo is removed', async () => {
    stubApi({ [EVIDENCE]: () => json(415, { error: '不是图片 / Not an image.' }) })
    const onSubmit = renderDispose()
    fireEvent.change(note(), { target: { value: '已处理' } })
    takePhoto()
    await screen.findByTestId('photo-failed')
    fireEvent.click(screen.getByRole('button', { name: '移除照片 1' }))
    expect(screen.queryByTestId('photo-failed')).toBeNull()
    fireEvent.click(submit())
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ note: '已处理' }))
  })

  it("shows the server's refusal and keeps the typed note", async () => {
    stubApi({})
    const onSubmit = renderDispose(
      vi.fn(() => Promise.reject(new Error('案件已被他人更新 / The case changed.'))),
    )
    fireEvent.change(note(), { target: { value: '已处理完毕' } })
    fireEvent.click(submit())
    expect(await screen.findByText('案件已被他人更新 / The case changed.')).toBeTruthy()
    expect((note() as HTMLTextAreaElement).value).toBe('已处理完毕')
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })
})
