import type { Page } from '@playwright/test'

/**
 * A stand-in for the React DevTools hook, to which production React reports every commit:
 * counts the commits and, with `prop`, how often components whose props include `prop`
 * rendered again (a mount is not counted), by walking each commit's fiber tree: a component
 * React skipped keeps its props object, one it rendered has a new one.
 */
async function installHook(page: Page, prop: string | null): Promise<void> {
  await page.addInitScript((prop: string | null) => {
    type Fiber = {
      memoizedProps: unknown
      alternate: Fiber | null
      child: Fiber | null
      sibling: Fiber | null
    }
    const w = window as unknown as {
      __commits: number
      __renders: number
      __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown
    }
    w.__commits = 0
    w.__renders = 0
    // the props each fiber (or its alternate) had at the last commit
    const seen = new WeakMap<Fiber, unknown>()
    const walk = (f: Fiber | null) => {
      for (; f; f = f.sibling) {
        const props = f.memoizedProps
        if (props && typeof props === 'object' && prop! in props) {
          const before = seen.get(f) ?? (f.alternate ? seen.get(f.alternate) : undefined)
          if (before !== undefined && before !== props) w.__renders++
          seen.set(f, props)
        }
        walk(f.child)
      }
    }
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      isDisabled: false,
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onCommitFiberRoot: (_: number, root: { current: Fiber }) => {
        w.__commits++
        if (prop) walk(root.current.child)
      },
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      onScheduleFiberRoot: () => {},
    }
  }, prop)
}

/** Count React commits in the page. Call before the page loads; read with the returned function. */
export async function countReactCommits(page: Page): Promise<() => Promise<number>> {
  await installHook(page, null)
  return () => page.evaluate(() => (window as unknown as { __commits: number }).__commits)
}

/** Count renders, after their first, of the components with `prop` among their props. Call before the page loads. */
export async function countRenders(page: Page, prop: string): Promise<() => Promise<number>> {
  await installHook(page, prop)
  return () => page.evaluate(() => (window as unknown as { __renders: number }).__renders)
}
