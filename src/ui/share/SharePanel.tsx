import { useState } from 'react'
import { encodeShare, MAX_LINK_CHARS } from '../../engine/scenario/shareCodec'
import { history } from '../clock/history/clockFeedStore'
import { useT, type MessageKey, type Params } from '../i18n'
import { frameStore } from '../store/frameStore'
import { useRunStore } from '../store/runStore'
import { offsetCsv } from './csv'
import { download } from './download'
import { requestScenario } from './scenarioRequest'
import { fileStem, shareUrl } from './shareUrl'
import { serializeSvg, svgToPng } from './svgExport'
import './share.css'

function ExportButton(props: {
  testId: string
  label: MessageKey
  hint: MessageKey
  disabled: boolean
  onClick(): void | Promise<void>
}) {
  const t = useT()
  return (
    <button
      type="button"
      className="btn"
      data-testid={props.testId}
      title={t(props.hint)}
      disabled={props.disabled}
      onClick={() => void props.onClick()}
    >
      {t(props.label)}
    </button>
  )
}

type Status = { key: MessageKey; params?: Params; bad?: boolean } | null

const timeTag = (t: number) => `t${t.toFixed(3)}`

/**
 * The map's SVG, the link mesh a large map keeps in an SVG of its own under it, and the offset
 * arcs it keeps in one over it.
 */
function topologySvg() {
  const svg = document.querySelector<SVGSVGElement>('svg.topology-svg')
  if (!svg) throw new Error('no topology on the page')
  return {
    svg,
    under: document.querySelector<SVGSVGElement>('svg.topology-links'),
    over: document.querySelector<SVGSVGElement>('svg.topology-arcs'),
  }
}

/**
 * Share and export: a link that replays this run (docs/ui-contract.md), the scenario file with the
 * live interventions as `faults` (the CLI replays it exactly), the topology as SVG / PNG, and the
 * clock offsets as CSV.
 */
export function SharePanel() {
  const t = useT()
  const ready = useRunStore((s) => s.run !== null)
  const [url, setUrl] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>(null)

  const failed = (e: unknown) =>
    setStatus({
      key: 'share.failed',
      params: { detail: e instanceof Error ? e.message : String(e) },
      bad: true,
    })

  async function share() {
    try {
      const r = await requestScenario()
      const payload = encodeShare(r.scenario, r.now)
      if (payload.length > MAX_LINK_CHARS) {
        setUrl(null)
        return setStatus({ key: 'share.tooLong', params: { n: payload.length }, bad: true })
      }
      const link = shareUrl(window.location.href, payload)
      setUrl(link)
      try {
        await navigator.clipboard.writeText(link)
        setStatus(r.exact ? { key: 'share.copied' } : { key: 'share.notExact' })
      } catch {
        setStatus({ key: 'share.copyFailed' })
      }
    } catch (e) {
      failed(e)
    }
  }

  async function exportScenario() {
    try {
      const r = await requestScenario()
      const name = `${fileStem(r.scenario.name ?? '')}-${timeTag(r.now)}.json`
      download(
        name,
        new Blob([JSON.stringify(r.scenario, null, 2) + '\n'], { type: 'application/json' }),
      )
      setStatus(r.exact ? null : { key: 'share.notExact' })
    } catch (e) {
      failed(e)
    }
  }

  async function exportImage(kind: 'svg' | 'png') {
    try {
      const { svg, ...layers } = topologySvg()
      const text = serializeSvg(svg, layers)
      const stem = `${fileStem(useRunStore.getState().run?.name ?? '')}-topology-${timeTag(frameStore.getState().frame?.now ?? 0)}`
      const blob =
        kind === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text)
      download(`${stem}.${kind}`, blob)
      setStatus(null)
    } catch (e) {
      failed(e)
    }
  }

  function exportCsv() {
    const run = useRunStore.getState().run
    const frame = frameStore.getState().frame
    if (!run || !frame) return
    const csv = offsetCsv(
      history.ring,
      run.nodes.map((n) => n.id),
    )
    download(
      `${fileStem(run.name)}-offsets-${timeTag(frame.now)}.csv`,
      new Blob([csv], { type: 'text/csv' }),
    )
    setStatus(null)
  }

  return (
    <section className="panel share-panel" aria-labelledby="share-title">
      <h2 id="share-title">{t('share.title')}</h2>
      <button
        type="button"
        className="btn btn-primary share-button"
        data-testid="share-link"
        title={t('share.linkHint')}
        disabled={!ready}
        onClick={() => void share()}
      >
        {t('share.link')}
      </button>
      {url && (
        <label className="share-url">
          <span className="visually-hidden">{t('share.urlLabel')}</span>
          <input
            type="text"
            readOnly
            value={url}
            data-testid="share-url"
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
      <p
        className={`panel-note share-status${status?.bad ? ' bad' : ''}`}
        role="status"
        aria-live="polite"
      >
        {status ? t(status.key, status.params) : ''}
      </p>
      <div className="export-row">
        <ExportButton
          testId="scenario-export"
          label="share.exportScenario"
          hint="share.exportScenarioHint"
          disabled={!ready}
          onClick={exportScenario}
        />
        <ExportButton
          testId="export-csv"
          label="share.exportCsv"
          hint="share.csvHint"
          disabled={!ready}
          onClick={exportCsv}
        />
      </div>
      <div className="export-row" role="group" aria-label={t('share.imageLabel')}>
        <span className="export-label">{t('share.imageLabel')}</span>
        <ExportButton
          testId="export-svg"
          label="share.exportSvg"
          hint="share.imageHint"
          disabled={!ready}
          onClick={() => exportImage('svg')}
        />
        <ExportButton
          testId="export-png"
          label="share.exportPng"
          hint="share.imageHint"
          disabled={!ready}
          onClick={() => exportImage('png')}
        />
      </div>
    </section>
  )
}
