import { z } from 'zod';
import { codebook as codebookSchema, type CodebookConfig } from '../../schemas/codebook.ts';
import { studyConfig as studyConfigSchema, type StudyConfig } from '../../schemas/study.ts';
import type { Code, Dimension, StudyOutline } from '../../model/study.ts';
import { didYouMean } from '../../problems/didYouMean.ts';
import { parseYaml, type YamlFile } from '../../load/parseYaml.ts';
import { listOf, quoted, type Problem } from '../../problems/problem.ts';
import { validateYaml } from '../../load/validateYaml.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';

export interface StudyDefinition {
  /** study.yaml as written, with the CSV configuration the rest of this source reads. */
  readonly config: StudyConfig;
  readonly outline: StudyOutline;
}

/** Read study.yaml and codebook.yaml, and check that they agree with each other. */
export function readOutline(files: StudyFiles, problems: Problem[]): StudyDefinition | undefined {
  const studyFile = readYaml(files, 'study.yaml', problems);
  const codebookFile = readYaml(files, 'codebook.yaml', problems);
  const validated = studyFile && validateYaml(studyFile, studyConfigSchema, files.shown('study.yaml'));
  const codebook = codebookFile && validateYaml(codebookFile, codebookSchema, files.shown('codebook.yaml'));
  if (validated && !validated.ok) problems.push(...validated.problems);
  if (codebook && !codebook.ok) problems.push(...codebook.problems);
  // A study.yaml whose only problems are in what describes the study (a blank title, an
  // ORCID iD with a wrong check digit) still says how to read the data: the data, chart
  // definitions and chapters are then checked in the same run.
  const study = validated && !validated.ok ? studyFile && readableStructure(studyFile) : validated;
  if (!study?.ok || !codebook?.ok) return undefined;

  const before = problems.length;
  checkDatasets(study.value, studyFile!, files.shown('study.yaml'), problems);
  const dimensions = checkCodebook(codebook.value, study.value, codebookFile!, files.shown('codebook.yaml'), problems);
  if (problems.length !== before) return undefined;
  const config = study.value;
  const { datasets, participants, coders, ...metadata } = config;
  return {
    config,
    outline: {
      origin: { file: files.shown('study.yaml') },
      locate: (path) => ({ file: files.shown('study.yaml'), ...lineAt(studyFile!, [...path]) }),
      metadata,
      participantLabel: participants.label,
      attributes: participants.attributes,
      dimensions,
      coders,
      datasets: Object.entries(datasets).map(([id, dataset]) => ({
        id,
        label: dataset.label ?? dataset.unit[1][0]!.toUpperCase() + dataset.unit[1].slice(1),
        unit: dataset.unit,
        source: files.shown(dataset.file),
        dated: dataset.date !== undefined,
        textPublishing: dataset.text?.publish ?? 'none',
        hasReliability: dataset.reliability !== undefined,
        hasSpans: dataset.spans !== undefined,
      })),
    },
  };
}

/** The parts of study.yaml that only describe the study, and so never stop the data being read. */
const descriptiveKeys = [
  'title',
  'subtitle',
  'version',
  'date',
  'license',
  'publisher',
  'url',
  'language',
  'authors',
  'abstract',
  'based_on',
] as const;
const structureSchema = studyConfigSchema.extend(Object.fromEntries(descriptiveKeys.map((key) => [key, z.unknown().optional()])));

/**
 * study.yaml read for its structure alone, once its full check has failed (and reported).
 * Its description may then be anything: it is only used for further checks, never built.
 */
function readableStructure(file: YamlFile): { ok: true; value: StudyConfig } | undefined {
  const parsed = structureSchema.safeParse(file.value);
  // The descriptive keys are unchecked here, and nothing past the checks reads them.
  return parsed.success ? { ok: true, value: parsed.data as StudyConfig } : undefined;
}

function lineAt(file: YamlFile, path: (string | number)[]): { line?: number } {
  const line = file.lineOf(path);
  return line === undefined ? {} : { line };
}

function readYaml(files: StudyFiles, name: string, problems: Problem[]): YamlFile | undefined {
  const text = files.read(name);
  if (!text.ok) {
    problems.push(text.problem);
    return undefined;
  }
  const parsed = parseYaml(text.text, files.shown(name));
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return parsed.file;
}

