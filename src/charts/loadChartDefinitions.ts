import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedChart } from './defaultCharts.ts';
import { z } from 'zod';
import type { StudyOutline } from '../model/study.ts';
import type { ReferenceChecks } from './chartKind.ts';
import { chartKinds, isKindName, kindNames, type ChartDefinition } from './kinds/index.ts';
import { didYouMean } from '../problems/didYouMean.ts';
import { parseYaml, type YamlFile } from '../load/parseYaml.ts';
import { listOf, quoted, type Problem } from '../problems/problem.ts';
import { studyFiles } from '../load/studyFiles.ts';
import { validateYaml } from '../load/validateYaml.ts';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Chart ids become URLs (`/charts/<id>/`): lower-case words joined by hyphens. */
const chartId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Read the declared charts, one YAML file each in `<content>/charts/`, named after the
 * chart's id, and check every reference against the study (dimensions, datasets, codes).
 */
export function loadChartDefinitions(contentDir: string, outline: StudyOutline, problems: Problem[]): PlannedChart[] {
  const folder = join(contentDir, 'charts');
  if (!existsSync(folder)) return [];
  const files = studyFiles(folder);
  const names = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const fileOf = new Map<string, string>();
  return names.flatMap((name): PlannedChart[] => {
    const shown = files.shown(name);
    const id = name.replace(/\.ya?ml$/, '');
    if (!chartId.test(id)) {
      problems.push({
        file: shown,
        message: `expected a file name of lower-case words joined by hyphens (it becomes the chart's address /charts/<name>/); found ${quoted(id)}`,
      });
      return [];
    }
    // `themes.yaml` and `themes.yml` would both claim the address /charts/themes/.
    const other = fileOf.get(id);
    if (other !== undefined) {
      problems.push({ file: shown, message: `expected one file per chart id; found ${quoted(id)} also in ${other}` });
      return [];
    }
    fileOf.set(id, name);
    const text = files.read(name);
    if (!text.ok) return (problems.push(text.problem), []);
    const parsed = parseYaml(text.text, shown);
    if (!parsed.ok) return (problems.push(...parsed.problems), []);
    // Checked before the schema, whose own message for an unknown kind is zod's ("Invalid
    // discriminator value. Expected ...") and names neither what was found nor a close match.
    const kind = isMapping(parsed.file.value) ? parsed.file.value.kind : undefined;
    if (!isMapping(parsed.file.value)) {
      const validated = validateYaml(parsed.file, z.looseObject({}), shown);
      return (problems.push(...(validated.ok ? [] : validated.problems)), []);
    }
    if (!isKindName(kind)) {
      const found =
        kind === undefined
          ? 'nothing (the key is missing)'
          : `${quoted(kind)}${typeof kind === 'string' ? didYouMean(kind, kindNames) : ''}`;
      return (
        problems.push({
          file: shown,
          line: parsed.file.lineOf(['kind']),
          field: 'kind',
          message: `expected a chart kind (${listOf(kindNames)}); found ${found}`,
        }),
        []
      );
    }
    // Against the kind's own schema, so that a key of another kind (`layout` on a distribution)
    // is not offered back as its own "did you mean".
    const chartKind = chartKinds[kind];
    const validated = validateYaml(parsed.file, chartKind.schema, shown);
    if (!validated.ok) return (problems.push(...validated.problems), []);
    const before = problems.length;
    const definition: ChartDefinition = validated.value;
    // `as never`: the registry lookup cannot narrow to this kind's own definition type; its schema just read it.
    chartKind.checkReferences(definition as never, referenceChecks(outline, parsed.file, shown, problems));
    return problems.length === before ? [{ id, definition, isDefault: false, source: shown }] : [];
  });
}

/** The checks every kind's references go through, reporting at the definition file's lines. */
function referenceChecks(outline: StudyOutline, file: YamlFile, shown: string, problems: Problem[]): ReferenceChecks {
  const problem = (path: readonly (string | number)[], message: string) =>
    problems.push({ file: shown, line: file.lineOf(path), field: path.join('.'), message });
  const dimensionIds = outline.dimensions.map((dimension) => dimension.id);
  const datasetIds = outline.datasets.map((dataset) => dataset.id);
  return {
    outline,
    problem,
    dimension(id, path) {
      const found = outline.dimensions.find((dimension) => dimension.id === id);
      if (!found)
        problem(
          path,
          `expected a dimension id from codebook.yaml (${listOf(dimensionIds)}); found ${quoted(id)}${didYouMean(id, dimensionIds)}`,
        );
      return found;
    },
    dataset(id, path) {
      const found = outline.datasets.find((dataset) => dataset.id === id);
      if (!found)
        problem(path, `expected a dataset id from study.yaml (${listOf(datasetIds)}); found ${quoted(id)}${didYouMean(id, datasetIds)}`);
      return found;
    },
    code(dimension, code, path) {
      const codeIds = dimension.codes.map((candidate) => candidate.id);
      if (!codeIds.includes(code))
        problem(
          path,
          `expected a code of dimension ${dimension.id} (${listOf(codeIds)}); found ${quoted(code)}${didYouMean(code, codeIds)}`,
        );
    },
  };
}

/**
 * The chart ids the definition files claim by their names, valid or not: chapters are checked
 * against these too, so a chart whose definition has a problem is not also reported as
 * unknown wherever a chapter places it.
 */
export function chartFileIds(contentDir: string): string[] {
  const folder = join(contentDir, 'charts');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .filter((id) => chartId.test(id));
}
