type Link = [number, number]

/**
 * Both link sets — the protocols' pairs and the ones traffic revealed — without repeats, kept as
 * links are learned. Within a run the store only appends to the learned ones, so a batch costs
 * its own links, not the 39 800 pairs of a 200-node cluster again (merging them all anew at each
 * batch was a 50 ms task in a large run's first seconds). Other declared links, another node
 * count or fewer learned links start over. A call that adds nothing returns the previous array,
 * so the views drawn from it do not render again.
 */
export function createLinkMerger(): (
  declared: readonly Link[],
  learned: readonly Link[],
  n: number,
) => Link[] {
  let from: readonly Link[] | null = null
  let size = -1
  let used = 0
  let seen = new Set<number>()
  let out: Link[] = []
  let last: Link[] = []
  const take = ([a, b]: readonly [number, number]) => {
    const key = a * size + b
    if (a === b || seen.has(key)) return
    seen.add(key)
    out.push([a, b])
  }
  return (declared, learned, n) => {
    let changed = false
    if (declared !== from || n !== size || learned.length < used) {
      from = declared
      size = n
      used = 0
      seen = new Set()
      out = []
      declared.forEach(take)
      changed = true
    }
    const before = out.length
    for (; used < learned.length; used++) take(learned[used])
    if (changed || out.length !== before) last = out.slice()
    return last
  }
}
