import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Button } from './button'
import { Dialog } from './dialog'

function Harness({ onClose = () => undefined }: { onClose?: () => void }) {
  const [isOpen, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>修改密码</Button>
      {isOpen ? (
        <Dialog
          title="修改密码"
          closeLabel="关闭"
          onClose={() => {
            onClose()
            setOpen(false)
          }}
        >
          <input aria-label="当前密码" />
          <Button>保存</Button>
        </Dialog>
      ) : null}
    </>
  )
}

describe('Dialog', () => {
  it('is a labelled modal dialog that takes focus and gives it back on Escape', () => {
    const onClose = vi.fn()
    render(<Harness onClose={onClose} />)
    const opener = screen.getByRole('button', { name: '修改密码' })
    opener.focus()
    fireEvent.click(opener)

    const dialog = screen.getByRole('dialog', { name: '修改密码' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(screen.getByLabelText('当前密码'))

    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('keeps Tab inside the dialog', () => {
    render(<Harness />)
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }))
    const save = screen.getByRole('button', { name: '保存' })
    save.focus()
    fireEvent.keyDown(save, { key: 'Tab' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '关闭' }))
    fireEvent.keyDown(document.activeElement ?? save, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(save)
  })
})

describe('Dialog after its focused element disappears', () => {
  function Stepper({ onClose }: { onClose: () => void }) {
    const [step, setStep] = useState(1)
    return (
      <Dialog title="两步验证" closeLabel="关闭" onClose={onClose}>
        {step === 1 ? <Button onClick={() => setStep(2)}>开始设置</Button> : <p>第 2 步</p>}
      </Dialog>
    )
  }

  it('still closes on Escape and brings Tab back inside', () => {
    const onClose = vi.fn()
    render(<Stepper onClose={onClose} />)
    fireEvent.click(screen.getByRole('button', { name: '开始设置' }))
    expect(document.activeElement).toBe(document.body)
    fireEvent.keyDown(document.body, { key: 'Tab' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '关闭' }))
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
