import { z } from 'zod'

// The one import of zod. No code generation: the app's Content-Security-Policy forbids eval
// (vite.config.ts), and zod probes for `new Function` as each object schema is built — a probe
// the browser reports as a violation even though it is caught. So the switch must be set before
// the first schema exists, in every realm (page, worker, Node): every schema module imports z
// from here.
z.config({ jitless: true })

export { z }
