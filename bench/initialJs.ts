/**
 * Which JavaScript a page loads before it can start: the entry chunk and, transitively, every
 * chunk it imports statically (Vite's build manifest, `imports`). Chunks reached only through
 * `import()` (`dynamicImports`) load on demand and are not counted.
 */
interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

export type Manifest = Record<string, ManifestChunk>

/** The files of the entry chunks and their static imports, entry first, each once. */
export function initialFiles(manifest: Manifest): string[] {
  const seen = new Set<string>()
  const files: string[] = []
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest: no chunk "${key}"`)
    if (chunk.file.endsWith('.js')) files.push(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)
  return files
}
