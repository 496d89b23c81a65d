import type { workspaceEn } from './workspace.en'

/** 工作区：视图标签页、演示模式（并入 zh.ts）。 */
export const workspaceZh: Record<keyof typeof workspaceEn, string> = {
  'workspace.paneLabel': '地图旁的视图',
  'workspace.tabsLabel': '视图',
  'workspace.tabHint': '显示此视图（按住 Shift 点击：与第一个视图并排）',
  'presenter.toggle': '演示模式',
  'presenter.hint':
    '演示模式：大字号，一次只显示一个视图；→ 或 PageDown 下一步，← 或 PageUp 上一步，空格键运行/暂停，F 全屏',
  'mark.liar': '虚假时钟源：报出的时间偏了 {lie}',
  'mark.rejected': '被 {by} 投票剔除',
  'mark.outlier': '离群值：未计入平均（第 {round} 轮）',
  'mark.master': '主节点：把每个时钟调到平均值',
  'mark.naive': '错误公式已执行 {n} 次：每次误差翻倍',
  'mark.stale': '过期读：t = {at} 秒',
  'mark.latency': '{from} → {to}：{ms} 毫秒',
  'view.offsetChart': '时钟偏移',
  'view.precision': '精密度与准确度',
  'view.clocks': '各节点时钟',
  'view.inspector': '节点详情',
  'view.paxos': 'Paxos 状态',
  'view.lease': '租约',
  'view.client': '客户端',
  'view.spacetime': '时空图',
  'view.perturb': '制造故障',
  'view.interventions': '干预记录',
  'view.share': '保存与分享',
  'view.run': '本次运行',
  'view.help': '试试看',
}
