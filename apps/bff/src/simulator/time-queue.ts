/** A binary min-heap of items by time, ties by key: the backfill's scheduled steps. */
export class TimeQueue<T extends { at: Date; key: string }> {
  private readonly items: T[] = []

  get size() {
    return this.items.length
  }

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T) {
    const a = this.items
    a.push(item)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  pop(): T | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length === 0 || last === undefined) return top
    a[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < a.length && this.less(l, m)) m = l
      if (r < a.length && this.less(r, m)) m = r
      if (m === i) return top
      this.swap(i, m)
      i = m
    }
  }

  private less(i: number, j: number): boolean {
    const x = this.items[i]
    const y = this.items[j]
    if (!x || !y) return false
    const d = x.at.getTime() - y.at.getTime()
    return d < 0 || (d === 0 && x.key < y.key)
  }

  private swap(i: number, j: number) {
    const a = this.items
    const x = a[i]
    const y = a[j]
    if (x === undefined || y === undefined) return
    a[i] = y
    a[j] = x
  }
}
