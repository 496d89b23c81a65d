/**
 * `?lesson=<id>&step=N` (contract.md §3): N is 1-based; absent or not a positive integer
 * means the first step.
 */
export interface LessonLink {
  id: string
  /** 1-based */
  step: number
}

export function parseLessonLink(search: string): LessonLink | null {
  const q = new URLSearchParams(search)
  const id = q.get('lesson')
  if (!id) return null
  const n = Number(q.get('step'))
  return { id, step: Number.isInteger(n) && n >= 1 ? n : 1 }
}

/** The address with the lesson and step set (or removed with `null`), other parameters kept. */
export function withLessonLink(href: string, link: LessonLink | null): string {
  const url = new URL(href)
  if (link) {
    url.searchParams.set('lesson', link.id)
    url.searchParams.set('step', String(link.step))
  } else {
    url.searchParams.delete('lesson')
    url.searchParams.delete('step')
  }
  return url.toString()
}
