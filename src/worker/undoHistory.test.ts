import { describe, expect, it } from 'vitest'
import { emptyHistory, recordChange, redo, undo, UNDO_LIMIT, type UndoHistory } from './undoHistory'

/** Apply a change the way the worker does: remember the state it replaces. */
function change(h: UndoHistory<string[]>, before: string[]): UndoHistory<string[]> {
  return recordChange(h, before)
}

describe('undo history over intervention lists', () => {
  it('has nothing to undo or redo at the start', () => {
    const h = emptyHistory<string[]>()
    expect(undo(h, [])).toBeNull()
    expect(redo(h, [])).toBeNull()
  })

  it('undo gives back the list before the last change, redo the list after it', () => {
    let h = change(emptyHistory(), []) // crash
    h = change(h, ['crash']) // step
    const back = undo(h, ['crash', 'step'])!
    expect(back.state).toEqual(['crash'])
    const back2 = undo(back.history, back.state)!
    expect(back2.state).toEqual([])
    expect(undo(back2.history, back2.state)).toBeNull()
    const fwd = redo(back2.history, back2.state)!
    expect(fwd.state).toEqual(['crash'])
    const fwd2 = redo(fwd.history, fwd.state)!
    expect(fwd2.state).toEqual(['crash', 'step'])
    expect(redo(fwd2.history, fwd2.state)).toBeNull()
    expect(fwd2.history.past).toEqual([[], ['crash']])
  })

  it('undoing an intervention made in the past brings back the later ones it replaced', () => {
    // a, b, c recorded; rewound before b and acted: d replaced b and c
    const h = change(emptyHistory(), ['a', 'b', 'c'])
    expect(undo(h, ['a', 'd'])!.state).toEqual(['a', 'b', 'c'])
  })

  it('a new change after an undo forgets what could be redone', () => {
    let h = change(emptyHistory(), [])
    const back = undo(h, ['x'])!
    h = change(back.history, back.state)
    expect(redo(h, ['y'])).toBeNull()
    expect(undo(h, ['y'])!.state).toEqual([])
  })

  it('keeps at most UNDO_LIMIT changes, dropping the oldest', () => {
    let h = emptyHistory<string[]>()
    for (let i = 0; i <= UNDO_LIMIT; i++) h = change(h, [String(i)])
    expect(h.past).toHaveLength(UNDO_LIMIT)
    expect(h.past[0]).toEqual(['1'])
  })

  it('never mutates the history it is given', () => {
    const h = change(emptyHistory(), ['a'])
    const frozen = JSON.stringify(h)
    undo(h, ['a', 'b'])
    recordChange(h, ['z'])
    expect(JSON.stringify(h)).toBe(frozen)
  })
})
