import type { StudyOutline } from '../model/study.ts';
import { closestMatch } from '../problems/didYouMean.ts';
import { listOf, quoted } from '../problems/problem.ts';
import { citeComponentKeys } from './citationSyntax.ts';
import type { ComponentUse } from './scanMdx.ts';

/** What a chapter may refer to: the study's outline, its charts, and the bibliography keys. */
export interface ReferenceContext {
  readonly outline: StudyOutline;
  readonly chartIds: readonly string[];
  readonly bibliographyKeys: ReadonlySet<string>;
  /**
   * Charts placed as figures somewhere in the report, which `<Ref>` can point at; unknown
   * (and not checked) when the data have problems and the generated chapters cannot be made.
   */
  readonly placedCharts: ReadonlySet<string> | undefined;
  /**
   * Dimensions with agreement figures (those the reliability files give); unknown when the
   * data have problems, and then checked against the datasets that have a reliability file.
   */
  readonly reliabilityDimensions?: ReadonlySet<string> | undefined;
}

/** A problem with one attribute of one component: the attribute and what was wrong. */
export interface AttributeProblem {
  readonly attribute: string;
  readonly message: string;
}

interface Rule {
  readonly attributes: readonly string[];
  check(use: ComponentUse, context: ReferenceContext): AttributeProblem[];
}

const hint = (found: string, known: readonly string[]) => {
  const match = closestMatch(found, known);
  return match === undefined ? '' : ` (did you mean ${quoted(match)}?)`;
};

function expectOneOf(attribute: string, found: string | true | undefined, known: readonly string[], what: string): AttributeProblem[] {
  if (found === undefined) return [{ attribute, message: `expected ${what} (${listOf(known)}); found no ${attribute} attribute` }];
  if (found === true) return [{ attribute, message: `expected ${what} as ${attribute}="..."; found ${attribute} with no value` }];
  if (known.includes(found)) return [];
  return [{ attribute, message: `expected ${what} (${listOf(known)}); found ${quoted(found)}${hint(found, known)}` }];
}

const dimensionIds = (context: ReferenceContext) => context.outline.dimensions.map((dimension) => dimension.id);
const chartIds = (context: ReferenceContext) => context.chartIds;

function codeOf(use: ComponentUse, context: ReferenceContext, required: boolean): AttributeProblem[] {
  const dimension = context.outline.dimensions.find((candidate) => candidate.id === use.attributes.dimension);
  if (!dimension) return [];
  if (use.attributes.code === undefined && !required) return [];
  return expectOneOf(
    'code',
    use.attributes.code,
    dimension.codes.map((code) => code.id),
    `a code of dimension ${dimension.id}`,
  );
}

const byDimension: Rule = {
  attributes: ['dimension'],
  check: (use, context) => expectOneOf('dimension', use.attributes.dimension, dimensionIds(context), 'a dimension id from codebook.yaml'),
};

const noAttributes: Rule = { attributes: [], check: () => [] };

const withReliability = (context: ReferenceContext) => context.outline.datasets.filter((dataset) => dataset.hasReliability);

/** A dimension with agreement figures: its dataset has a reliability file that gives its column. */
const reliabilityDimension: Rule = {
  attributes: ['dimension'],
  check: (use, context) => {
    const problems = byDimension.check(use, context);
    if (problems.length > 0) return problems;
    const id = use.attributes.dimension as string;
    const dimension = context.outline.dimensions.find((candidate) => candidate.id === id);
    const datasets = withReliability(context).map((dataset) => dataset.id);
    const known = context.reliabilityDimensions
      ? [...context.reliabilityDimensions]
      : context.outline.dimensions.filter((candidate) => datasets.includes(candidate.dataset)).map((candidate) => candidate.id);
    if (known.includes(id)) return [];
    const why =
      dimension && datasets.includes(dimension.dataset)
        ? `, whose column the reliability file of dataset ${dimension.dataset} does not give`
        : `, whose dataset ${dimension?.dataset ?? ''} has no reliability file (datasets.${dimension?.dataset ?? ''}.reliability in study.yaml)`;
    return [
      {
        attribute: 'dimension',
        message: `expected a dimension with each coder's own codes (${listOf(known) || 'none in this study'}); found ${quoted(id)}${why}`,
      },
    ];
  },
};

/**
 * The components a chapter may place, and what each must refer to. A reference to
 * something the study does not have fails the build at the MDX file and line.
 */
