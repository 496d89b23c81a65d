/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // DRIFTLAB_OUT_DIR lets several builds/previews run side by side (parallel e2e work).
  build: { target: 'es2022', sourcemap: false, outDir: process.env.DRIFTLAB_OUT_DIR ?? 'dist' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
  },
})
