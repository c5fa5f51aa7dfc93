// Characters Windows, macOS or a mail gateway refuse or misread in a file name.
const PATH_LIKE = /[\\/:]/g
const FORBIDDEN = /[*?"<>|]/g
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f

/** "简报-<title>-<period>.<ext>", safe on every desktop (no separators, no reserved signs). */
export function briefingFileName(
  prefix: string,
  title: string,
  period: string,
  ext: 'png' | 'pdf',
): string {
  const clean = (part: string) =>
    Array.from(part, (ch) => (isControl(ch) ? ' ' : ch))
      .join('')
      .replace(PATH_LIKE, '-')
      .replace(FORBIDDEN, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+|[.\s]+$/g, '')
  const stem = [prefix, clean(title), clean(period)].filter((p) => p !== '').join('-')
  // Long names are cut below the usual 255-byte limit (CJK is 3 bytes in UTF-8).
  return `${stem.slice(0, 80)}.${ext}`
}