export const componentRules: Readonly<Record<string, Rule>> = {
  Chart: {
    attributes: ['id'],
    check: (use, context) => expectOneOf('id', use.attributes.id, chartIds(context), 'a chart id (content/charts or a default chart)'),
  },
  Ref: {
    attributes: ['chart'],
    check: (use, context) => {
      const problems = expectOneOf('chart', use.attributes.chart, chartIds(context), 'a chart id');
      if (problems.length === 0 && context.placedCharts && !context.placedCharts.has(use.attributes.chart as string)) {
        problems.push({
          attribute: 'chart',
          message: `expected a chart placed as a figure with <Chart id=...> in some chapter; found ${quoted(use.attributes.chart)}, which no chapter places`,
        });
      }
      return problems;
    },
  },
  Count: {
    attributes: ['dataset', 'participants', 'dimension', 'code', 'noun'],
    check: (use, context) => {
      const { dataset, participants, dimension } = use.attributes;
      const given = [dataset, participants, dimension].filter((value) => value !== undefined).length;
      if (given !== 1)
        return [
          { attribute: 'dataset', message: `expected exactly one of dataset="...", participants or dimension="..."; found ${given}` },
        ];
      if (dataset !== undefined)
        return expectOneOf(
          'dataset',
          dataset,
          context.outline.datasets.map((candidate) => candidate.id),
          'a dataset id from study.yaml',
        );
      if (dimension !== undefined) return [...byDimension.check(use, context), ...codeOf(use, context, false)];
      return [];
    },
  },
  Share: {
    attributes: ['dimension', 'code'],
    check: (use, context) => [...byDimension.check(use, context), ...codeOf(use, context, true)],
  },
  Cite: {
    attributes: ['keys', 'narrative'],
    check: (use, context) => {
      const keys = typeof use.attributes.keys === 'string' ? citeComponentKeys(use.attributes.keys) : [];
      if (keys.length === 0) return [{ attribute: 'keys', message: 'expected one or more citation keys; found none' }];
      // "Doe (2020)" names one work; two would read "Doe and Roe (2020; Roe, 2021)".
      if (use.attributes.narrative !== undefined && keys.length > 1)
        return [
          { attribute: 'keys', message: `expected one citation key for a narrative citation; found ${keys.length} (${keys.join(', ')})` },
        ];
      const known = [...context.bibliographyKeys];
      return keys.flatMap((key) =>
        context.bibliographyKeys.has(key)
          ? []
          : [
              {
                attribute: 'keys',
                message: `expected a key from content/references.bib (${listOf(known) || 'none'}); found ${quoted(key)}${hint(key, known)}`,
              },
            ],
      );
    },
  },
  Period: noAttributes,
  PrivacyRule: noAttributes,
  Bibliography: noAttributes,
  ReportCitation: noAttributes,
  DimensionIntro: byDimension,
  DimensionSummary: byDimension,
  CodeDefinitions: byDimension,
  Exemplars: byDimension,
  Reliability: reliabilityDimension,
  ReliabilityTable: {
    attributes: ['dataset'],
    check: (use, context) => {
      const known = withReliability(context).map((dataset) => dataset.id);
      if (use.attributes.dataset === undefined)
        return known.length > 0
          ? []
          : [
              {
                attribute: '',
                message:
                  "expected a study with each coder's own codes for some dataset (datasets.<id>.reliability in study.yaml); found none",
              },
            ];
      return expectOneOf('dataset', use.attributes.dataset, known, 'a dataset with a reliability file');
    },
  },
};

/** Every problem with one component use: unknown component, unknown or `{expression}` attributes, broken references. */
export function checkComponent(use: ComponentUse, context: ReferenceContext): AttributeProblem[] {
  const rule = componentRules[use.name];
  const names = Object.keys(componentRules);
  if (!rule)
    return [
      { attribute: '', message: `expected a qualpress component (${names.join(', ')}); found <${use.name}>${hint(use.name, names)}` },
    ];
  const problems: AttributeProblem[] = use.expressions.map((attribute) => ({
    attribute,
    message: `expected a quoted value such as ${attribute}="..."; found an {expression}, which could hide a typed figure or unchecked reference`,
  }));
  for (const attribute of Object.keys(use.attributes)) {
    if (!rule.attributes.includes(attribute))
      problems.push({
        attribute,
        message: `expected only the attributes ${listOf([...rule.attributes]) || '(none)'}; found ${quoted(attribute)}${hint(attribute, rule.attributes)}`,
      });
  }
  return [...problems, ...rule.check(use, context)];
}
