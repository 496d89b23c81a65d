import { expect, type Page } from '@playwright/test'

/**
 * Bring a view of the workspace's focus pane on screen by its tab (docs/ui-layers.md): alone,
 * or `beside` the first focused view (Shift-click).
 */
export async function openView(page: Page, id: string, beside = false) {
  const tab = page.getByTestId(`view-tab-${id}`)
  // a plain click shows the view alone; Shift-click on a view already beside would remove it
  if (!beside) await tab.click()
  else if ((await tab.getAttribute('aria-selected')) !== 'true')
    await tab.click({ modifiers: ['Shift'] })
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}
