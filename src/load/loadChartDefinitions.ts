import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedChart } from '../charts/defaultCharts.ts';
import type { Dimension } from '../model/types.ts';
import { chartDefinition, type ChartDefinition } from '../schemas/chart.ts';
import type { StudyConfig } from '../schemas/study.ts';
import { didYouMean } from './didYouMean.ts';
import { parseYaml, type YamlFile } from './parseYaml.ts';
import { listOf, quoted, type Problem } from './problems.ts';
import { studyFiles } from './studyFiles.ts';
import { validateYaml } from './validateYaml.ts';

/** The `kind:` of every chart kind, in the schema's order. */
const kindNames: readonly string[] = chartDefinition.options.map((option) => option.shape.kind.value);

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Chart ids become URLs (`/charts/<id>/`): lower-case words joined by hyphens. */
const chartId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Read the declared charts, one YAML file each in `<content>/charts/`, named after the
 * chart's id, and check every reference against the study (dimensions, datasets, codes).
 */
export function loadChartDefinitions(
  contentDir: string,
  study: { readonly config: StudyConfig; readonly dimensions: readonly Dimension[] },
  problems: Problem[],
): PlannedChart[] {
  const folder = join(contentDir, 'charts');
  if (!existsSync(folder)) return [];
  const files = studyFiles(folder);
  const names = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
  const fileOf = new Map<string, string>();
  return names.flatMap((name): PlannedChart[] => {
    const shown = files.shown(name);
    const id = name.replace(/\.ya?ml$/, '');
    if (!chartId.test(id)) {
      problems.push({ file: shown, message: `expected a file name of lower-case words joined by hyphens (it becomes the chart's address /charts/<name>/); found ${quoted(id)}` });
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
    if (isMapping(parsed.file.value) && !(typeof kind === 'string' && kindNames.includes(kind))) {
      const found = kind === undefined ? 'nothing (the key is missing)' : `${quoted(kind)}${typeof kind === 'string' ? didYouMean(kind, kindNames) : ''}`;
      return (problems.push({ file: shown, line: parsed.file.lineOf(['kind']), field: 'kind', message: `expected a chart kind (${listOf(kindNames)}); found ${found}` }), []);
    }
    // Against the kind's own schema, so that a key of another kind (`layout` on a distribution)
    // is not offered back as its own "did you mean"; a file that is no mapping has no kind.
    const schema = chartDefinition.options.find((option) => option.shape.kind.value === kind);
    const validated = schema ? validateYaml(parsed.file, schema, shown) : validateYaml(parsed.file, chartDefinition, shown);
    if (!validated.ok) return (problems.push(...validated.problems), []);
    const before = problems.length;
    checkReferences(validated.value, study, parsed.file, shown, problems);
    return problems.length === before ? [{ id, definition: validated.value, isDefault: false, source: shown }] : [];
  });
}

function checkReferences(
  definition: ChartDefinition,
  study: { readonly config: StudyConfig; readonly dimensions: readonly Dimension[] },
  file: YamlFile,
  shown: string,
  problems: Problem[],
): void {
  const at = (path: (string | number)[], message: string) => problems.push({ file: shown, line: file.lineOf(path), field: path.join('.'), message });
  const dimensionIds = study.dimensions.map((dimension) => dimension.id);
  const datasetIds = Object.keys(study.config.datasets);
  const findDimension = (id: string, path: (string | number)[]) => {
    const found = study.dimensions.find((dimension) => dimension.id === id);
    if (!found) at(path, `expected a dimension id from codebook.yaml (${listOf(dimensionIds)}); found ${quoted(id)}${didYouMean(id, dimensionIds)}`);
    return found;
  };
  const findDataset = (id: string) => {
    const found = study.config.datasets[id];
    if (!found) at(['dataset'], `expected a dataset id from study.yaml (${listOf(datasetIds)}); found ${quoted(id)}${didYouMean(id, datasetIds)}`);
    return found;
  };

  switch (definition.kind) {
    case 'distribution':
    case 'participants-reporting':
      findDimension(definition.dimension, ['dimension']);
      break;
    case 'breakdown': {
      findDimension(definition.dimension, ['dimension']);
      const attributes = study.config.participants.attributes.map((attribute) => attribute.column);
      if (definition.by !== 'participant' && !attributes.includes(definition.by)) {
        at(['by'], `expected "participant" or a participant attribute from study.yaml (${listOf(attributes) || 'none declared'}); found ${quoted(definition.by)}${didYouMean(definition.by, ['participant', ...attributes])}`);
      }
      break;
    }
    case 'timeline':
    case 'per-participant': {
      const dataset = findDataset(definition.dataset);
      if (dataset && definition.kind === 'timeline' && dataset.date === undefined) {
        at(['dataset'], `expected a dataset with a date column (set datasets.${definition.dataset}.date in study.yaml); found ${quoted(definition.dataset)}, which has none`);
      }
      if (definition.dimension !== undefined) {
        const dimension = findDimension(definition.dimension, ['dimension']);
        if (dimension && dataset && dimension.dataset !== definition.dataset) {
          at(['dimension'], `expected a dimension of dataset ${definition.dataset}; found ${quoted(definition.dimension)}, which codes ${dimension.dataset}`);
        }
      }
      break;
    }
    case 'comparison':
      definition.measures.forEach((measure, index) => {
        const dimension = findDimension(measure.dimension, ['measures', index, 'dimension']);
        if (!dimension) return;
        const codeIds = dimension.codes.map((code) => code.id);
        measure.codes.forEach((code, codeIndex) => {
          if (!codeIds.includes(code)) at(['measures', index, 'codes', codeIndex], `expected a code of dimension ${dimension.id} (${listOf(codeIds)}); found ${quoted(code)}${didYouMean(code, codeIds)}`);
        });
      });
      break;
  }
}
