import { describe, expect, it, vi } from 'vitest'
import type * as Engine from '../engine'

// No schema-valid scenario stalls (the numeric bounds see to that; engine/sim/stall.test.ts
// stalls a probe protocol): the engine's run is replaced to check how the CLI reports one.
vi.mock('../engine', async (importOriginal) => {
  const engine = await importOriginal<typeof Engine>()
  return {
    ...engine,
    runAndSummarize: () => {
      throw new engine.SimulationStalled(0.2, 1_006_000, 'timer "timeout" on n1')
    },
  }
})

const { runCli } = await import('./run')

describe('CLI on a stalled run', () => {
  it('prints the stall on stderr, no stack trace, exit 2', () => {
    const scenario = { version: 1, seed: 1, duration: 5, nodes: [{ id: 'n1' }] }
    const out = { stdout: '', stderr: '' }
    const code = runCli(['a.json'], {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      readCapped: () => new TextEncoder().encode(JSON.stringify(scenario)),
      openTrace: () => {
        throw new Error('no trace asked for')
      },
    })
    expect(code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toMatch(
      /^simulation stalled at t = 0.2 s: 1006000 events .*timer "timeout" on n1/,
    )
    expect(out.stderr).not.toMatch(/\n\s+at /)
  })
})
