import type { ProtocolDef } from './protocol'
import type { ObserverDef } from '../sim/observer'
import { cristian } from './cristian/cristian'
import { ntp } from './ntp/ntp'
import { chrony } from './chrony/chrony'
import { sntp } from './sntp/sntp'
import { berkeley } from './berkeley/berkeley'
import { naive } from './naive/naive'
import { paxos } from './paxos/paxos'
import { store } from './store/store'
import { consensusChecker } from '../checkers/consensus/observer'
import { transactionsChecker } from '../checkers/transactions/observer'

/** Every protocol the engine knows; each decides from the scenario whether it runs. */
export const protocolDefs: readonly ProtocolDef[] = [
  cristian as ProtocolDef,
  ntp as ProtocolDef,
  chrony as ProtocolDef,
  sntp as ProtocolDef,
  berkeley as ProtocolDef,
  naive as ProtocolDef,
  paxos as ProtocolDef,
  store as ProtocolDef,
]

/** Every checker / metric that watches runs. */
export const observerDefs: readonly ObserverDef[] = [
  consensusChecker as ObserverDef,
  transactionsChecker as ObserverDef,
]
