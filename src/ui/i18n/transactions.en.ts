import type { PresetText } from './presetText'

/** Transactions (store, commit-wait, the transactions view): English strings. */
export const transactionsEn = {
  'view.transactions': 'Transactions',
  'txn.empty': 'No transactions in this scenario.',
  'txn.none': 'No transaction has begun yet.',
  'txn.rule.physical': 'Timestamps: the coordinator’s clock',
  'txn.rule.hlc': 'Timestamps: hybrid logical clock (HLC)',
  'txn.rule.truetime': 'Timestamps: TrueTime, ε = {epsilon}',
  'txn.epsilonAuto': 'from clock sync',
  'txn.protocol.2pc': 'two-phase commit (2PC)',
  'txn.protocol.paxos-commit': 'Paxos Commit',
  'txn.window': 'True time {from} – {to} s',
  'txn.outcome.committed': 'committed',
  'txn.outcome.aborted': 'aborted',
  'txn.outcome.blocked': 'blocked: coordinator down, locks held',
  'txn.outcome.pending': 'in progress',
  'txn.snapshot': 'snapshot read',
  'txn.ts': 'ts {ts} s',
  'txn.tsEpsilon': 'ts {ts} s ± {epsilon}',
  'txn.anomaly': '⚠ {invariant} at {at} s',
  'txn.rowLabel': '{id} by {node}: {outcome}',
  'txn.legend.reads': 'reads',
  'txn.legend.prepare': 'prepare (votes)',
  'txn.legend.commitWait': 'commit-wait',
  'txn.legend.ts': 'timestamp',
  'txn.legend.epsilon': 'ts ± ε',
  'txn.legend.applied': 'a shard applied it',
  'txn.legend.stuck': 'no decision yet',
  'txn.legend.anomaly': 'anomaly found',
  'txn.axis': 'x: true time (ms from the window’s start)',
  'txn.commitWait.on': 'Commit-wait: on',
  'txn.commitWait.off': 'Commit-wait: off',
  'txn.commitWait.hint':
    'Restarts this run with commit-wait {state} (TrueTime timestamps, ε = {epsilon}) and replays your {count} interventions up to the present moment.',
  'txn.commitWait.stateOn': 'on',
  'txn.commitWait.stateOff': 'off',
  'invariant.external-consistency': 'External consistency',
  'invariant.external-consistency.rule':
    'If T1 commits before T2 begins (in real time), T1 has the smaller timestamp.',
  'invariant.serializability': 'Serializability',
  'invariant.serializability.rule':
    'The committed transactions have the effect of running one at a time in some order.',
  'invariant.atomicity': 'Atomicity',
  'invariant.atomicity.rule': 'No shard commits a transaction that another shard aborts.',
  'invariant.snapshot-staleness': 'Snapshot freshness',
  'invariant.snapshot-staleness.rule':
    'A snapshot read at ts sees every write committed with a smaller timestamp.',
  'invariant.causality': 'Causality',
  'invariant.causality.rule':
    'If T1’s commit happened before T2 began (by messages), T1 has the smaller timestamp.',
} satisfies Record<string, string>

export const transactionsPresetsEn: Record<string, PresetText> = {
  'txn-skewed-clocks': {
    name: 'Skewed clocks reorder transactions',
    blurb:
      'Physical timestamps. Every second c1 writes x and, 30 ms later, c2 writes y — but c2’s clock is 50 ms slow, so the later transaction gets the smaller timestamp: external consistency breaks.',
  },
  'txn-commit-wait': {
    name: 'Commit-wait restores real-time order',
    blurb:
      'The same clocks with TrueTime (ε = 60 ms, more than c2’s 50 ms error) and commit-wait: every commit waits until its timestamp has surely passed — about 2ε — and no anomaly appears.',
  },
  'txn-epsilon-too-small': {
    name: 'ε too small: TrueTime’s promise broken',
    blurb:
      'Commit-wait on, but ε = 10 ms while c2 is really 50 ms off: waiting out ε is not enough, and the anomalies come back.',
  },
  'txn-hlc-causality': {
    name: 'HLC keeps causality, not real time',
    blurb:
      'Hybrid logical clocks with c2 0.5 s slow: a transaction that read t1’s write is ordered after t1 (causality holds), but one that merely began later is not (external consistency breaks).',
  },
  'txn-2pc-blocks': {
    name: '2PC blocks when its coordinator dies',
    blurb:
      'c1 crashes right after sending prepare for t1 (x and y): both shards voted yes and must wait for a decision that never comes. t1 stays blocked; later transactions on x and y abort.',
  },
  'txn-paxos-commit': {
    name: 'Paxos Commit does not block',
    blurb:
      'The same crash with Paxos Commit: the votes are in each shard’s Paxos log, so a participant’s leader recovers the decision and t1 commits; the later transactions commit too.',
  },
}
