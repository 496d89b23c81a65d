import type { wireEn } from './wire.en'

/** 线路上的消息类型、协议名、NTP 时钟调节状态（并入 zh.ts）。 */
export const wireZh: Record<keyof typeof wireEn, string> = {
  'kind.ntpRequest': 'NTP 请求',
  'kind.ntpReply': 'NTP 应答',
  'kind.timeRequest': '时间请求',
  'kind.timeReply': '时间应答',
  'kind.berkeleyQuery': 'Berkeley：询问时间',
  'kind.berkeleyReply': 'Berkeley：报告时间',
  'kind.berkeleyAdjust': 'Berkeley：调整量',
  'protocol.ntp': 'NTP 网络时间协议',
  'protocol.sntp': 'SNTP 简单网络时间协议',
  'protocol.chrony': 'chrony 客户端',
  'protocol.cristian': 'Cristian 算法',
  'protocol.berkeley': 'Berkeley 算法',
  'protocol.naive': '错误公式（常见误解）',
  'protocol.paxos': 'Paxos 共识',
  'ntp.state.NSET': '未设定',
  'ntp.state.FREQ': '测频中',
  'ntp.state.SYNC': '已同步',
  'ntp.state.SPIK': '尖峰待定',
  'clock.rtt': '往返时延',
  'clock.rttHint': '这次交换的往返时延（RTT）',
}
