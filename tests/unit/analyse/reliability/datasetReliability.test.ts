import { afterAll, describe, expect, it } from 'vitest';
import { analyseReliability } from '../../../../src/analyse/reliability/datasetReliability.ts';
import { bootstrapAlpha } from '../../../../src/analyse/reliability/bootstrapAlpha.ts';
import { cohenKappa } from '../../../../src/analyse/reliability/cohenKappa.ts';
import { fleissKappa } from '../../../../src/analyse/reliability/fleissKappa.ts';
import { krippendorffAlpha } from '../../../../src/analyse/reliability/krippendorffAlpha.ts';
import { percentAgreement } from '../../../../src/analyse/reliability/percentAgreement.ts';
import type { Coding } from '../../../../src/analyse/reliability/reliabilityData.ts';
import type { Study } from '../../../../src/model/study.ts';
import { fixtureParticipants, loadFixture, removeStudyFixtures, writeStudyFixture } from '../../../helpers/studyFixture.ts';
import { findOne } from '../../../helpers/findOne.ts';
import { codingsFromRows, krippendorff2011 } from './reliabilityTables.ts';

afterAll(removeStudyFixtures);

// A study whose one dataset holds the 12 units of Krippendorff's (2011) table, coded "v1" to "v5"
// (codes must be identifiers), plus a 13th unit that is excluded. Its reliability file is the
// table itself, one row per unit and coder, so the build's figures can be checked against the
// statistics' own tested functions and the published alpha.
const study = `id: agreement-study
title: Agreement
version: 1.0.0
date: 2024-06-01
license: CC-BY-4.0
url: https://example.org/agreement/
authors:
  - { family: Tester, given: Pat }
abstract: A study to test agreement between coders.
participants: { file: participants.csv, key: member_id, attributes: [{ column: cohort, label: Cohort }] }
datasets:
  items:
    file: items.csv
    unit: [item, items]
    key: item_id
    participant: member_id
    exclude: excluded
    reliability: coders.csv
`;

const codebook = `dimensions:
  - id: value
    label: Value
    dataset: items
    column: value
    codes: [{ id: v1, label: One }, { id: v2, label: Two }, { id: v3, label: Three }, { id: v4, label: Four }, { id: v5, label: Five }]
  - id: tags
    label: Tags
    dataset: items
    column: tags
    multiple: true
    codes: [{ id: red, label: Red }, { id: blue, label: Blue }]
`;

const units = Array.from({ length: 12 }, (_, index) => `I${index + 1}`);
const items = `item_id,member_id,value,tags,excluded\n${units.map((unit) => `${unit},M01,v1,red,`).join('\n')}\nI13,M02,v1,red,spam\n`;

/** A reliability file holding these codings as `value`, coders A, B, ... as ids a, b, ... */
function coderFile(codings: readonly Coding[], extra = ''): string {
  const rows = [...codings]
    .sort((x, y) => Number(x.unit) - Number(y.unit))
    .map((coding) => `I${coding.unit},${coding.coder.toLowerCase()},${coding.value === undefined ? '' : `v${String(coding.value)}`},`);
  return `item_id,coder,value,tags\n${rows.join('\n')}\n${extra}`;
}

