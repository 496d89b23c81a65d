import { create } from 'zustand'
import type { MessageKey, Params } from '../i18n'

/** A question put before an action that throws recorded work away; texts are catalogue keys. */
export interface Question {
  title: MessageKey
  body: MessageKey
  params?: Params
  confirm: MessageKey
}

interface ConfirmState {
  question: Question | null
  /** what confirming does */
  go: (() => void) | null
}

/** The one open question (ConfirmDialog renders it); asking again replaces it. */
export const useConfirmStore = create<ConfirmState>(() => ({ question: null, go: null }))

/** Ask `question`; `go` runs only when the learner confirms. Cancelling changes nothing. */
export function askFirst(question: Question, go: () => void): void {
  useConfirmStore.setState({ question, go })
}

export function answer(yes: boolean): void {
  const { go } = useConfirmStore.getState()
  useConfirmStore.setState({ question: null, go: null })
  if (yes) go?.()
}
