import { decodeShare } from '../../engine/scenario/shareCodec'
import { pause, sendCommand } from '../sim/actions'
import { useRunStore } from '../store/runStore'
import { afterNextLoad } from './afterLoad'
import { showRunNotice } from './runNoticeStore'

/**
 * Opening a link runs the simulation to its time before showing it; a hostile link must not
 * freeze the worker for hours, so times beyond this (11.6 simulated days) are refused.
 */
export const MAX_OPEN_TIME = 1_000_000

/** Take the share payload out of the address bar: a reload then shows the autosaved session. */
function clearHash(): void {
  const url = new URL(window.location.href)
  url.hash = ''
  window.history.replaceState(null, '', url)
}

function refuse(detail: string): false {
  useRunStore.setState({ banner: { kind: 'badLink', detail } })
  return false
}

/**
 * Open a share link (docs/ui-contract.md): decode it (never throws), then load its scenario and run it
 * to the link's time, paused — the same trace hash the sender saw. A link that does not decode
 * shows the banner naming the problem and leaves the running simulation alone. Returns whether
 * the link was good.
 */
export function openShareLink(hash: string): boolean {
  const r = decodeShare(hash)
  clearHash()
  if (!r.ok) return refuse(r.error)
  const t = r.t ?? 0
  if (t > MAX_OPEN_TIME) return refuse(`share link: t is beyond ${MAX_OPEN_TIME} s`)
  pause()
  afterNextLoad((ok) => showRunNotice(ok ? { kind: 'opened', t } : null))
  sendCommand({
    type: 'load',
    scenario: r.input,
    source: { kind: 'link' },
    replay: { inputs: [], until: t },
  })
  return true
}
