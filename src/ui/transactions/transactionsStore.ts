import { create } from 'zustand'
import type { TransactionsUpdate } from '../../worker/transactionsWire'

/**
 * The transactions feed for React. Updates arrive at most a couple of times a second (the worker
 * throttles them), so the view simply renders what the latest one says.
 */
export interface TransactionsState {
  runId: number
  update: TransactionsUpdate | null
}

export const useTransactionsStore = create<TransactionsState>(() => ({ runId: -1, update: null }))

export function receiveTransactions(msg: TransactionsUpdate): void {
  useTransactionsStore.setState({ runId: msg.runId, update: msg })
}
