import { describe, expect, it } from 'vitest'
import { initialFiles, type Manifest } from './initialJs'

describe('initialFiles', () => {
  const manifest: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_i18n'],
      dynamicImports: ['src/Views.tsx'],
    },
    _i18n: { file: 'assets/i18n.js', imports: ['_react'] },
    _react: { file: 'assets/react.js' },
    'src/Views.tsx': { file: 'assets/Views.js', imports: ['_react', '_d3'] },
    _d3: { file: 'assets/d3.js' },
    'src/sim.worker.ts': { file: 'assets/sim.worker.js' },
  }

  it('counts the entry and its static imports, transitively, each once', () => {
    expect(initialFiles(manifest)).toEqual(['assets/index.js', 'assets/i18n.js', 'assets/react.js'])
  })

  it('leaves out chunks reached only through import() and the worker', () => {
    const files = initialFiles(manifest)
    expect(files).not.toContain('assets/Views.js')
    expect(files).not.toContain('assets/d3.js')
    expect(files).not.toContain('assets/sim.worker.js')
  })

  it('refuses a manifest that names a chunk it does not hold', () => {
    expect(() =>
      initialFiles({ 'index.html': { file: 'a.js', isEntry: true, imports: ['_x'] } }),
    ).toThrow(/no chunk "_x"/)
  })
})
