import { itemAt, push, tagAt } from '../kernel/eventQueue'
import { stringCode } from '../kernel/traceHash'
import { blockedBy, isDuplicated, isLost, sampleDelay, type DropReason } from '../network/network'
import { fold, REC_DELIVER, REC_DROP, REC_SEND } from './records'
import type { Runtime } from './runtime'
import { MESSAGE_TAG, type Message } from './world'
import { readClocks, stampReceive, stampSend } from '../logical/nodeClocks'
import { physicalTime } from './logicalTime'

/**
 * Messages between nodes: `send` puts one on the wire, `arrive` meets it at its destination,
 * `deliver` hands it to the receiving protocol, `drop` loses it. Every step is a trace record.
 */

/** Node `from` sends `kind`/`body` for protocol `proto` to node `to`: drawn delay, loss, duplicate. */
export function send(
  rt: Runtime,
  from: number,
  proto: number,
  to: number,
  kind: string,
  body: unknown,
): void {
  const w = rt.world
  const msg: Message = {
    id: w.nextMsgId++,
    from,
    to,
    proto,
    kind,
    body,
    sentAt: w.now,
    arriveAt: w.now,
    lamport: 0,
    hlcL: 0,
    hlcC: 0,
    vector: null,
  }
  w.sent++
  const sender = w.nodes[from].logical
  stampSend(sender, from, physicalTime(rt, from), msg)
  fold(w, REC_SEND, from, to, stringCode(kind), msg.id)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'send',
      id: msg.id,
      from: rt.nodeIds[from],
      to: rt.nodeIds[to],
      kind,
      body,
      clocks: readClocks(sender),
    })
  const blocked = blockedBy(w.net, from, to)
  if (blocked) return drop(rt, msg, blocked)
  if (isLost(w.net, w.rng, from, to)) return drop(rt, msg, 'loss')
  msg.arriveAt = w.now + sampleDelay(w.net, w.rng, from, to)
  push(w.queue, msg.arriveAt, msg, MESSAGE_TAG)
  if (isDuplicated(w.net, w.rng, from, to)) {
    const copy: Message = { ...msg, arriveAt: w.now + sampleDelay(w.net, w.rng, from, to) }
    push(w.queue, copy.arriveAt, copy, MESSAGE_TAG)
  }
}

/** A message reaches its destination: dropped if crashed or cut off, held while paused. */
export function arrive(rt: Runtime, msg: Message): void {
  const w = rt.world
  const node = w.nodes[msg.to]
  const reason: DropReason | null =
    node.status === 'crashed' ? 'crashed' : blockedBy(w.net, msg.from, msg.to)
  if (reason) {
    drop(rt, msg, reason)
    return
  }
  if (node.status === 'paused') {
    node.inbox.push(msg)
    return
  }
  deliver(rt, msg)
}

/** Hand a message to the receiving node's protocol (if it is running there). */
export function deliver(rt: Runtime, msg: Message): void {
  const w = rt.world
  w.delivered++
  const receiver = w.nodes[msg.to].logical
  stampReceive(receiver, msg.to, physicalTime(rt, msg.to), msg)
  const kindCode = stringCode(msg.kind)
  fold(w, REC_DELIVER, msg.to, msg.from, kindCode, msg.id)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'deliver',
      id: msg.id,
      from: rt.nodeIds[msg.from],
      to: rt.nodeIds[msg.to],
      kind: msg.kind,
      clocks: readClocks(receiver),
    })
  const p = rt.protocols[msg.proto]
  const st = w.nodes[msg.to].proto[msg.proto]
  if (st !== null)
    p.def.onMessage(
      rt.ctxs[msg.to][msg.proto],
      st,
      rt.nodeIds[msg.from],
      msg.kind,
      msg.body,
      p.config,
    )
}

export function drop(rt: Runtime, msg: Message, reason: DropReason): void {
  const w = rt.world
  w.dropped++
  fold(w, REC_DROP, msg.from, msg.to, stringCode(reason), msg.id)
  if (rt.trace)
    rt.trace({
      t: w.now,
      type: 'drop',
      id: msg.id,
      from: rt.nodeIds[msg.from],
      to: rt.nodeIds[msg.to],
      kind: msg.kind,
      reason,
    })
}

/** Every message on the wire now (for drawing). */
export function messagesInFlight(rt: Runtime): Message[] {
  const out: Message[] = []
  const q = rt.world.queue
  for (let i = 0; i < q.size; i++) {
    if (tagAt(q, i) === MESSAGE_TAG) out.push(itemAt(q, i) as Message)
  }
  return out
}