/** A dataset's special columns must be distinct, or one column would mean two things. */
function checkDatasets(config: StudyConfig, file: YamlFile, shown: string, problems: Problem[]): void {
  for (const [id, dataset] of Object.entries(config.datasets)) {
    const roles: [string, string | undefined][] = [
      ['key', dataset.key],
      ['participant', dataset.participant],
      ['date', dataset.date],
      ['text.column', dataset.text?.column],
      ['exclude', dataset.exclude],
      ['spans.source', dataset.spans?.source],
      ['spans.start', dataset.spans?.start],
      ['spans.end', dataset.spans?.end],
    ];
    const seen = new Map<string, string>();
    for (const [role, column] of roles) {
      if (column === undefined) continue;
      const other = seen.get(column);
      if (other !== undefined) {
        problems.push({
          file: shown,
          line: file.lineOf(['datasets', id, ...role.split('.')]),
          field: `datasets.${id}.${role}`,
          message: `expected a column different from ${other}; found ${quoted(column)} used for both`,
        });
      }
      seen.set(column, role);
    }
  }
}

function checkCodebook(codebook: CodebookConfig, config: StudyConfig, file: YamlFile, shown: string, problems: Problem[]): Dimension[] {
  const datasetIds = Object.keys(config.datasets);
  const dimensionIds = new Map<string, number>();
  const columnsInUse = new Map<string, string>();
  return codebook.dimensions.map((dimension, index) => {
    const at = (path: (string | number)[], field: string, message: string) =>
      problems.push({
        file: shown,
        line: file.lineOf(['dimensions', index, ...path]),
        field: `dimensions.${dimension.id}.${field}`.replace(/\.$/, ''),
        message,
      });

    if (dimensionIds.has(dimension.id))
      at(
        ['id'],
        'id',
        `expected each dimension id once; found ${quoted(dimension.id)} again (first at dimension ${dimensionIds.get(dimension.id)! + 1})`,
      );
    dimensionIds.set(dimension.id, index);

    const dataset = config.datasets[dimension.dataset];
    if (!dataset) {
      at(
        ['dataset'],
        'dataset',
        `expected a dataset named in study.yaml (${listOf(datasetIds)}); found ${quoted(dimension.dataset)}${didYouMean(dimension.dataset, datasetIds)}`,
      );
    } else {
      const reserved = [
        dataset.key,
        dataset.participant,
        dataset.date,
        dataset.text?.column,
        dataset.exclude,
        dataset.spans?.source,
        dataset.spans?.start,
        dataset.spans?.end,
      ];
      if (reserved.includes(dimension.column))
        at(
          ['column'],
          'column',
          `expected a column holding codes; found ${quoted(dimension.column)}, which study.yaml already uses for dataset ${dimension.dataset}`,
        );
      const columnKey = `${dimension.dataset}\u0000${dimension.column}`;
      const owner = columnsInUse.get(columnKey);
      if (owner !== undefined)
        at(
          ['column'],
          'column',
          `expected each column coded by one dimension; found ${quoted(dimension.column)} also used by dimension ${owner}`,
        );
      columnsInUse.set(columnKey, dimension.id);
    }

    const depthOf = new Map<string, number>();
    const codes: Code[] = dimension.codes.map((code, codeIndex) => {
      if (depthOf.has(code.id))
        at(['codes', codeIndex, 'id'], `codes.${code.id}`, `expected each code once in a dimension; found ${quoted(code.id)} twice`);
      let depth = 0;
      if (code.parent !== undefined) {
        const parentDepth = depthOf.get(code.parent);
        if (parentDepth === undefined) {
          at(
            ['codes', codeIndex, 'parent'],
            `codes.${code.id}.parent`,
            `expected the id of a code listed earlier in this dimension; found ${quoted(code.parent)}${didYouMean(code.parent, depthOf.keys())}`,
          );
        } else depth = parentDepth + 1;
      }
      depthOf.set(code.id, depth);
      if (code.example === undefined) return { ...code, depth };
      // Examples are published beside their definitions: where they are written, for the privacy checks.
      const exampleOrigin = {
        file: shown,
        field: `dimensions.${dimension.id}.codes.${code.id}.example`,
        ...lineAt(file, ['dimensions', index, 'codes', codeIndex, 'example']),
      };
      return { ...code, depth, exampleOrigin };
    });
    return { ...dimension, codes };
  });
}
