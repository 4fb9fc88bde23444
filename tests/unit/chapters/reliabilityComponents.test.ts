import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartStudy, loadCharts, removeChartFixtures, reportProblems, writeChartStudy } from '../../helpers/chartFixture.ts';
import { edit } from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

// The chart study's posts coded twice on tone only; its notes have no reliability file.
const parts = {
  study: edit(chartStudy, '    exclude: excluded\n', '    exclude: excluded\n    reliability: coders.csv\n'),
  extra: { 'coders.csv': 'post_id,coder,tone\nP01,c1,positive\nP01,c2,negative\nP03,c1,negative\nP03,c2,negative\n' },
};

function withChapter(mdx: string, name = 'methods.mdx', studyParts: object = parts) {
  const dirs = writeChartStudy(studyParts);
  mkdirSync(join(dirs.contentDir, 'chapters'));
  writeFileSync(join(dirs.contentDir, 'chapters', name), mdx);
  return dirs;
}

describe('<Reliability> and <ReliabilityTable> in chapters', () => {
  it('refuse a dimension without reliability data and an unknown one, at the MDX file and line', () => {
    const dirs = withChapter(
      '---\ntitle: Methods\norder: 2\n---\n\n<Reliability dimension="tone" />\n\n<Reliability dimension="theme" />\n\n<Reliability dimension="stance" />\n\n<Reliability dimension="tones" />\n\n<ReliabilityTable dataset="notes" />\n',
    );
    const file = join(dirs.contentDir, 'chapters', 'methods.mdx');
    expect(reportProblems(dirs)).toEqual([
      `${file}:8:Reliability.dimension: expected a dimension with each coder's own codes (tone); found "theme", whose column the reliability file of dataset posts does not give`,
      `${file}:10:Reliability.dimension: expected a dimension with each coder's own codes (tone); found "stance", whose dataset notes has no reliability file (datasets.notes.reliability in study.yaml)`,
      `${file}:12:Reliability.dimension: expected a dimension id from codebook.yaml (theme, tone, stance); found "tones" (did you mean "tone"?)`,
      `${file}:14:ReliabilityTable.dataset: expected a dataset with a reliability file (posts); found "notes"`,
    ]);
  });

  it('refuse a table in a study without reliability data', () => {
    const dirs = withChapter('---\ntitle: Codebook\norder: 100\n---\n\n<ReliabilityTable />\n', 'codebook.mdx', {});
    expect(reportProblems(dirs)).toEqual([
      `${join(dirs.contentDir, 'chapters', 'codebook.mdx')}:6:ReliabilityTable: expected a study with each coder's own codes for some dataset (datasets.<id>.reliability in study.yaml); found none`,
    ]);
  });

  it('get a generated codebook appendix with the table when the study writes none, and none when it places the table itself', () => {
    const generated = loadCharts(writeChartStudy(parts));
    const appendix = findOne(generated.chapters, (chapter) => chapter.id === 'codebook', 'the codebook appendix');
    expect(appendix).toMatchObject({ title: 'Appendix: Codebook', generated: true, order: 100 });
    const dirs = withChapter('---\ntitle: Agreement\norder: 110\n---\n\n<ReliabilityTable />\n', 'agreement.mdx');
    expect(loadCharts(dirs).chapters.map((chapter) => chapter.id)).not.toContain('codebook');
    expect(loadCharts(writeChartStudy({})).chapters.map((chapter) => chapter.id)).not.toContain('codebook');
  });
});