function studyWith(coders: string, studyYaml = study): Study {
  const result = loadFixture(
    writeStudyFixture({
      study: studyYaml,
      codebook,
      participants: fixtureParticipants,
      posts: null,
      notes: null,
      extra: { 'items.csv': items, 'coders.csv': coders },
    }),
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.study;
}

/** The codings in the order the file lists them (by unit), as the analysis reads them. */
const byUnit = (codings: readonly Coding[]) => [...codings].sort((x, y) => Number(x.unit) - Number(y.unit));

describe('analyseReliability', () => {
  it("reproduces Krippendorff (2011): alpha 0.743 over 11 units and 40 pairable values, four coders, no Cohen's or Fleiss' kappa", () => {
    const [items] = analyseReliability(studyWith(coderFile(krippendorff2011)));
    const value = findOne(items!.dimensions, (figures) => figures.dimension === 'value', 'dimension value');
    expect(value.alpha).toBeCloseTo(0.743421, 6);
    expect(value.alpha).toBe(krippendorffAlpha(krippendorff2011).alpha);
    expect(value).toMatchObject({ units: 11, coders: 4, pairableValues: 40, cohenKappa: null, fleissKappa: null });
    expect(value.percentAgreement).toBe(percentAgreement(krippendorff2011).agreement);
    const interval = bootstrapAlpha(byUnit(krippendorff2011));
    expect(value.interval).toEqual({ low: interval!.low, high: interval!.high });
    expect(items).toMatchObject({ dataset: 'items', units: 12, of: 12, participants: 1, bootstrap: { resamples: 1000, level: 0.95 } });
  });

  it("gives Cohen's kappa for exactly two coders and Fleiss' kappa when every unit has two values", () => {
    const two = codingsFromRows(['1 2 3 3 2 1 4 1 2 1 1 3', '1 2 3 3 2 2 4 1 2 5 1 3']);
    const [items] = analyseReliability(studyWith(coderFile(two)));
    const value = findOne(items!.dimensions, (figures) => figures.dimension === 'value', 'dimension value');
    expect(value.cohenKappa).toBe(cohenKappa(two, ['A', 'B']).kappa);
    expect(value.fleissKappa).toBe(fleissKappa(two)!.kappa);
    expect(value.alpha).toBe(krippendorffAlpha(two).alpha);
    // 10 of 12 units agree.
    expect(value.percentAgreement).toBeCloseTo(10 / 12, 12);
  });

  it('leaves out codings of excluded units, and is the same on every run (seeded bootstrap)', () => {
    const two = codingsFromRows(['1 2 3 3 2 1 4 1 2 1 1 3', '1 2 3 3 2 2 4 1 2 5 1 3']);
    const withExcluded = coderFile(two, 'I13,a,v1,\nI13,b,v2,\n');
    const [once] = analyseReliability(studyWith(withExcluded));
    const [again] = analyseReliability(studyWith(withExcluded));
    const [without] = analyseReliability(studyWith(coderFile(two)));
    expect(once).toEqual(again);
    expect(once!.dimensions).toEqual(without!.dimensions);
    expect(once!.units).toBe(12);
  });

  it('gives alpha per code on presence or absence for each code, and names coders A, B unless study.yaml names them', () => {
    const coders = 'item_id,coder,tags\nI1,x,red\nI1,y,red\nI2,x,red;blue\nI2,y,blue\nI3,x,blue\nI3,y,blue\nI4,x,\nI4,y,red\n';
    const [items] = analyseReliability(studyWith(coders));
    expect(items!.coders).toEqual([
      { id: 'x', name: 'Coder A' },
      { id: 'y', name: 'Coder B' },
    ]);
    const tags = findOne(items!.dimensions, (figures) => figures.dimension === 'tags', 'dimension tags');
    // Red: present/present, present/absent, absent/absent (I4 is missing for x): alpha on presence.
    const red = [
      { unit: '1', coder: 'x', value: 'present' },
      { unit: '1', coder: 'y', value: 'present' },
      { unit: '2', coder: 'x', value: 'present' },
      { unit: '2', coder: 'y', value: 'absent' },
      { unit: '3', coder: 'x', value: 'absent' },
      { unit: '3', coder: 'y', value: 'absent' },
      { unit: '4', coder: 'y', value: 'present' },
    ];
    expect(findOne(tags.codes, (code) => code.code === 'red', 'code red').alpha).toBe(krippendorffAlpha(red).alpha);
    expect(tags.codes.map((code) => code.code)).toEqual(['red', 'blue']);
    const [named] = analyseReliability(studyWith(coders, `${study}coders:\n  y: Sam Example\n`));
    expect(named!.coders).toEqual([
      { id: 'x', name: 'Coder A' },
      { id: 'y', name: 'Sam Example' },
    ]);
  });
});

describe('character agreement for datasets of spans', () => {
  // Notes are spans: N1 0-40, N2 40-60, N3 60-100 of S1 (100 characters), N4 of S2 (no coder
  // read it), N5 0-30 of S3 (30 characters). Coder a: N1 agree, N2 agree, N3 disagree, N5
  // disagree; coder b: N1 agree, N2 disagree, N3 disagree, N5 disagree.
  const spansStudy = `${study.replace(/datasets:[\s\S]*$/, '')}datasets:
  notes:
    file: notes.csv
    unit: [note, notes]
    key: note_id
    participant: member_id
    reliability: coders.csv
    spans: { source: source, start: start, end: end, lengths: sources.csv }
`;
  const spansCodebook = `dimensions:
  - id: stance
    label: Stance
    dataset: notes
    column: stance
    codes: [{ id: agree, label: Agrees }, { id: disagree, label: Disagrees }]
`;
  const notes = `note_id,member_id,stance,source,start,end
N1,M01,agree,S1,0,40
N2,M01,agree,S1,40,60
N3,M02,disagree,S1,60,100
N4,M02,agree,S2,0,50
N5,M03,disagree,S3,0,30
`;
  const coders =
    'note_id,coder,stance\nN1,a,agree\nN1,b,agree\nN2,a,agree\nN2,b,disagree\nN3,a,disagree\nN3,b,disagree\nN5,a,disagree\nN5,b,disagree\n';
  const result = () => {
    const loaded = loadFixture(
      writeStudyFixture({
        study: spansStudy,
        codebook: spansCodebook,
        participants: fixtureParticipants,
        posts: null,
        notes,
        extra: { 'coders.csv': coders, 'sources.csv': 'source,characters\nS1,100\nS2,50\nS3,30\n' },
      }),
    );
    if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
    return analyseReliability(loaded.study)[0]!;
  };

  it('compares the characters each coder coded at each code, per source and pooled over the sources coders read', () => {
    const agree = result().characters!.filter((row) => row.code === 'agree');
    // S1: a coded 0-60, b 0-40: both 40, a only 20, neither 40; p_o = .8, p_e = .6 × .4 + .4 × .6 = .48.
    // S3: neither coder used "agree", so it adds its 30 characters to "neither" in the pooled row only. S2 takes no part.
    expect(agree.map(({ kappa: _kappa, ...row }) => row)).toEqual([
      {
        dimension: 'stance',
        code: 'agree',
        pair: ['Coder A', 'Coder B'],
        source: null,
        characters: 130,
        both: 40,
        firstOnly: 20,
        secondOnly: 0,
        neither: 70,
        agreement: 110 / 130,
      },
      {
        dimension: 'stance',
        code: 'agree',
        pair: ['Coder A', 'Coder B'],
        source: 'S1',
        characters: 100,
        both: 40,
        firstOnly: 20,
        secondOnly: 0,
        neither: 40,
        agreement: 0.8,
      },
    ]);
    expect(agree[1]!.kappa).toBeCloseTo((0.8 - 0.48) / (1 - 0.48), 12);
    // Pooled: p_e = (60/130)(40/130) + (70/130)(90/130).
    const chance = (60 / 130) * (40 / 130) + (70 / 130) * (90 / 130);
    expect(agree[0]!.kappa).toBeCloseTo((110 / 130 - chance) / (1 - chance), 12);
  });
});
