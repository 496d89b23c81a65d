import type { PresetText } from './presetText'
import type { transactionsEn } from './transactions.en'

/** 事务（存储、提交等待、事务视图）：简体中文。 */
export const transactionsZh: Record<keyof typeof transactionsEn, string> = {
  'view.transactions': '事务',
  'txn.empty': '此场景中没有事务。',
  'txn.none': '还没有事务开始。',
  'txn.rule.physical': '时间戳：协调者的本地时钟',
  'txn.rule.hlc': '时间戳：混合逻辑时钟（HLC）',
  'txn.rule.truetime': '时间戳：TrueTime，ε = {epsilon}',
  'txn.epsilonAuto': '取自时钟同步',
  'txn.protocol.2pc': '两阶段提交（2PC）',
  'txn.protocol.paxos-commit': 'Paxos 提交',
  'txn.window': '真实时间 {from} – {to} 秒',
  'txn.outcome.committed': '已提交',
  'txn.outcome.aborted': '已中止',
  'txn.outcome.blocked': '阻塞：协调者宕机，锁仍被持有',
  'txn.outcome.pending': '进行中',
  'txn.snapshot': '快照读',
  'txn.ts': '时间戳 {ts} 秒',
  'txn.tsEpsilon': '时间戳 {ts} 秒 ± {epsilon}',
  'txn.anomaly': '⚠ {at} 秒：违反{invariant}',
  'txn.rowLabel': '{id}（协调者 {node}）：{outcome}',
  'txn.legend.reads': '读取',
  'txn.legend.prepare': '准备（投票）',
  'txn.legend.commitWait': '提交等待',
  'txn.legend.ts': '时间戳',
  'txn.legend.epsilon': '时间戳 ± ε',
  'txn.legend.applied': '某个分片已应用',
  'txn.legend.stuck': '尚无决定',
  'txn.legend.anomaly': '发现异常',
  'txn.axis': '横轴：真实时间（距该时间窗起点的毫秒数）',
  'txn.commitWait.on': '提交等待：开',
  'txn.commitWait.off': '提交等待：关',
  'txn.commitWait.hint':
    '以提交等待“{state}”重新开始本次运行（TrueTime 时间戳，ε = {epsilon}），并把你的 {count} 次干预重放到当前时刻。',
  'txn.commitWait.stateOn': '开',
  'txn.commitWait.stateOff': '关',
  'invariant.external-consistency': '外部一致性',
  'invariant.external-consistency.rule':
    '如果 T1 在真实时间上先于 T2 开始之前提交，那么 T1 的时间戳更小。',
  'invariant.serializability': '可串行化',
  'invariant.serializability.rule': '已提交事务的效果，等同于按某种顺序逐个执行。',
  'invariant.atomicity': '原子性',
  'invariant.atomicity.rule': '不会出现一个分片提交、另一个分片中止同一事务的情况。',
  'invariant.snapshot-staleness': '快照读的新鲜度',
  'invariant.snapshot-staleness.rule': '时间戳为 ts 的快照读，能看到所有时间戳更小的已提交写入。',
  'invariant.causality': '因果一致性',
  'invariant.causality.rule':
    '如果 T1 的提交（经由消息）因果地发生在 T2 开始之前，那么 T1 的时间戳更小。',
}

export const transactionsPresetsZh: Record<string, PresetText> = {
  'txn-skewed-clocks': {
    name: '时钟偏差打乱事务顺序',
    blurb:
      '使用物理时间戳。每秒 c1 写 x，30 毫秒后 c2 写 y——但 c2 的时钟慢 50 毫秒，于是后开始的事务反而拿到更小的时间戳：外部一致性被破坏。',
  },
  'txn-commit-wait': {
    name: '提交等待恢复真实时间顺序',
    blurb:
      '同样的时钟，改用 TrueTime（ε = 60 毫秒，大于 c2 的 50 毫秒误差）并开启提交等待：每次提交都要等到它的时间戳确定已经过去——约 2ε——不再出现异常。',
  },
  'txn-epsilon-too-small': {
    name: 'ε 太小：TrueTime 的承诺被打破',
    blurb: '提交等待开着，但 ε = 10 毫秒，而 c2 实际偏差 50 毫秒：只等 ε 不够，异常又出现了。',
  },
  'txn-hlc-causality': {
    name: 'HLC 保证因果，不保证真实时间',
    blurb:
      '混合逻辑时钟，c2 慢 0.5 秒：读到 t1 写入的事务排在 t1 之后（因果一致性成立），而仅仅是更晚开始的事务却不一定（外部一致性被破坏）。',
  },
  'txn-2pc-blocks': {
    name: '协调者宕机时两阶段提交会阻塞',
    blurb:
      'c1 刚为 t1（写 x 和 y）发出准备消息就宕机：两个分片都投了“同意”，只能等待一个永远不会到来的决定。t1 一直阻塞，之后涉及 x 和 y 的事务都会中止。',
  },
  'txn-paxos-commit': {
    name: 'Paxos 提交不会阻塞',
    blurb:
      '同样的宕机，改用 Paxos 提交：投票记录在每个分片的 Paxos 日志里，参与者的领导者会恢复出决定，t1 得以提交；之后的事务也都能提交。',
  },
}
