/// <reference types="vitest/config" />
import { readdirSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { serviceWorkerSource, versionOf } from './src/offline/serviceWorker.ts'

/**
 * The built app's Content-Security-Policy (docs/architecture.md, "Security"): scripts and the
 * worker only from the app's own files — no inline script, no eval. Build only: the dev server
 * injects an inline script for hot reload.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // React and D3 set styles through the CSSOM; inline style attributes stay allowed
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

const CHARSET = '<meta charset="UTF-8" />'

/** The policy as a meta tag right after the charset (which must come first), before any script. */
const contentSecurityPolicy: Plugin = {
  name: 'driftlab-csp',
  apply: 'build',
  transformIndexHtml(html) {
    if (!html.includes(CHARSET)) throw new Error(`index.html lacks ${CHARSET}`)
    return html.replace(
      CHARSET,
      `${CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    )
  },
}

/** `sw.js` beside index.html, precaching every file of this build (public/ ones included). */
const offline: Plugin = {
  name: 'driftlab-offline',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = [...Object.keys(bundle), ...readdirSync('public')].filter((f) => f !== 'sw.js')
    this.emitFile({
      type: 'asset',
      fileName: 'sw.js',
      source: serviceWorkerSource(files, versionOf(files)),
    })
  },
}

export default defineConfig({
  // relative URLs: the build works from any sub-path (GitHub Pages) and offline
  base: './',
  plugins: [react(), contentSecurityPolicy, offline],
  worker: { format: 'es' },
  // DRIFTLAB_OUT_DIR lets several builds/previews run side by side (parallel e2e work).
  build: { target: 'es2022', sourcemap: false, outDir: process.env.DRIFTLAB_OUT_DIR ?? 'dist' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
  },
})
