import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TextField } from './fields'

describe('TextField', () => {
  it('labels the input and links hint and error as its description', () => {
    render(
      <TextField
        label="用户名"
        hint="小写字母和数字"
        error="用户名不能为空"
        autoComplete="username"
      />,
    )
    const input = screen.getByRole('textbox', { name: '用户名' })
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('autocomplete')).toBe('username')
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
    expect(described).toEqual(['小写字母和数字', '用户名不能为空'])
  })
})
