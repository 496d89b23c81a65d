import { describe, expect, it } from 'vitest'
import { serviceWorkerSource, versionOf } from './serviceWorker'

describe('the offline service worker', () => {
  const files = ['assets/index-a1.js', 'assets/sim.worker-b2.js', 'favicon.svg']

  it('precaches the page and every file of the build, relative to its own location', () => {
    const src = serviceWorkerSource(files, versionOf(files))
    const list = JSON.parse(/const FILES = (\[.*\])/.exec(src)![1]!) as string[]
    expect(list).toEqual([
      './',
      './assets/index-a1.js',
      './assets/sim.worker-b2.js',
      './favicon.svg',
    ])
    expect(src).not.toMatch(/['"]\/assets/) // nothing rooted at the host: sub-paths work
    expect(() => new Function(src)).not.toThrow() // it parses
  })

  it('names its cache after the build: same files, same cache; another build, another cache', () => {
    expect(versionOf(files)).toBe(versionOf([...files].reverse()))
    expect(versionOf(files)).not.toBe(versionOf([...files, 'assets/new-c3.js']))
    expect(serviceWorkerSource(files, versionOf(files))).toContain(`'driftlab-${versionOf(files)}'`)
  })
})
