/**
 * Register the offline service worker (src/offline/serviceWorker.ts) in the built app. Relative
 * URL: its scope is the directory the app is served from, whatever the sub-path. A browser
 * without service workers, or one that refuses (private mode, file://), simply stays online-only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // no offline copy; the app itself is unaffected
  })
}
