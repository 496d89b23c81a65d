import { stringCode } from '../kernel/traceHash'
import { setSkew, stepClock } from '../clock/hardwareClock'
import { linkKey } from '../network/network'
import type { Intervention } from '../scenario/interventions'
import type { ClientOp } from '../protocols/protocol'
import { startProtocols } from './context'
import { fold, REC_CLIENT, REC_FAULT } from './records'
import type { Runtime } from './runtime'
import { pendingTimer } from './pendingTimers'
import { dropTimers, fireTimer, reaimTimers } from './timers'
import { deliver, drop } from './transport'
import type { Input, NodeStatus } from './world'

/**
 * Inputs from outside the nodes, scheduled in the scenario or made live: interventions
 * (crash, pause, clock step, partition, …) and client operations. Each counts as an event.
 */

export function applyInput(rt: Runtime, input: Input): void {
  if ('fault' in input) applyFault(rt, input.fault)
  else applyClient(rt, input.client.node, input.client.op)
}

function applyClient(rt: Runtime, nodeId: string, op: ClientOp): void {
  const w = rt.world
  const n = rt.indexOf(nodeId)
  w.events++
  fold(w, REC_CLIENT, n, stringCode(op.op), clientCode(op), 0)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'emit',
      node: nodeId,
      event: 'client',
      data: { ...op },
    })
  const node = w.nodes[n]
  // A paused process has its client's request waiting, like its messages; a crashed one has none.
  if (node.status === 'paused') node.clientQueue.push(op)
  if (node.status !== 'up') return
  clientOp(rt, n, op)
}

/** What the trace hash folds of an operation besides its kind: the value or the transaction id. */
function clientCode(op: ClientOp): number {
  if (op.op === 'propose') return stringCode(op.value)
  return op.op === 'read' ? 0 : stringCode(op.id)
}

function clientOp(rt: Runtime, n: number, op: ClientOp): void {
  const node = rt.world.nodes[n]
  rt.protocols.forEach((p, i) => {
    const st = node.proto[i]
    if (st !== null && p.def.onClient) p.def.onClient(rt.ctxs[n][i], st, op, p.config)
  })
}

function applyFault(rt: Runtime, f: Intervention): void {
  const w = rt.world
  w.events++
  const target = 'node' in f ? rt.indexOf(f.node) : -1
  fold(w, REC_FAULT, stringCode(f.type), target, 0, 0)
  const status = target < 0 ? undefined : statusAfter(f, w.nodes[target].status)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'fault',
      fault: f,
      ...(status ? { status } : {}),
    })
  const net = w.net
  switch (f.type) {
    case 'crash':
      if (status) crash(rt, target)
      return
    case 'restart':
      if (status) {
        w.nodes[target].status = status
        startProtocols(rt, target)
      }
      return
    case 'pause':
      if (status) w.nodes[target].status = status
      return
    case 'resume':
      if (status) resume(rt, target)
      return
    case 'clockStep': {
      const n = rt.indexOf(f.node)
      stepClock(w.nodes[n].clock, w.now, f.by)
      reaimTimers(rt, n)
      return notifyStep(rt, n, f.by)
    }
    case 'setSkew': {
      const n = rt.indexOf(f.node)
      setSkew(w.nodes[n].clock, w.now, f.ppm * 1e-6)
      return reaimTimers(rt, n)
    }
    case 'falseticker':
      w.nodes[rt.indexOf(f.node)].lie = f.lie
      return
    case 'partition': {
      const groups = rt.nodeIds.map(() => -1)
      f.groups.forEach((g, gi) => g.forEach((id) => (groups[rt.indexOf(id)] = gi)))
      net.groups = groups
      return
    }
    case 'heal':
      net.groups = null
      net.cut = new Set()
      return
    case 'cutLink':
      net.cut.add(linkKey(rt.indexOf(f.from), rt.indexOf(f.to)))
      return
    case 'healLink':
      net.cut.delete(linkKey(rt.indexOf(f.from), rt.indexOf(f.to)))
      return
    case 'setLoss':
      net.loss = f.p
      return
    case 'setLatency':
      net.latency = { base: f.base, jitter: f.jitter }
      return
    case 'setDuplicate':
      net.duplicate = f.p
      return
  }
}

/** Tell the node's running protocols that their clock was stepped from outside. */
function notifyStep(rt: Runtime, n: number, by: number): void {
  const node = rt.world.nodes[n]
  if (node.status === 'crashed') return
  rt.protocols.forEach((p, i) => {
    const st = node.proto[i]
    if (st !== null && p.def.onClockStep) p.def.onClockStep(rt.ctxs[n][i], st, by, p.config)
  })
}

/**
 * The status an intervention leaves its node in, or undefined when it changes nothing: crashing a
 * crashed node, restarting a running one, pausing a crashed one, resuming one that is not paused.
 */
function statusAfter(f: Intervention, current: NodeStatus): NodeStatus | undefined {
  switch (f.type) {
    case 'crash':
      return current === 'crashed' ? undefined : 'crashed'
    case 'restart':
      return current === 'crashed' ? 'up' : undefined
    case 'pause':
      return current === 'up' ? 'paused' : undefined
    case 'resume':
      return current === 'paused' ? 'up' : undefined
    default:
      return undefined
  }
}

/** A crash loses volatile state, timers and held messages; durable storage stays. */
function crash(rt: Runtime, n: number): void {
  const node = rt.world.nodes[n]
  node.status = 'crashed'
  dropTimers(rt, n)
  node.deferred = []
  for (const m of node.inbox) drop(rt, m, 'crashed')
  node.inbox = []
  node.clientQueue = []
  node.proto = node.proto.map(() => null)
}

/**
 * A paused node resumes: timers that came due fire, then held messages arrive, then client
 * operations made meanwhile are taken, each in order.
 */
function resume(rt: Runtime, n: number): void {
  const node = rt.world.nodes[n]
  node.status = 'up'
  const due = node.deferred
  const inbox = node.inbox
  const ops = node.clientQueue
  node.deferred = []
  node.inbox = []
  node.clientQueue = []
  for (const id of due) {
    const timer = pendingTimer(node.timers, id)
    if (timer && node.status === 'up') fireTimer(rt, timer)
  }
  for (const msg of inbox) {
    if (node.status === 'up') deliver(rt, msg)
  }
  for (const op of ops) {
    if (node.status === 'up') clientOp(rt, n, op)
  }
}
