import type { Progress } from '../timing/progress.ts';

/** A build quicker than this shows no progress at all: most builds are. */
const quietForMs = 1000;
/** Often enough to see it move, seldom enough to cost nothing. */
const everyMs = 250;

export interface ProgressLine {
  readonly report: Progress;
  /** Remove the line, so that what the build prints next starts on a clean line. */
  clear(): void;
}

interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

/**
 * A one-line progress display on a terminal: a big study takes a while to read, and a
 * researcher should see that the build is working, and where. Each message overwrites the
 * last on the same line. Nothing is written when the stream is not a terminal (a CI log, a
 * file, a test), so the build's output stays exactly its summary and its problems.
 */
export function progressLine(stream: Terminal, now: () => number = () => performance.now()): ProgressLine {
  if (!stream.isTTY) return { report: () => {}, clear: () => {} };
  const started = now();
  let shownAt = -Infinity;
  let shown = false;
  return {
    report(message) {
      const at = now();
      if (at - started < quietForMs || at - shownAt < everyMs) return;
      shownAt = at;
      shown = true;
      // One line, never wrapped: a wrapped line could not be overwritten by the next.
      const width = Math.max((stream.columns || 80) - 1, 10);
      const line = message.length > width ? `${message.slice(0, width - 1)}…` : message;
      stream.write(`\r${line}\x1b[K`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
