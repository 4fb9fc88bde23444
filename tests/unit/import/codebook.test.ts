import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codebookYaml } from '../../../src/import/codebookYaml.ts';
import { codeTree, nameParts, type CodeNode } from '../../../src/import/codeTree.ts';
import { dimensionsFromCodes } from '../../../src/import/dimensionsFromCodes.ts';
import { codebook as codebookSchema } from '../../../src/schemas/codebook.ts';
import { refiCode } from '../../helpers/refiProject.ts';

/** A tree as names only, children indented by nesting, to compare shapes at a glance. */
function outline(nodes: readonly CodeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.name}${node.guid === undefined ? ' (implied)' : ''}`,
    ...outline(node.children, depth + 1),
  ]);
}

describe('codeTree', () => {
  it('splits ATLAS.ti 8 names on "::" into nesting, making the parents the project lacks', () => {
    expect(nameParts('Coke::diet Coke')).toEqual(['Coke', 'diet Coke']);
    expect(nameParts('a :: b :: c')).toEqual(['a', 'b', 'c']);
    expect(nameParts('::')).toEqual(['::']);
    const tree = codeTree([
      refiCode('c1', 'Coke::diet Coke'),
      refiCode('c2', 'Coke::classic'),
      refiCode('c3', 'Pepsi::max::zero'),
      refiCode('c4', 'Water'),
    ]);
    expect(outline(tree)).toEqual([
      'Coke (implied)',
      '  diet Coke',
      '  classic',
      'Pepsi (implied)',
      '  max (implied)',
      '    zero',
      'Water',
    ]);
  });

  it("puts a split name under the project's own code of that name, whichever comes first", () => {
    const tree = codeTree([
      refiCode('c1', 'Coke::diet Coke'),
      refiCode('c0', 'Coke', [], { description: 'All colas' }),
      refiCode('c2', 'Coke::classic'),
    ]);
    expect(outline(tree)).toEqual(['Coke', '  diet Coke', '  classic']);
    expect(tree[0]).toMatchObject({ guid: 'c0', description: 'All colas', isCodable: true });
  });

  it('keeps two codes of one name apart, so no coding moves to another code', () => {
    const tree = codeTree([refiCode('a', 'Other'), refiCode('b', 'Other')]);
    expect(tree.map((node) => node.guid)).toEqual(['a', 'b']);
  });
});

describe('dimensionsFromCodes', () => {
  const codes = [
    refiCode('emotions', 'Emotions', [refiCode('joy', 'Joy'), refiCode('anger', 'Anger', [refiCode('rage', 'Rage')])], {
      description: 'What people feel',
    }),
    refiCode('trust', 'Trust'),
    refiCode('themes', 'Themes', [refiCode('work', 'Work'), refiCode('joy2', 'Joy')], { isCodable: false }),
    refiCode('text', 'Text', [refiCode('quote', 'Quote')]),
    refiCode('codes-named', 'Codes', [refiCode('other', 'Other', [], { description: '  ' })]),
    refiCode('money', 'Money'),
  ];

  it('makes each top-level code with children a dimension and puts the others in "codes", with unique ids', () => {
    const { dimensions } = dimensionsFromCodes(codeTree(codes), new Set(), ['segment_id', 'text']);
    expect(dimensions.map(({ id, label, description }) => ({ id, label, description }))).toEqual([
      { id: 'emotions', label: 'Emotions', description: 'What people feel' },
      { id: 'themes', label: 'Themes', description: undefined },
      { id: 'text-2', label: 'Text', description: undefined },
      { id: 'codes', label: 'Codes', description: undefined },
      { id: 'codes-2', label: 'Codes', description: undefined },
    ]);
    expect(dimensions.map((dimension) => dimension.codes.map((code) => [code.id, code.parent ?? '']))).toEqual([
      [
        ['joy', ''],
        ['anger', ''],
        ['rage', 'anger'],
      ],
      [
        ['work', ''],
        ['joy-2', ''],
      ],
      [['quote', '']],
      [['other', '']],
      [
        ['trust', ''],
        ['money', ''],
      ],
    ]);
    expect(dimensions[3]!.codes[0]!.definition).toBeUndefined();
  });

  it("lists a dimension's own code first, without children, only when it was applied", () => {
    const { dimensions, places } = dimensionsFromCodes(codeTree(codes), new Set(['emotions', 'rage']), []);
    expect(dimensions[0]!.codes.map((code) => [code.id, code.label, code.parent ?? '', code.definition ?? ''])).toEqual([
      ['emotions', 'Emotions', '', 'What people feel'],
      ['joy', 'Joy', '', ''],
      ['anger', 'Anger', '', ''],
      ['rage', 'Rage', 'anger', ''],
    ]);
    expect(places.get('emotions')).toEqual({ dimension: 0, code: 'emotions', order: 0 });
    expect(places.get('rage')).toEqual({ dimension: 0, code: 'rage', order: 3 });
    expect(places.has('themes')).toBe(false);
  });

  it('writes a codebook.yaml the build accepts, quoting what YAML needs', () => {
    const tricky = [
      refiCode('q', 'Quotes: "yes", no', [refiCode('n', 'null'), refiCode('h', '#hash', [], { description: 'line one\nline two: "x"' })]),
    ];
    const { dimensions } = dimensionsFromCodes(codeTree(tricky), new Set(), []);
    const written: unknown = parse(codebookYaml(dimensions, 'a REFI-QDA codebook'));
    const checked = codebookSchema.safeParse(written);
    expect(checked.success).toBe(true);
    expect(checked.data?.dimensions[0]).toEqual({
      id: 'quotes-yes-no',
      label: 'Quotes: "yes", no',
      dataset: 'segments',
      column: 'quotes-yes-no',
      multiple: true,
      count: 'units',
      codes: [
        { id: 'null', label: 'null' },
        { id: 'hash', label: '#hash', definition: 'line one\nline two: "x"' },
      ],
    });
  });
});
