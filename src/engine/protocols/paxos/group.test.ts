import { describe, expect, it } from 'vitest'
import { parseScenario, Simulation, type TraceRecord } from '../../index'
import type { ProtocolDef } from '../protocol'
import { groupConfig, type PaxosConfig } from './config'
import { entryValue } from './entry'
import { groupClient, groupMessage, groupTimer, startGroup, type GroupMember } from './group'

// Two Multi-Paxos groups that share node n3, as two shards of a store would.
const SHARDS = [
  ['n1', 'n2', 'n3'],
  ['n3', 'n4', 'n5'],
]

/** A host protocol running every group its node belongs to; "g:value" proposes to group g. */
const shards: ProtocolDef<GroupMember[], PaxosConfig[]> = {
  name: 'shards',
  configure: (scenario) => ({
    config: SHARDS.map((m) => groupConfig(scenario, m)),
    members: scenario.nodes.map((n) => n.id),
  }),
  init: (ctx, cfgs) =>
    cfgs.flatMap((cfg, g) => (cfg.members.includes(ctx.nodeId) ? [startGroup(ctx, g, cfg)] : [])),
  onMessage(ctx, member, from, kind, body) {
    expect(groupMessage(ctx, member, from, kind, body)).not.toBeNull()
  },
  onTimer(ctx, member, key) {
    expect(groupTimer(ctx, member, key)).not.toBeNull()
  },
  onClient(ctx, member, op) {
    if (op.op !== 'propose') return
    const g = member.find((m) => String(m.group) === op.value.split(':')[0])
    if (g) groupClient(ctx, g, op)
  },
}

function run(faults: object[] = []) {
  const parsed = parseScenario({
    version: 1,
    seed: 3,
    duration: 8,
    nodes: ['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => ({ id })),
    workload: [
      { at: 1, node: 'n1', op: 'propose', value: '0:a' },
      { at: 1.1, node: 'n4', op: 'propose', value: '1:b' },
      { at: 3, node: 'n2', op: 'propose', value: '0:c' },
      { at: 3.2, node: 'n5', op: 'propose', value: '1:d' },
    ],
    faults,
  })
  if (!parsed.ok) throw new Error(parsed.error)
  const records: TraceRecord[] = []
  const sim = new Simulation(parsed.scenario, [shards as ProtocolDef], [], {
    trace: (r) => records.push(r),
  })
  sim.runUntil(8)
  const logs = (node: string) =>
    (sim.protocolState<GroupMember[]>(sim.indexOf(node), 'shards') ?? []).map((m) => ({
      group: m.group,
      values: Object.values(m.state.learner.log).flatMap((e) => entryValue(e) ?? []),
    }))
  return { logs, records }
}

describe('Multi-Paxos groups', () => {
  it('each group keeps its own log; a node in two groups keeps two', () => {
    const { logs, records } = run()
    expect(logs('n1')).toEqual([{ group: 0, values: ['0:a', '0:c'] }])
    expect(logs('n5')).toEqual([{ group: 1, values: ['1:b', '1:d'] }])
    expect(logs('n3')).toEqual([
      { group: 0, values: ['0:a', '0:c'] },
      { group: 1, values: ['1:b', '1:d'] },
    ])
    // Every message is tagged with its group, and only members of that group exchange it.
    const sends = records.filter((r) => r.type === 'send')
    expect(sends.length).toBeGreaterThan(0)
    for (const r of sends) {
      const { group } = r.body as { group: number }
      expect(SHARDS[group]).toContain(r.from)
      expect(SHARDS[group]).toContain(r.to)
    }
    const learned = records.filter((r) => r.type === 'emit' && r.event === 'learned')
    expect(learned.length).toBeGreaterThan(0)
    for (const r of learned) if (r.type === 'emit') expect(r.data).toHaveProperty('group')
  })

  it('a crash of the shared node and its restart: both groups go on and it catches up in both', () => {
    const { logs } = run([
      { at: 2, type: 'crash', node: 'n3' },
      { at: 5, type: 'restart', node: 'n3' },
    ])
    expect(logs('n2')).toEqual([{ group: 0, values: ['0:a', '0:c'] }])
    expect(logs('n4')).toEqual([{ group: 1, values: ['1:b', '1:d'] }])
    expect(logs('n3')).toEqual([
      { group: 0, values: ['0:a', '0:c'] },
      { group: 1, values: ['1:b', '1:d'] },
    ])
  })
})
