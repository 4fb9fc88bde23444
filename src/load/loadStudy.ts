import { resolve } from 'node:path';
import type { Dataset, Study } from '../model/types.ts';
import { checkCodebookExamples, checkParticipantsFile, loadPrivateNames } from './checkPrivacy.ts';
import { loadDataset } from './loadDataset.ts';
import { loadParticipants } from './loadParticipants.ts';
import { loadStudyConfig } from './loadStudyConfig.ts';
import { sortProblems, type Problem } from '../problems/problem.ts';
import { studyFiles } from './studyFiles.ts';

export type StudyResult = { ok: true; study: Study } | { ok: false; problems: readonly Problem[] };

/**
 * Load and validate a whole study package. Every file is checked even after a problem,
 * so the researcher sees every problem in one run; the study is returned only when there
 * are none. Of `private/`, only `private/names.txt` is read, to refuse those names in
 * published text; nothing from it is kept in the study.
 */
export function loadStudy(dataDir: string, cwd = process.cwd()): StudyResult {
  const files = studyFiles(dataDir, cwd);
  const problems: Problem[] = [];
  const definition = loadStudyConfig(files, problems);
  if (!definition) return { ok: false, problems: sortProblems(problems) };
  const { config, dimensions } = definition;
  const root = resolve(cwd, dataDir);
  const privateNames = loadPrivateNames(root, files.shown, problems);
  checkCodebookExamples(root, files.shown('codebook.yaml'), dimensions, privateNames, problems);

  const participants = loadParticipants(config.participants, files, problems);
  if (participants) checkParticipantsFile(root, config.participants, files.shown(config.participants.file), privateNames, problems);
  const participantIds = participants && new Set(participants.map((participant) => participant.id));
  const datasets: Dataset[] = [];
  for (const [id, datasetConfig] of Object.entries(config.datasets)) {
    const dataset = loadDataset(
      { id, config: datasetConfig, study: config, dimensions: dimensions.filter((dimension) => dimension.dataset === id), participantIds, privateNames },
      files,
      problems,
    );
    if (dataset) datasets.push(dataset);
  }
  if (problems.length > 0 || !participants) return { ok: false, problems: sortProblems(problems) };
  if (datasets.every((dataset) => dataset.units.length === 0)) {
    return { ok: false, problems: [{ file: files.shown('study.yaml'), field: 'datasets', message: 'expected at least one unit to analyse; found every row excluded' }] };
  }
  return { ok: true, study: { config, dimensions, participants, datasets, fingerprint: files.fingerprint() } };
}
