import type { logicalEn } from './logical.en'

/** 逻辑时间（Lamport、向量、HLC）与时钟误差上界：中文文案。 */
export const logicalZh: Record<keyof typeof logicalEn, string> = {
  'logical.title': '逻辑时间',
  'logical.hint':
    '无论运行哪种协议，运行时都会在每次发送和接收时维护它们。Lamport：一个计数器，接收时取最大值再加 1。向量时钟：每个节点一个计数器。HLC（混合逻辑时钟）：听说过的最大物理时间，加一个计数器。',
  'logical.lamport': 'Lamport 时钟',
  'logical.vector': '向量时钟',
  'logical.hlc': '混合逻辑时钟 (l, c)',
  'logical.vectorOff': '未维护（节点数超过 {max}）',
  'logical.hlcAhead': 'l − 本地时钟：{ahead}',
  'logical.errorBound': '时钟误差上界',
  'logical.errorBoundHint':
    '该节点的时钟同步算法自己掌握的误差范围（NTP 的根距离；Cristian 的往返时延 RTT/2；Berkeley 的上界；再加上自上次同步以来的漂移）。TrueTime 的 ε 取 "auto" 时使用它。',
  'logical.errorBoundUnknown': '未知（尚未同步）',
  'logical.errorBoundActual': '实际 |时钟偏移| {actual}',
  'logical.show': '时间戳',
  'logical.showHint': '在每个事件旁标出它的逻辑时间戳',
  'logical.show.none': '不显示',
  'logical.show.lamport': 'Lamport 时钟',
  'logical.show.vector': '向量',
  'logical.show.hlc': '混合逻辑时钟',
  'logical.tooMany': '视野内事件太多：请放大后再看时间戳。',
  'logical.select': '点击一个事件（箭头的端点），查看在它之前和之后发生的事件。',
  'logical.selected':
    '{node} 上的事件：因果过去中有 {past} 个事件，因果未来中有 {future} 个，{concurrent} 个与它并发。',
  'logical.clear': '清除',
  'logical.legend.past': '发生在它之前',
  'logical.legend.future': '发生在它之后',
  'logical.legend.concurrent': '并发',
}
