/**
 * The order jest starts test files in. With two workers, a long file started last runs alone at
 * the end while the other worker idles: the longest files go first. Jest knows the durations of
 * the previous run on this machine (its cache); a fresh clone (CI) has none, and jest would
 * start the largest files first, which are not the slowest. So the files below, the slowest
 * of a measured run, slowest first, start before any other; the rest follow in jest's order.
 * A file missing from the list is only started later, never skipped.
 */
import Sequencer from '@jest/test-sequencer'

const SLOWEST_FIRST = [
  'tests/cluster/cluster.test.ts',
  'tests/int/releases.test.ts',
  'tests/security/auth.test.ts',
  'tests/int/readCache.http.test.ts',
  'tests/int/workflow.schedule.test.ts',
  'tests/int/demoContent.test.ts',
  'tests/security/secrets.test.ts',
  'tests/int/sitemap.http.test.ts',
  'tests/int/workflow.test.ts',
  'tests/int/workflow.review.test.ts',
  'tests/security/draftImages.test.ts',
  'tests/int/workflow.knockOn.test.ts',
  'tests/reliability/databaseFaults.test.ts',
  'tests/reliability/concurrency.test.ts',
  'tests/reliability/crashSafety.test.ts',
  'tests/reliability/gracefulShutdown.test.ts',
  'tests/security/richText.test.ts',
  'tests/int/embeddedPostgres.test.ts',
]

export default class SlowestFirst extends Sequencer {
  async sort(tests) {
    const rank = (test) => {
      const index = SLOWEST_FIRST.findIndex((file) => test.path.endsWith(file))
      return index === -1 ? SLOWEST_FIRST.length : index
    }
    const ordered = await super.sort(tests)
    // Array.prototype.sort is stable: the rest keep jest's own order.
    return [...ordered].sort((a, b) => rank(a) - rank(b))
  }
}
