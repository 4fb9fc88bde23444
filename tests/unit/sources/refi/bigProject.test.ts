import { describe, expect, it } from 'vitest';
import { readRefiBytes } from '../../../../src/sources/refi/readRefiFile.ts';
import { bigProject } from '../../../helpers/refiFixtures.ts';

describe('bigProject', () => {
  it('reads without problems: every selection within its text and coded by one of two coders', () => {
    const { project, problems } = readRefiBytes(bigProject({ codings: 3000, sourceBytes: 300_000 }), 'big.qdpx');
    expect(problems).toEqual([]);
    const selections =
      project?.sources.flatMap((source) =>
        source.selections.map((selection) => ({ selection, length: Array.from(source.text ?? '').length })),
      ) ?? [];
    expect(selections).toHaveLength(3000);
    expect(
      selections.every(({ selection, length }) => selection.start >= 0 && selection.start < selection.end && selection.end <= length),
    ).toBe(true);
    expect(new Set(selections.flatMap(({ selection }) => selection.codings.map((coding) => coding.coderGuid)))).toEqual(
      new Set(project?.users.map((user) => user.guid)),
    );
    expect(project?.users).toHaveLength(2);
  });

  it('is the same every run', () => {
    expect(bigProject({ codings: 200, sourceBytes: 20_000 })).toEqual(bigProject({ codings: 200, sourceBytes: 20_000 }));
  });
});
