/**
 * Share links (docs/ui-contract.md): this page's address and query (`?lang`, `?embed`) with the
 * payload in the hash, `#s=<payload>`. The hash never reaches a server.
 */
export function shareUrl(href: string, payload: string): string {
  const url = new URL(href)
  url.hash = `s=${payload}`
  return url.toString()
}

/** Whether a location hash is meant as a share link (then it is decoded, or rejected). */
export const isShareHash = (hash: string): boolean => hash.startsWith('#s=')

/** `?embed=1`: the page sits in an iframe and shows only the topology and run controls. */
export const isEmbed = (search: string): boolean => new URLSearchParams(search).get('embed') === '1'

/** A file name from a scenario name: letters, digits and dashes, never empty. */
export function fileStem(name: string, fallback = 'driftlab'): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return stem || fallback
}
