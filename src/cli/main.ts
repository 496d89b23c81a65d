/**
 * Headless run (docs/cli.md):
 *   npm run -s sim -- <scenario.json> [--seed N] [--duration S] [--trace out.jsonl] [--force]
 * Prints one JSON summary on stdout, exit 0; a refusal: message on stderr, exit 2.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { runCli, type CliIo } from './run'

/** Trace lines are written in blocks of this many characters. */
const TRACE_BLOCK = 1 << 16

const io: CliIo = {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
  readCapped(path, max) {
    // read in chunks and stop past `max`: /dev/zero or a FIFO never ends, a huge file need not be read
    const fd = openSync(path, 'r')
    try {
      const chunks: Uint8Array[] = []
      let total = 0
      for (;;) {
        const buf = new Uint8Array(Math.min(1 << 20, max + 1 - total))
        const n = readSync(fd, buf, 0, buf.length, null)
        if (n === 0) break
        total += n
        if (total > max) return { tooLong: true }
        chunks.push(buf.subarray(0, n))
      }
      return Buffer.concat(chunks)
    } finally {
      closeSync(fd)
    }
  },
  openTrace(path) {
    const fd = openSync(path, 'w')
    let buf = ''
    const flush = () => {
      writeAll(fd, buf)
      buf = ''
    }
    return {
      write(text) {
        buf += text
        if (buf.length > TRACE_BLOCK) flush()
      },
      close() {
        flush()
        closeSync(fd)
      },
    }
  },
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8')
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off)
}

try {
  process.exitCode = runCli(process.argv.slice(2), io)
} catch (e) {
  // only writing the message itself can fail here (stdout or stderr closed): say nothing more
  process.exitCode = (e as NodeJS.ErrnoException).code === 'EPIPE' ? 0 : 1
}
