import type { ImportedDimension } from './dimensionsFromCodes.ts';
import { segmentsDataset } from './studyYaml.ts';
import { flowAt, yamlDocument, yamlText } from './yamlText.ts';

/**
 * codebook.yaml for an imported project: every dimension belongs to the `segments` dataset,
 * `from` says what was imported ("a REFI-QDA project (NVivo 14)"). Every dimension belongs to the `segments` dataset,
 * in its own column, holds several codes a cell (a span may carry many codes) and counts units.
 */
export function codebookYaml(dimensions: readonly ImportedDimension[], from: string): string {
  const document = yamlDocument(
    {
      dimensions: dimensions.map((dimension) => ({
        id: dimension.id,
        label: dimension.label,
        dataset: segmentsDataset,
        column: dimension.id,
        ...(dimension.description === undefined ? {} : { description: dimension.description }),
        multiple: true,
        count: 'units',
        codes: dimension.codes.map((code) => ({
          id: code.id,
          label: code.label,
          ...(code.parent === undefined ? {} : { parent: code.parent }),
          ...(code.definition === undefined ? {} : { definition: code.definition }),
        })),
      })),
    },
    `Written by npm run import from ${from}: a dimension for each top-level code\n` +
      'with sub-codes, and one for the top-level codes without any (docs/import.md).',
  );
  dimensions.forEach((dimension, index) => dimension.codes.forEach((_, code) => flowAt(document, ['dimensions', index, 'codes', code])));
  return yamlText(document);
}
