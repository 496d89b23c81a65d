import { describe, expect, it } from 'vitest'
import type { ShardCommand } from './commands'
import { applyCommand, createShard, safeTime, TS_TICK, versionAt } from './shard'

const prepare = (
  txn: string,
  ts: number,
  writes: Record<string, string>,
  reads: Record<string, number | null> = {},
): ShardCommand => ({ c: 'prepare', txn, ts, reads, writes, coordinator: 'c1', participants: [0] })

describe('shard state machine', () => {
  it('installs a committed write at its timestamp; snapshots see the newest version at or below', () => {
    const st = createShard(0)
    expect(applyCommand(st, prepare('t1', 1, { x: 'a' }))).toEqual({
      txn: 't1',
      outcome: 'prepared',
      ts: 1,
    })
    applyCommand(st, { c: 'decide', txn: 't1', commit: true, ts: 1.5 })
    applyCommand(st, prepare('t2', 2, { x: 'b' }, { x: 1.5 }))
    applyCommand(st, { c: 'decide', txn: 't2', commit: true, ts: 2 })
    expect(versionAt(st, 'x', 1.4)).toBeNull()
    expect(versionAt(st, 'x', 1.5)?.value).toBe('a')
    expect(versionAt(st, 'x', 9)?.value).toBe('b')
  })

  it('the first vote decides: a refusal logged first makes a later prepare a no-op, and vice versa', () => {
    const st = createShard(0)
    expect(applyCommand(st, { c: 'refuse', txn: 't1' })).toEqual({
      txn: 't1',
      outcome: 'refused',
      ts: null,
    })
    expect(applyCommand(st, prepare('t1', 1, { x: 'a' }))).toBeNull()
    applyCommand(st, prepare('t2', 1, { y: 'a' }))
    expect(applyCommand(st, { c: 'refuse', txn: 't2' })).toBeNull()
    expect(st.txns.get('t2')?.status).toBe('prepared')
  })

  it('a prepared transaction locks its keys: a conflicting prepare is refused, and so is a stale read', () => {
    const st = createShard(0)
    applyCommand(st, prepare('t1', 1, { x: 'a' }, { y: null }))
    expect(applyCommand(st, prepare('t2', 1, { x: 'b' }))).toMatchObject({ outcome: 'refused' }) // write-write
    expect(applyCommand(st, prepare('t3', 1, {}, { x: null }))).toMatchObject({
      outcome: 'refused',
    }) // read of a locked write
    expect(applyCommand(st, prepare('t4', 1, { y: 'b' }))).toMatchObject({ outcome: 'refused' }) // write of a read-locked key
    applyCommand(st, { c: 'decide', txn: 't1', commit: true, ts: 2 })
    // t5 read x before t1 committed it: its read is stale now
    expect(applyCommand(st, prepare('t5', 3, { z: 'c' }, { x: null }))).toMatchObject({
      outcome: 'refused',
    })
    expect(applyCommand(st, prepare('t6', 3, { z: 'c' }, { x: 2 }))).toMatchObject({
      outcome: 'prepared',
    })
  })

  it('timestamps only grow: a prepare proposed below the floor is raised above it', () => {
    const st = createShard(0)
    applyCommand(st, { c: 'floor', ts: 5 })
    expect(applyCommand(st, prepare('t1', 1, { x: 'a' }))).toEqual({
      txn: 't1',
      outcome: 'prepared',
      ts: 5 + TS_TICK,
    })
  })

  it('safe time stops below the oldest undecided prepare and moves on once it is decided', () => {
    const st = createShard(0)
    applyCommand(st, prepare('t1', 2, { x: 'a' }))
    applyCommand(st, { c: 'floor', ts: 10 })
    expect(safeTime(st)).toBe(2 - TS_TICK)
    applyCommand(st, { c: 'decide', txn: 't1', commit: false, ts: 0 })
    expect(safeTime(st)).toBe(10)
    expect(versionAt(st, 'x', 100)).toBeNull()
  })
})
