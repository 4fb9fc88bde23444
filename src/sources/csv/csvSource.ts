import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { readText } from '../../load/readText.ts';
import { studyFiles } from '../../load/studyFiles.ts';
import type { Dataset, StudyOutline } from '../../model/study.ts';
import { KeyIndex } from '../../model/keyIndex.ts';
import type { Problem } from '../../problems/problem.ts';
import type { StudyConfig } from '../../schemas/study.ts';
import type { Progress } from '../../timing/progress.ts';
import type { StudyRecords, StudySource } from '../../model/studySource.ts';
import { allTexts, type PublishedTexts } from './publishedTexts.ts';
import { readDataset } from './readDataset.ts';
import { readOutline } from './readOutline.ts';
import { readParticipants } from './readParticipants.ts';
import { readReliability } from './readReliability.ts';
import { readSourceLengths } from './readSourceLengths.ts';

/** Where the names list lives in a study package. */
export const privateNamesFile = join('private', 'names.txt');

/**
 * The study package of docs/study-format.md: `study.yaml`, `codebook.yaml`,
 * `participants.csv` and one CSV file per dataset, in one folder. Messages show paths
 * relative to `cwd` (`data/posts.csv`).
 */
export function csvSource(dataDir: string, cwd = process.cwd(), progress?: Progress): StudySource {
  const files = studyFiles(dataDir, cwd);
  const root = isAbsolute(dataDir) ? dataDir : join(cwd, dataDir);
  // study.yaml as written: the CSV layout (file, key and column names) stays in this source.
  let config: StudyConfig | undefined;
  return {
    readOutline(problems) {
      const definition = readOutline(files, problems);
      config = definition?.config;
      return definition?.outline;
    },
    readRecords(outline: StudyOutline, problems: Problem[]): StudyRecords {
      if (!config) throw new Error('internal: readRecords before a successful readOutline');
      const texts: PublishedTexts = [];
      const privateNames = readPrivateNames(root, files.shown(privateNamesFile), problems);
      const participants = readParticipants(config.participants, files, texts, problems);
      const participantIds = participants && new Set(participants.map((participant) => participant.id));
      const datasets: Dataset[] = [];
      for (const dataset of outline.datasets) {
        const datasetConfig = config.datasets[dataset.id]!;
        const dimensions = outline.dimensions.filter((dimension) => dimension.dataset === dataset.id);
        const keysRead = new KeyIndex();
        const sources = datasetConfig.spans && readSourceLengths(files, datasetConfig.spans.lengths, texts, problems);
        const read = readDataset(
          {
            outline: dataset,
            config: datasetConfig,
            study: config,
            dimensions,
            participantIds,
            texts,
            keysRead,
            ...(progress ? { progress } : {}),
            ...(sources ? { sourceLengths: new Map(sources.map((source) => [source.id, source.characters] as const)) } : {}),
          },
          files,
          problems,
        );
        // The reliability file is checked even when the dataset has problems: one run, every problem.
        const reliability =
          datasetConfig.reliability === undefined
            ? undefined
            : readReliability(
                {
                  dataset: dataset.id,
                  key: datasetConfig.key,
                  unit: datasetConfig.unit,
                  dimensions,
                  keys: read && keysRead,
                },
                datasetConfig.reliability,
                files,
                problems,
              );
        if (read) datasets.push({ ...read, ...(reliability ? { reliability } : {}), ...(sources ? { sources } : {}) });
      }
      return {
        participants: participants ?? [],
        datasets,
        texts: allTexts(texts),
        ...(privateNames ? { privateNames } : {}),
        fingerprint: files.fingerprint(),
      };
    },
  };
}

/**
 * `private/names.txt`, if there is one. It is read directly, not through the fingerprinted
 * files: it must not enter the data fingerprint, and nothing in it reaches the report.
 */
export function readPrivateNames(root: string, shown: string, problems: Problem[]): { file: string; text: string } | undefined {
  const path = join(root, privateNamesFile);
  if (!existsSync(path)) return undefined;
  if (statSync(path).isFile() && statSync(path).size === 0) return { file: shown, text: '' };
  const read = readText(path, shown);
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  return { file: shown, text: read.text };
}
