import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type CollectGarbage = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Give back to the system the memory reading and analysing the study used, before Astro's
 * build starts on top of it. V8 keeps the pages it has freed for reuse, as long as the process
 * lives (a million-unit study leaves about 500 MB of them); only a garbage collection made to
 * reduce memory returns them. Node offers one only behind `--expose-gc`, so the flag is set
 * for as long as it takes to get the function (as Node's documentation of `v8.setFlagsFromString`
 * shows), then unset.
 */
export function releaseMemory(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as CollectGarbage;
  setFlagsFromString('--no-expose-gc');
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
