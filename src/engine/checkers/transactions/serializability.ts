/**
 * Conflict serializability of a committed multi-version history (Adya's direct serialization
 * graph): versions of a key are ordered by commit timestamp; edges ww (next version), wr (the
 * version a transaction read) and rw (a read overwritten by the next version). The history is
 * serializable iff the graph is acyclic; a cycle is returned to name the transactions.
 */

export interface CommittedTxn {
  id: string
  ts: number
  /** key → timestamp of the version read (null: the key had none) */
  reads: Record<string, number | null>
  writes: string[]
}

export function serializationCycle(txns: readonly CommittedTxn[]): string[] | null {
  const versions = new Map<string, { ts: number; id: string }[]>()
  for (const t of txns)
    for (const k of t.writes) {
      const vs = versions.get(k) ?? []
      vs.push({ ts: t.ts, id: t.id })
      versions.set(k, vs)
    }
  for (const vs of versions.values()) vs.sort((a, b) => a.ts - b.ts)
  const edges = new Map<string, Set<string>>()
  const edge = (a: string, b: string) => {
    if (a === b) return
    const out = edges.get(a) ?? new Set()
    out.add(b)
    edges.set(a, out)
  }
  for (const vs of versions.values())
    for (let i = 1; i < vs.length; i++) edge(vs[i - 1].id, vs[i].id)
  for (const t of txns)
    for (const k in t.reads) {
      const vs = versions.get(k) ?? []
      const readTs = t.reads[k]
      // index of the first version after the one read
      let next = 0
      if (readTs !== null) {
        const i = vs.findIndex((v) => v.ts === readTs)
        if (i >= 0) edge(vs[i].id, t.id)
        next = i >= 0 ? i + 1 : vs.findIndex((v) => v.ts > readTs)
      }
      if (next >= 0 && next < vs.length) {
        // a transaction that both read and wrote k overwrote its own read: no edge to itself
        const w = vs[next].id === t.id ? vs[next + 1] : vs[next]
        if (w) edge(t.id, w.id)
      }
    }
  return findCycle(
    txns.map((t) => t.id),
    edges,
  )
}

function findCycle(nodes: string[], edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 1 | 2>() // 1: on the stack, 2: done
  for (const root of nodes) {
    if (state.has(root)) continue
    const path: string[] = []
    const stack: { node: string; it: Iterator<string> }[] = []
    const enter = (n: string) => {
      state.set(n, 1)
      path.push(n)
      stack.push({ node: n, it: (edges.get(n) ?? new Set<string>()).values() })
    }
    enter(root)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      const nx = top.it.next()
      if (nx.done) {
        state.set(top.node, 2)
        stack.pop()
        path.pop()
        continue
      }
      const s = state.get(nx.value)
      if (s === 1) return [...path.slice(path.indexOf(nx.value)), nx.value]
      if (s === undefined) enter(nx.value)
    }
  }
  return null
}
