import type { Dataset, Participant, PublishedText, StudyOutline } from './study.ts';
import type { Problem } from '../problems/problem.ts';

/**
 * Where a study comes from: a folder of CSV and YAML files today, a project exported by
 * qualitative-analysis software tomorrow. A source reads in two steps, so that the outline
 * (metadata, codebook, datasets) can check chart definitions and chapters even when the
 * records have problems. A source reports problems instead of throwing, each pointing at
 * its own kind of place (file and line, or an element of a project file).
 */
export interface StudySource {
  /** Metadata, codebook, participants' attributes and datasets; undefined when they have problems. */
  readOutline(problems: Problem[]): StudyOutline | undefined;
  /**
   * Participants and every dataset's records, checked against the outline. Records with
   * problems are left out, and their problems reported; what could be read is returned, so
   * its texts are still checked in the same run.
   */
  readRecords(outline: StudyOutline, problems: Problem[]): StudyRecords;
}

export interface StudyRecords {
  readonly participants: readonly Participant[];
  readonly datasets: readonly Dataset[];
  /**
   * Every text the site would publish, from valid and invalid records alike, for the privacy
   * checks. An iterable, read once: a source may give a million units' texts from the units
   * themselves rather than hold a second record of each.
   */
  readonly texts: Iterable<PublishedText>;
  /** The researcher's list of real names never to publish, when the source keeps one. */
  readonly privateNames?: { readonly file: string; readonly text: string };
  /** SHA-256 of everything read, so a page can say exactly which data it shows. */
  readonly fingerprint: string;
}
