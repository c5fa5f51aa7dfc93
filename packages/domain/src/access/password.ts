import { COMMON_PASSWORD_FRAGMENTS } from './common-passwords'

// Common practice for 等保 2.0 "鉴别信息具有复杂度要求" [U: the standard asks for complexity but
// sets no numbers]: length 12+ (NIST SP 800-63B favours length over rules), 3 of 4 character
// classes (the usual Chinese 等保 assessment reading), and a cap of 128 because every extra byte
// costs hashing time on each login.
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128, minClasses: 3 } as const

// Seeded demo accounts only: the BFF sets it when creating them and never runs `checkPassword`
// on it (it fails every rule on purpose, so a real account cannot end up with it).
export const DEMO_PASSWORD = 'cityops-demo'

export const PASSWORD_PROBLEMS = [
  'tooShort',
  'tooLong',
  'tooFewClasses',
  'containsUsername',
  'containsDisplayName',
  'common',
] as const
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number]

const { minLength, maxLength, minClasses } = PASSWORD_POLICY
export const PASSWORD_PROBLEM_LABELS = {
  tooShort: { zh: `密码至少 ${minLength} 个字符`, en: `Use at least ${minLength} characters` },
  tooLong: { zh: `密码最多 ${maxLength} 个字符`, en: `Use at most ${maxLength} characters` },
  tooFewClasses: {
    zh: `至少包含小写字母、大写字母、数字、符号中的 ${minClasses} 类`,
    en: `Mix at least ${minClasses} of: lowercase, uppercase, digits, symbols`,
  },
  containsUsername: { zh: '密码不能包含用户名', en: 'Do not include your username' },
  containsDisplayName: { zh: '密码不能包含姓名', en: 'Do not include your name' },
  common: {
    zh: '密码包含常见密码或易猜词，请换一个',
    en: 'It contains a common password or an easily guessed word; choose another',
  },
} as const satisfies Record<PasswordProblem, { zh: string; en: string }>

export interface PasswordCheck {
  ok: boolean
  problems: PasswordProblem[]
}

// Anything that is not an ASCII letter or digit (space, punctuation, 汉字) counts as a symbol.
const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const

// Short names would forbid too much ("li" is in "million"); 2 is enough for a Chinese name.
const MIN_USERNAME_PART = 4
const MIN_DISPLAY_NAME = 2

function usernameFragments(username: string): string[] {
  const lower = username.toLowerCase()
  const parts = lower.split(/[._-]+/).filter((p) => p.length >= MIN_USERNAME_PART)
  return [lower, lower.replace(/[._-]/g, ''), ...parts].filter((p) => p.length >= 3)
}

/** Checks a password a person chose; problems come in `PASSWORD_PROBLEMS` order. */
export function checkPassword(
  password: string,
  context: { username: string; displayName?: string },
): PasswordCheck {
  const length = [...password].length // code points, so 汉字 and emoji count once
  const lower = password.toLowerCase()
  const name = context.displayName?.trim().toLowerCase() ?? ''
  const found: Record<PasswordProblem, boolean> = {
    tooShort: length < minLength,
    tooLong: length > maxLength,
    tooFewClasses: CLASSES.filter((re) => re.test(password)).length < minClasses,
    containsUsername: usernameFragments(context.username).some((f) => lower.includes(f)),
    containsDisplayName: [...name].length >= MIN_DISPLAY_NAME && lower.includes(name),
    common: COMMON_PASSWORD_FRAGMENTS.some((f) => lower.includes(f)),
  }
  const problems = PASSWORD_PROBLEMS.filter((p) => found[p])
  return { ok: problems.length === 0, problems }
}
