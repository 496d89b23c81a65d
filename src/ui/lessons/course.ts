import { parseLesson, type Lesson } from './schema'
import clocksDrift from './data/01-clocks-drift.json' with { type: 'json' }
import naiveFormula from './data/02-naive-formula.json' with { type: 'json' }
import cristian from './data/03-cristian.json' with { type: 'json' }
import ntpTimestamps from './data/04-ntp-timestamps.json' with { type: 'json' }
import asymmetry from './data/05-asymmetry.json' with { type: 'json' }
import falsetickers from './data/06-falsetickers.json' with { type: 'json' }
import discipline from './data/07-ntp-discipline.json' with { type: 'json' }
import berkeley from './data/08-berkeley.json' with { type: 'json' }
import paxos from './data/09-paxos-one-decree.json' with { type: 'json' }
import dueling from './data/10-dueling-proposers.json' with { type: 'json' }
import leaderCrash from './data/11-leader-crash.json' with { type: 'json' }
import leases from './data/12-leases.json' with { type: 'json' }
import forgetful from './data/13-forgetful-acceptor.json' with { type: 'json' }
import transactions from './data/14-transactions-need-clocks.json' with { type: 'json' }
import commitWait from './data/15-commit-wait.json' with { type: 'json' }
import atomicCommit from './data/16-atomic-commit.json' with { type: 'json' }

/** The course, in teaching order: the same lesson files a teacher could write and import. */
export const courseFiles: readonly unknown[] = [
  clocksDrift,
  naiveFormula,
  cristian,
  ntpTimestamps,
  asymmetry,
  falsetickers,
  discipline,
  berkeley,
  paxos,
  dueling,
  leaderCrash,
  leases,
  forgetful,
  transactions,
  commitWait,
  atomicCommit,
]

/**
 * Built-in lessons are validated like imported ones. One that does not validate is left out
 * rather than taking the page down; the unit tests fail on it (course.test.ts).
 */
export const course: readonly Lesson[] = courseFiles.flatMap((file) => {
  const r = parseLesson(file)
  return r.ok ? [r.lesson] : []
})
