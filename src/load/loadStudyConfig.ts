import { formattingError, variablesAtFault } from '../cite/formatCheck.ts';
import { formatReference } from '../cite/formatReference.ts';
import { codebook as codebookSchema, type CodebookConfig } from '../schemas/codebook.ts';
import { studyConfig as studyConfigSchema, type StudyConfig } from '../schemas/study.ts';
import type { Code, Dimension } from '../model/types.ts';
import { didYouMean } from './didYouMean.ts';
import { parseYaml, type YamlFile } from './parseYaml.ts';
import { listOf, quoted, type Problem } from './problems.ts';
import { validateYaml } from './validateYaml.ts';
import type { StudyFiles } from './studyFiles.ts';

export interface StudyDefinition {
  readonly config: StudyConfig;
  readonly dimensions: readonly Dimension[];
}

/** Read study.yaml and codebook.yaml, and check that they agree with each other. */
export function loadStudyConfig(files: StudyFiles, problems: Problem[]): StudyDefinition | undefined {
  const studyFile = readYaml(files, 'study.yaml', problems);
  const codebookFile = readYaml(files, 'codebook.yaml', problems);
  const study = studyFile && validateYaml(studyFile, studyConfigSchema, files.shown('study.yaml'));
  const codebook = codebookFile && validateYaml(codebookFile, codebookSchema, files.shown('codebook.yaml'));
  if (study && !study.ok) problems.push(...study.problems);
  if (codebook && !codebook.ok) problems.push(...codebook.problems);
  if (!study?.ok || !codebook?.ok) return undefined;

  const before = problems.length;
  checkDatasets(study.value, studyFile!, files.shown('study.yaml'), problems);
  const dimensions = checkCodebook(codebook.value, study.value, codebookFile!, files.shown('codebook.yaml'), problems);
  const consistent = problems.length === before;
  // Reported with the data's problems: the datasets can be read whatever based_on says.
  checkBasedOn(study.value, studyFile!, files.shown('study.yaml'), problems);
  return consistent ? { config: study.value, dimensions } : undefined;
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

/**
 * Every `based_on` publication is shown as an APA reference on every page of an illustrative
 * report, formatted by citation-js from the item as written: a name or date of a shape it
 * cannot handle (`family: 1`, `issued: { raw: 2016 }`) is reported here, at its key.
 */
function checkBasedOn(config: StudyConfig, file: YamlFile, shown: string, problems: Problem[]): void {
  config.based_on.forEach((item, index) => {
    const format = (candidate: Readonly<Record<string, unknown>>) => formatReference([candidate]);
    const error = formattingError(() => format(item));
    if (error === undefined) return;
    const expected = 'expected CSL-JSON that citation-js can format as a reference (names such as { family: Cho, given: Vincent }, dates such as { date-parts: [[2016, 3]] })';
    const culprits = variablesAtFault(item, format);
    if (culprits.length === 0) {
      problems.push({ file: shown, line: file.lineOf(['based_on', index]), field: `based_on.${index}`, message: `${expected}; found an item it cannot format (${error})` });
      return;
    }
    for (const key of culprits) {
      problems.push({ file: shown, line: file.lineOf(['based_on', index, key]), field: `based_on.${index}.${key}`, message: `${expected}; found ${shownValue(item[key])}` });
    }
  });
}

/** A YAML value as JSON, cut to one short line. */
function shownValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function checkCodebook(codebook: CodebookConfig, config: StudyConfig, file: YamlFile, shown: string, problems: Problem[]): Dimension[] {
  const datasetIds = Object.keys(config.datasets);
  const dimensionIds = new Map<string, number>();
  const columnsInUse = new Map<string, string>();
  return codebook.dimensions.map((dimension, index) => {
    const at = (path: (string | number)[], field: string, message: string) =>
      problems.push({ file: shown, line: file.lineOf(['dimensions', index, ...path]), field: `dimensions.${dimension.id}.${field}`.replace(/\.$/, ''), message });

    if (dimensionIds.has(dimension.id)) at(['id'], 'id', `expected each dimension id once; found ${quoted(dimension.id)} again (first at dimension ${dimensionIds.get(dimension.id)! + 1})`);
    dimensionIds.set(dimension.id, index);

    const dataset = config.datasets[dimension.dataset];
    if (!dataset) {
      at(['dataset'], 'dataset', `expected a dataset named in study.yaml (${listOf(datasetIds)}); found ${quoted(dimension.dataset)}${didYouMean(dimension.dataset, datasetIds)}`);
    } else {
      const reserved = [dataset.key, dataset.participant, dataset.date, dataset.text?.column, dataset.exclude];
      if (reserved.includes(dimension.column)) at(['column'], 'column', `expected a column holding codes; found ${quoted(dimension.column)}, which study.yaml already uses for dataset ${dimension.dataset}`);
      const columnKey = `${dimension.dataset}\u0000${dimension.column}`;
      const owner = columnsInUse.get(columnKey);
      if (owner !== undefined) at(['column'], 'column', `expected each column coded by one dimension; found ${quoted(dimension.column)} also used by dimension ${owner}`);
      columnsInUse.set(columnKey, dimension.id);
    }

    const depthOf = new Map<string, number>();
    const codes: Code[] = dimension.codes.map((code, codeIndex) => {
      if (depthOf.has(code.id)) at(['codes', codeIndex, 'id'], `codes.${code.id}`, `expected each code once in a dimension; found ${quoted(code.id)} twice`);
      let depth = 0;
      if (code.parent !== undefined) {
        const parentDepth = depthOf.get(code.parent);
        if (parentDepth === undefined) {
          at(['codes', codeIndex, 'parent'], `codes.${code.id}.parent`, `expected the id of a code listed earlier in this dimension; found ${quoted(code.parent)}${didYouMean(code.parent, depthOf.keys())}`);
        } else depth = parentDepth + 1;
      }
      depthOf.set(code.id, depth);
      return { ...code, depth };
    });
    return { ...dimension, codes };
  });
}
