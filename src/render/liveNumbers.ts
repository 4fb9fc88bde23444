import type { Report } from '../model/report.ts';
import { formatCount, formatDay, formatShare } from '../format/format.ts';
import { byId } from '../model/byId.ts';
import { countWords, plainText, type Sentence } from './sentence.ts';

/** A figure quoted in prose: the exact value and the words a reader sees. */
export interface LiveNumber {
  readonly value: number | string;
  readonly text: string;
}

/** A count quoted in prose, whose noun (from study.yaml) is data text. */
export interface LiveCount extends LiveNumber {
  readonly words: Sentence;
}

export interface CountProps {
  dataset?: string;
  participants?: boolean | string;
  dimension?: string;
  code?: string;
  /** Add the unit's noun: "1,250 posts" rather than "1,250". */
  noun?: boolean | string;
}

/**
 * A count for prose, computed from the report. References were checked at load time
 * (src/chapters/componentRules.ts), so a miss here is a bug, not a data problem.
 */
export function liveCount(report: Report, props: CountProps): LiveCount {
  const language = report.study.language;
  const withNoun = props.noun !== undefined && props.noun !== false;
  const say = (n: number, noun: readonly [string, string]) => {
    const words = withNoun ? countWords(n, noun, language) : [formatCount(n, language)];
    return { value: n, text: plainText(words), words };
  };
  if (props.dataset !== undefined) {
    const dataset = byId(report.datasets, props.dataset, 'dataset');
    return say(dataset.used, dataset.unit);
  }
  if (props.dimension !== undefined) {
    const dimension = byId(report.dimensions, props.dimension, 'dimension');
    const dataset = byId(report.datasets, dimension.dataset, 'dataset');
    const noun = dimension.countBy === 'participants' ? report.participants.label : dataset.unit;
    const n = props.code === undefined ? dimension.denominator : byId(dimension.codes, props.code, 'code').n;
    return say(n, noun);
  }
  return say(report.participants.total, report.participants.label);
}

export function liveShare(report: Report, props: { dimension: string; code: string }): LiveNumber {
  const dimension = byId(report.dimensions, props.dimension, 'dimension');
  const share = byId(dimension.codes, props.code, 'code').share;
  return { value: share, text: formatShare(share, report.study.language) };
}

export function livePeriod(report: Report): LiveNumber {
  const period = report.study.period;
  if (!period) return { value: '', text: 'the study period' };
  const language = report.study.language;
  return { value: `${period.start}/${period.end}`, text: `${formatDay(period.start, language)} to ${formatDay(period.end, language)}` };
}
