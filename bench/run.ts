/**
 * `npm run bench`: every benchmark, printed as a table and written to bench/results.json.
 * Figures, not assertions: tests never depend on wall-clock time.
 */
import { writeFileSync } from 'node:fs'
import { benchKernel } from './kernel'
import { printSeekBench } from './seek'

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }

console.log('Kernel throughput (ping/pong, 3 events per node per simulated second)')
results.kernel = [10, 100, 1000].map((n) => {
  const f = benchKernel(n, 3_000_000)
  console.log(`  ${String(n).padStart(5)} nodes: ${(f.eventsPerSecond / 1e6).toFixed(2)} M events/s  (${f.events} events in ${f.wallSeconds.toFixed(2)} s)`)
  return f
})

console.log('Seeking in a recorded 10-minute run of 5 nodes (target: under 100 ms)')
results.seek = printSeekBench()

writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n')
console.log('written bench/results.json')
