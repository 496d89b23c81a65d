/**
 * An append-only log that forgets from the front and hands out what is new in increments: the
 * worker keeps a bounded window of recent records and sends the UI only what it has not seen.
 * Positions are absolute (counted from the last `clear`), so "sent up to" survives eviction.
 */
export class WindowedLog<T> {
  private items: T[] = []
  /** absolute position of items[0] */
  private base = 0
  /** absolute position of the first item not yet taken */
  private sent = 0

  get length(): number {
    return this.items.length
  }

  /** The i-th item still held (0 = oldest). */
  at(i: number): T {
    return this.items[i]
  }

  push(item: T): void {
    this.items.push(item)
  }

  /** Forget the `count` oldest items, telling `onLeave` about each (oldest first). */
  dropFront(count: number, onLeave?: (item: T) => void): void {
    if (count <= 0) return
    if (onLeave) for (let i = 0; i < count; i++) onLeave(this.items[i])
    this.items = this.items.slice(count)
    this.base += count
  }

  /** Forget the oldest items while `old` holds for them; returns how many went. */
  dropWhile(old: (item: T) => boolean, onLeave?: (item: T) => void): number {
    let k = 0
    while (k < this.items.length && old(this.items[k])) k++
    this.dropFront(k, onLeave)
    return k
  }

  /** How many items `take(all)` would return. */
  pending(all: boolean): number {
    return this.base + this.items.length - this.start(all)
  }

  /** The items not taken yet (every item held, with `all`); they count as taken afterwards. */
  take(all: boolean): T[] {
    const out = this.items.slice(this.start(all) - this.base)
    this.sent = this.base + this.items.length
    return out
  }

  clear(): void {
    this.items = []
    this.base = 0
    this.sent = 0
  }

  private start(all: boolean): number {
    return all ? this.base : Math.max(this.sent, this.base)
  }
}
