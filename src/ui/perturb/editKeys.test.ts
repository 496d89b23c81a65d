import { describe, expect, it } from 'vitest'
import { editShortcut, type KeyPress } from './editKeys'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('undo / redo keys', () => {
  it('Ctrl+Z and Cmd+Z undo; with Shift they redo, as does Ctrl+Y', () => {
    expect(editShortcut(press('z', { ctrlKey: true }))).toBe('undo')
    expect(editShortcut(press('z', { metaKey: true }))).toBe('undo')
    expect(editShortcut(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(editShortcut(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(editShortcut(press('y', { ctrlKey: true }))).toBe('redo')
  })

  it('leaves other keys alone', () => {
    expect(editShortcut(press('z'))).toBeNull()
    expect(editShortcut(press('z', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(editShortcut(press('y', { metaKey: true }))).toBeNull()
    expect(editShortcut(press('x', { ctrlKey: true }))).toBeNull()
  })
})
