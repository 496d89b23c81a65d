/** Save `blob` under `name` through a temporary object URL (the browser's download flow). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the download has taken its copy once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
