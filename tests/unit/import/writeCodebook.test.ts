import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { parse } from 'yaml';
import { importCodebook } from '../../../src/import/importProject.ts';
import { codebook as codebookSchema, type CodebookConfig } from '../../../src/schemas/codebook.ts';
import { readRefiBytes } from '../../../src/sources/refi/readRefiFile.ts';
import { stableGuid, writeCodebook } from '../../../src/sources/refi/writeCodebook.ts';
import { repoRoot } from '../../helpers/runBuild.ts';
import { fixtureCodebook } from '../../helpers/studyFixture.ts';

const xsd = readFileSync(join(repoRoot, 'tests', 'fixtures', 'refi', 'Codebook.xsd'), 'utf8');

function codebookOf(yamlText: string): CodebookConfig {
  return codebookSchema.parse(parse(yamlText));
}

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.qdc', contents: xml }],
    schema: [{ fileName: 'Codebook.xsd', contents: xsd }],
  });
  return result.errors.map((error) => error.rawMessage);
}

/** Each dimension's label and its codes as "label < parent label", the shape a round trip must keep. */
function labelTree(codebook: CodebookConfig): string[][] {
  return codebook.dimensions.map((dimension) => [
    dimension.label,
    ...dimension.codes.map((code) => {
      const parent = dimension.codes.find((other) => other.id === code.parent);
      return parent ? `${code.label} < ${parent.label}` : code.label;
    }),
  ]);
}

/** Awkward labels and definitions: markup characters, quotes, a line break, a tab, a control character. */
const awkward = `dimensions:
  - id: awkward
    label: 'Quotes "double" & <angle> ''single'''
    dataset: posts
    column: awkward
    description: "Line one\\nline two\\tand a tab"
    codes:
      - { id: first, label: "A & B", definition: "Less < more > equal; ]]> ends CDATA" }
      - { id: second, label: "Child\\nof first", parent: first }
      - { id: third, label: Third, parent: second }
`;

describe('writeCodebook', () => {
  it.each([
    ['the default study', readFileSync(join(repoRoot, 'data', 'codebook.yaml'), 'utf8')],
    ['the loader fixture', fixtureCodebook],
    ['awkward labels', awkward],
  ])('writes a .qdc that Codebook.xsd accepts for %s', async (_name, yamlText) => {
    expect(await schemaErrors(writeCodebook(codebookOf(yamlText)))).toEqual([]);
  });

  it('is checked by a schema that refuses a code without isCodable', async () => {
    const broken = writeCodebook(codebookOf(fixtureCodebook)).replace(' isCodable="true"', '');
    expect((await schemaErrors(broken)).join('\n')).toMatch(/isCodable/);
  });

  it('gives every dimension and code a stable, distinct version-5 GUID', () => {
    const xml = writeCodebook(codebookOf(fixtureCodebook));
    const guids = [...xml.matchAll(/guid="([^"]+)"/g)].map((match) => match[1]);
    expect(guids).toHaveLength(3 + 8);
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(writeCodebook(codebookOf(fixtureCodebook))).toBe(xml);
    expect(stableGuid('code/theme/hardware')).toBe(stableGuid('code/theme/hardware'));
    expect(stableGuid('code/theme/hardware')).not.toBe(stableGuid('code/theme/software'));
  });

  it('marks dimensions as grouping codes and nests codes by parent, with definitions as descriptions', () => {
    const xml = writeCodebook(codebookOf(fixtureCodebook));
    expect(xml).toContain('xmlns="urn:QDA-XML:codebook:1.0" origin="qualpress"');
    expect(xml).toMatch(
      /name="Theme" isCodable="false">\n\s+<Code [^>]*name="Technology" isCodable="true">\n\s+<Code [^>]*name="Hardware" isCodable="true"\/>/,
    );
  });

  it.each([
    ['the default study', readFileSync(join(repoRoot, 'data', 'codebook.yaml'), 'utf8')],
    ['awkward labels', awkward],
  ])('reads back through the REFI-QDA reader and import as the same tree of labels and definitions for %s', (_name, yamlText) => {
    const original = codebookOf(yamlText);
    const read = readRefiBytes(new TextEncoder().encode(writeCodebook(original)), 'export.qdc');
    expect(read.problems).toEqual([]);
    const imported = read.project && importCodebook(read.project, { shown: 'export.qdc', today: '2025-01-01' });
    if (!imported?.ok) throw new Error('expected the exported codebook to import');
    const back = codebookOf(imported.imported.files.get('codebook.yaml') ?? '');
    expect(labelTree(back)).toEqual(labelTree(original));
    expect(back.dimensions.map((dimension) => dimension.description)).toEqual(
      original.dimensions.map((dimension) => dimension.description),
    );
    expect(back.dimensions.flatMap((dimension) => dimension.codes.map((code) => code.definition))).toEqual(
      original.dimensions.flatMap((dimension) => dimension.codes.map((code) => code.definition)),
    );
  });

  it('round-trips an imported codebook exactly: ids are slugs of the labels', () => {
    const first = importCodebook(readRefiBytes(new TextEncoder().encode(writeCodebook(codebookOf(awkward))), 'a.qdc').project!, {
      shown: 'a.qdc',
      today: '2025-01-01',
    });
    if (!first.ok) throw new Error('expected an import');
    const once = codebookOf(first.imported.files.get('codebook.yaml') ?? '');
    const again = importCodebook(readRefiBytes(new TextEncoder().encode(writeCodebook(once)), 'b.qdc').project!, {
      shown: 'b.qdc',
      today: '2025-01-01',
    });
    expect(again.ok && codebookOf(again.imported.files.get('codebook.yaml') ?? '')).toEqual(once);
  });
});
