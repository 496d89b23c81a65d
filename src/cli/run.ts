/**
 * The headless run (docs/cli.md) as a function: arguments in, exit code out, every byte of
 * output through `io`, so tests drive it in-process. main.ts binds it to the process.
 *
 * Exit codes (docs/cli.md): 0 summary printed; 2 refused — bad argument, unreadable or invalid
 * scenario, a scenario past the work limits without --force, or one the simulator cannot advance
 * (it stalled); 1 the run failed for another reason (the trace file could not be written).
 * Nothing ends in a stack trace.
 */
import { parseArgs } from 'node:util'
import {
  CLI_LIMITS,
  createSimulation,
  estimateWork,
  MAX_SCENARIO_BYTES,
  overLimits,
  parseScenario,
  parseScenarioText,
  runAndSummarize,
  SimulationStalled,
  type TraceRecord,
  type WorkEstimate,
} from '../engine'

export const USAGE =
  'usage: npm run -s sim -- <scenario.json> [--seed N] [--duration S] [--trace out.jsonl] [--force]'

/** What the CLI touches outside itself. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** the file's bytes, or a refusal when it is longer than `max` bytes (read no further) */
  readCapped(path: string, max: number): Uint8Array | { tooLong: true }
  /** open for writing; write appends; close flushes */
  openTrace(path: string): { write(text: string): void; close(): void }
}

/** A refusal or failure with its exit code: the message is the whole of what the user sees. */
class Exit extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message)
  }
}

const errno = (e: unknown) =>
  (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e))

interface Options {
  file: string
  seed?: number
  duration?: number
  trace?: string
  force: boolean
}

function options(argv: string[]): Options | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        duration: { type: 'string' },
        trace: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (e) {
    // parseArgs' own wording ("Unknown option '--x'", "Option '--seed <value>' argument missing")
    throw new Exit(2, `${(e as Error).message}\n${USAGE}`)
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0) throw new Exit(2, `a scenario file is required\n${USAGE}`)
  if (positionals.length > 1) throw new Exit(2, `unexpected argument ${positionals[1]}\n${USAGE}`)
  const out: Options = { file: positionals[0], force: values.force }
  if (values.seed !== undefined) {
    const v = Number(values.seed)
    if (values.seed.trim() === '' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new Exit(2, '--seed: must be an integer in [0, 4294967295]')
    out.seed = v
  }
  if (values.duration !== undefined) {
    const v = Number(values.duration)
    if (values.duration.trim() === '' || !Number.isFinite(v) || v < 0)
      throw new Exit(2, '--duration: must be a non-negative number of seconds')
    out.duration = v
  }
  if (values.trace !== undefined) {
    if (values.trace === '') throw new Exit(2, '--trace: needs a file name')
    out.trace = values.trace
  }
  return out
}

function readScenario(io: CliIo, o: Options): unknown {
  let bytes
  try {
    bytes = io.readCapped(o.file, MAX_SCENARIO_BYTES)
  } catch (e) {
    throw new Exit(2, `${o.file}: cannot read (${errno(e)})`)
  }
  if ('tooLong' in bytes)
    throw new Exit(2, `${o.file}: larger than ${MAX_SCENARIO_BYTES} bytes; not a scenario file`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new Exit(2, `${o.file}: not UTF-8 text`)
  }
  const r = parseScenarioText(text)
  if (!r.ok) throw new Exit(2, `${o.file}: ${r.error}`)
  const json = r.json
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    if (o.seed !== undefined) (json as Record<string, unknown>).seed = o.seed
    if (o.duration !== undefined) (json as Record<string, unknown>).duration = o.duration
  }
  return json
}

function describeOver(e: WorkEstimate, over: (keyof WorkEstimate)[]): string {
  const what: Record<string, string> = {
    events: `about ${e.events.toExponential(1)} events (limit ${CLI_LIMITS.events.toExponential(0)})`,
    peerStates: `${e.peerStates} client–server pairs to keep state for (limit ${CLI_LIMITS.peerStates})`,
  }
  return over.map((k) => what[k]).join('; ')
}

/** Run the CLI; returns the exit code. */
export function runCli(argv: string[], io: CliIo): number {
  try {
    const o = options(argv)
    if (o === 'help') {
      io.stdout(USAGE + '\n')
      return 0
    }
    const parsed = parseScenario(readScenario(io, o))
    if (!parsed.ok) throw new Exit(2, parsed.error)
    const scenario = parsed.scenario
    const estimate = estimateWork(scenario)
    const over = overLimits(estimate, CLI_LIMITS)
    if (over.length > 0 && !o.force)
      throw new Exit(
        2,
        `scenario too large: ${describeOver(estimate, over)}; run anyway with --force`,
      )

    let trace: ReturnType<CliIo['openTrace']> | undefined
    if (o.trace) {
      try {
        trace = io.openTrace(o.trace)
      } catch (e) {
        throw new Exit(2, `--trace ${o.trace}: cannot write (${errno(e)})`)
      }
    }
    const sink = trace
    const sim = createSimulation(scenario, {
      trace: sink && ((r: TraceRecord) => sink.write(JSON.stringify(r) + '\n')),
    })
    let summary
    try {
      summary = runAndSummarize(sim, scenario.duration)
      sink?.close()
    } catch (e) {
      if (e instanceof SimulationStalled) throw new Exit(2, e.message)
      if (sink) throw new Exit(1, `--trace ${o.trace}: cannot write (${errno(e)})`)
      throw e
    }
    io.stdout(JSON.stringify(summary, null, 2) + '\n')
    return 0
  } catch (e) {
    if (e instanceof Exit) {
      io.stderr(e.message.endsWith('\n') ? e.message : e.message + '\n')
      return e.code
    }
    // a bug: still one line, no stack (DRIFTLAB_DEBUG=1 would be the place to add one)
    io.stderr(`internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}
