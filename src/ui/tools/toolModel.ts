import type { Intervention, NodeStatus } from '../../engine'
import type { MessageKey, Translate } from '../i18n'
import { ASKS, type AskKind } from '../perturb/menuModel'

/**
 * The fault tool palette as data (issue 8 §2): which tool is chosen decides what a click on a
 * node or a link does. Pure; ToolPalette.tsx renders it and perturb/actions.ts carries it out.
 * The default tool is crash/restart, so a plain click on `node-<id>` toggles it and a click on
 * `link-<from>-<to>` cuts or heals it (docs/ui-contract.md). Only `inspect` never changes the run.
 */
export const TOOLS = [
  'inspect',
  'crash',
  'pause',
  'step',
  'drift',
  'falseticker',
  'cut',
  'partition',
] as const
export type ToolId = (typeof TOOLS)[number]

export const DEFAULT_TOOL: ToolId = 'crash'

/** Tools that take a value, and the node menu's ask whose label, unit and range they share. */
export const TOOL_ASKS = {
  step: 'stepBy',
  drift: 'skew',
  falseticker: 'lie',
} as const satisfies Partial<Record<ToolId, AskKind>>
export type ValueTool = keyof typeof TOOL_ASKS
export type ToolValues = Record<ValueTool, number>

export const initialToolValues = (): ToolValues => ({
  step: ASKS.stepBy.initial,
  drift: ASKS.skew.initial,
  falseticker: ASKS.lie.initial,
})

export const isValueTool = (tool: ToolId): tool is ValueTool => tool in TOOL_ASKS

/** Each tool's shortcut is its place in the palette, 1–8: the same keys in every language. */
export const toolKey = (tool: ToolId): string => String(TOOLS.indexOf(tool) + 1)

export function toolForKey(key: string): ToolId | null {
  const i = Number(key) - 1
  return /^[1-9]$/.test(key) && i < TOOLS.length ? TOOLS[i] : null
}

export interface NodeTarget {
  id: string
  index: number
  status: NodeStatus
  /** serves time off on purpose (a falseticker) */
  lying: boolean
}

export type NodeEffect =
  | { kind: 'fault'; fault: Intervention }
  | { kind: 'select'; node: string }
  /** partition drafting: the node joins the chosen group */
  | { kind: 'assign'; index: number }
  | { kind: 'none' }

/** What a click on `node` does with `tool` chosen; `value` is the tool's value (its ask's units). */
export function nodeEffect(tool: ToolId, node: NodeTarget, value: number): NodeEffect {
  const fault = (f: Intervention): NodeEffect => ({ kind: 'fault', fault: f })
  const { id, status } = node
  switch (tool) {
    case 'inspect':
      return { kind: 'select', node: id }
    case 'crash':
      return fault({ type: status === 'crashed' ? 'restart' : 'crash', node: id })
    case 'pause':
      // a crashed process has nothing to freeze
      if (status === 'crashed') return { kind: 'none' }
      return fault({ type: status === 'paused' ? 'resume' : 'pause', node: id })
    case 'falseticker':
      return fault(
        node.lying ? { type: 'falseticker', node: id, lie: 0 } : ASKS.lie.fault(id, value),
      )
    case 'step':
    case 'drift':
      return fault(ASKS[TOOL_ASKS[tool]].fault(id, value))
    case 'cut':
      return { kind: 'none' }
    case 'partition':
      return { kind: 'assign', index: node.index }
  }
}

/**
 * What a click on the link from → to does. Only link tools touch a link: crash/restart (the
 * default, contract §4) and cut link cut or heal it; inspect leaves it alone; the node tools
 * (pause, clock step, drift, falseticker, partition) say that they act on nodes instead of
 * quietly cutting a link the learner never meant to touch.
 */
export type LinkEffect =
  | { kind: 'fault'; fault: Intervention }
  /** say that the chosen tool acts on nodes (tools.linkNotice) */
  | { kind: 'notice' }
  | { kind: 'none' }

const cutsLinks = (tool: ToolId) => tool === 'crash' || tool === 'cut'

export function linkEffect(tool: ToolId, from: string, to: string, cut: boolean): LinkEffect {
  if (cutsLinks(tool))
    return { kind: 'fault', fault: { type: cut ? 'healLink' : 'cutLink', from, to } }
  return tool === 'inspect' ? { kind: 'none' } : { kind: 'notice' }
}

/** A link's accessible name under `tool` (what a click will do), or null where it keeps its own. */
export function linkHint(
  tool: ToolId,
  link: { from: string; to: string },
  t: Translate,
): string | null {
  if (cutsLinks(tool)) return null
  if (tool === 'inspect') return t('tools.linkInspect', link)
  return t('tools.linkNodesOnly', { ...link, tool: toolName(tool, t) })
}

/** What the map says when a link is clicked under a node tool. */
export const linkNotice = (tool: ToolId, t: Translate): string =>
  t('tools.linkNotice', {
    tool: toolName(tool, t),
    cut: toolName('cut', t),
    key: toolKey('cut'),
  })

const NAMES: Record<ToolId, MessageKey> = {
  inspect: 'tools.inspect',
  crash: 'tools.crash',
  pause: 'tools.pause',
  step: 'tools.step',
  drift: 'tools.drift',
  falseticker: 'tools.falseticker',
  cut: 'tools.cut',
  partition: 'tools.partition',
}
const HINTS: Record<ToolId, MessageKey> = {
  inspect: 'tools.inspectHint',
  crash: 'tools.crashHint',
  pause: 'tools.pauseHint',
  step: 'tools.stepHint',
  drift: 'tools.driftHint',
  falseticker: 'tools.falsetickerHint',
  cut: 'tools.cutHint',
  partition: 'tools.partitionHint',
}

export const toolName = (tool: ToolId, t: Translate): string => t(NAMES[tool])

/** The button's title: name, shortcut and what a click does. */
export const toolTitle = (tool: ToolId, t: Translate): string =>
  t('tools.title', { name: t(NAMES[tool]), key: toolKey(tool), hint: t(HINTS[tool]) })

/**
 * A node's accessible name under `tool` (what a click will do), or null where the node keeps
 * its own (crash/restart, partition drafting). `amount`: the tool's value with its unit.
 */
export function nodeHint(
  tool: ToolId,
  node: NodeTarget & { selected: boolean },
  amount: string,
  t: Translate,
): string | null {
  const { id, status } = node
  switch (tool) {
    case 'inspect':
      return t(node.selected ? 'tools.nodeSelected' : 'tools.nodeInspect', { id })
    case 'crash':
    case 'partition':
      return null
    case 'cut':
      return t('tools.nodeLinksOnly', { id, tool: toolName(tool, t) })
  }
  if (status === 'crashed' && tool === 'pause')
    return t('tools.nodeCrashed', { id, tool: toolName(tool, t) })
  if (tool === 'pause')
    return t(status === 'paused' ? 'tools.nodeResume' : 'tools.nodePause', { id })
  if (tool === 'falseticker' && node.lying) return t('tools.nodeHonest', { id })
  const key = {
    step: 'tools.nodeStep',
    drift: 'tools.nodeDrift',
    falseticker: 'tools.nodeLie',
  } as const
  return t(key[tool], { id, amount })
}
