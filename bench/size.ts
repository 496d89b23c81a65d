/**
 * `npm run size`: the JavaScript the page loads before it can start (entry chunk and its static
 * imports), gzipped, against the budget of issue 10 (150 kB). Builds into a temporary directory
 * with Vite's manifest; prints every initial chunk and the total; exits 1 over budget. Chunks
 * loaded on demand (views, lessons, validators) are summed apart; the worker is not counted.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { initialFiles, type Manifest } from './initialJs'

const BUDGET_KB = 150

const out = mkdtempSync(join(tmpdir(), 'driftlab-size-'))
try {
  execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir'], {
    stdio: 'ignore',
  })
  const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Manifest
  // level 9, like the sizes Vite prints: a server's gzip -6 differs by a percent or so
  const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length / 1000
  const initial = initialFiles(manifest)
  let total = 0
  console.log('Initial JavaScript (gzipped):')
  for (const file of initial) {
    const kb = gz(file)
    total += kb
    console.log(`  ${kb.toFixed(1).padStart(7)} kB  ${file}`)
  }
  console.log(`  ${total.toFixed(1).padStart(7)} kB  total (budget ${BUDGET_KB} kB)`)
  const onDemand = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && !initial.includes(f))
  const later = onDemand.reduce((sum, f) => sum + gz(f), 0)
  console.log(
    `On demand: ${onDemand.length} chunks, ${later.toFixed(1)} kB gzipped (the worker is built apart, not listed)`,
  )
  if (total > BUDGET_KB) {
    console.error(`Initial JavaScript ${total.toFixed(1)} kB is over the ${BUDGET_KB} kB budget`)
    process.exitCode = 1
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
