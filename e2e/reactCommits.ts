import type { Page } from '@playwright/test'

/**
 * Count React commits in the page: a stand-in for the React DevTools hook, to which production
 * React reports every commit. Call before the page loads; read with the returned function.
 */
export async function countReactCommits(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }
    w.__commits = 0
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      isDisabled: false,
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onCommitFiberRoot: () => w.__commits++,
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      onScheduleFiberRoot: () => {},
    }
  })
  return () => page.evaluate(() => (window as unknown as { __commits: number }).__commits)
}
