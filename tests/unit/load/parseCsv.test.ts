import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvResult } from '../../../src/sources/csv/parseCsv.ts';
import { formatProblem } from '../../../src/problems/problem.ts';

const file = 'data/posts.csv';
const lines = (result: CsvResult) => result.problems.map(formatProblem);
const rowLines = (result: CsvResult) => result.table?.rows.map((row) => row.line);

describe('parseCsv', () => {
  it('reads a header and rows with the line each row starts on', () => {
    const result = parseCsv('post_id,tone\nP1,positive\nP2,\n', file);
    expect(result).toEqual({
      table: {
        header: ['post_id', 'tone'],
        headerLine: 1,
        rows: [
          { line: 2, cells: ['P1', 'positive'] },
          { line: 3, cells: ['P2', ''] },
        ],
      },
      problems: [],
    });
  });

  it('reads a last row without a line end', () => {
    expect(rowLines(parseCsv('a,b\n1,2\n3,4', file))).toEqual([2, 3]);
  });

  it('reads RFC 4180 quoting: commas and doubled quotes inside a quoted field', () => {
    const result = parseCsv('a,b\n1,"one, two"\n2,"say ""hi"""\n3,""\n', file);
    expect(result.table?.rows.map((row) => row.cells[1])).toEqual(['one, two', 'say "hi"', '']);
    expect(result.problems).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as written', () => {
    expect(parseCsv('a,b\n1,5" screen\n', file).table?.rows[0]?.cells).toEqual(['1', '5" screen']);
  });

  it('ignores blank lines, keeping the line numbers of the rows after them', () => {
    const result = parseCsv('a,b\n\n1,2\n   \n\n3,4\n', file);
    expect(rowLines(result)).toEqual([3, 6]);
    expect(result.problems).toEqual([]);
  });

  it('reads CRLF line ends with the right line numbers', () => {
    const result = parseCsv('a,b\r\n1,2\r\n3\r\n4,5\r\n', file);
    expect(result.table?.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['4', '5'] },
    ]);
    expect(lines(result)).toEqual(['data/posts.csv:3: expected 2 fields as in the header; found 1']);
  });

  it('reads a file mixing CRLF and LF as separate rows, not merged ones', () => {
    const result = parseCsv('a,b\r\n1,2\n3,4\r\n5,6\n7\r\n', file);
    expect(result.table?.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
      { line: 4, cells: ['5', '6'] },
    ]);
    expect(lines(result)).toEqual(['data/posts.csv:5: expected 2 fields as in the header; found 1']);
  });

  it('reads old Mac CR line ends as line ends', () => {
    expect(rowLines(parseCsv('a,b\r1,2\r3,4\r', file))).toEqual([2, 3]);
  });

  it('keeps a quoted field spanning lines in one row, and later rows on their own lines', () => {
    const result = parseCsv('a,b\n1,"first line\nsecond line\nthird line"\n2,x\n3\n', file);
    expect(result.table?.rows).toEqual([
      { line: 2, cells: ['1', 'first line\nsecond line\nthird line'] },
      { line: 5, cells: ['2', 'x'] },
    ]);
    expect(lines(result)).toEqual(['data/posts.csv:6: expected 2 fields as in the header; found 1']);
  });

  it('keeps a CRLF line end inside a quoted field as one line end', () => {
    const result = parseCsv('a,b\r\n1,"x\r\ny"\r\n2,z\r\n', file);
    expect(result.table?.rows).toEqual([
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 4, cells: ['2', 'z'] },
    ]);
  });

  it('reports a row with too few or too many fields, and leaves it out', () => {
    const result = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n', file);
    expect(lines(result)).toEqual([
      'data/posts.csv:3: expected 3 fields as in the header; found 2',
      'data/posts.csv:4: expected 3 fields as in the header; found 4',
    ]);
    expect(rowLines(result)).toEqual([2, 5]);
  });

  it('reports an unterminated quote at the line where the quote opens', () => {
    const result = parseCsv('a,b\n1,x\n2,"never closed\n3,y\n4,z\n', file);
    expect(result.table).toBeUndefined();
    expect(lines(result)).toEqual([
      'data/posts.csv:3: expected a closing double quote for the quoted field that starts on this line; found the end of the file',
    ]);
  });

  it('points at the open quote, not at an earlier quoted field of the same row', () => {
    const result = parseCsv('a,b,c\n1,"two\nlines","open\n2,y,z\n', file);
    expect(lines(result)).toEqual([
      'data/posts.csv:3: expected a closing double quote for the quoted field that starts on this line; found the end of the file',
    ]);
  });

  it('points at an unterminated quote after a quoted field spanning lines', () => {
    const result = parseCsv('a,b\n1,"x\ny"\n2,z\n3,"open\n', file);
    expect(lines(result)).toEqual([
      'data/posts.csv:5: expected a closing double quote for the quoted field that starts on this line; found the end of the file',
    ]);
  });

  it('points at the open quote after a closed one followed by spaces', () => {
    const result = parseCsv('a,b,c\n1,"two\nlines"  ,"open\n2,y,z\n', file);
    expect(lines(result)).toEqual([
      'data/posts.csv:3: expected a closing double quote for the quoted field that starts on this line; found the end of the file',
    ]);
  });

  it('reports text after the closing quote of a field, and leaves the row out', () => {
    const result = parseCsv('a,b\n1,"5"" screen" wide"\n2,x\n', file);
    expect(lines(result)).toEqual([
      'data/posts.csv:2: expected a quoted field to end at its closing double quote (write "" for a quote inside a field); found more text after it',
    ]);
    expect(rowLines(result)).toEqual([3]);
  });

  it('reports a header naming a column twice', () => {
    const result = parseCsv('post_id,tone,tone\nP1,positive,negative\n', file);
    expect(lines(result)).toEqual(['data/posts.csv:1:tone: expected each column name once in the header; found "tone" twice']);
  });

  it('reports a column without a name', () => {
    expect(lines(parseCsv('post_id,,tone\nP1,x,positive\n', file))).toEqual([
      'data/posts.csv:1: expected a name for column 2 in the header; found an empty name',
    ]);
  });

  it('reports header problems in column order, before row problems', () => {
    expect(lines(parseCsv('a,,b,a\n1,2,3\n', file))).toEqual([
      'data/posts.csv:1: expected a name for column 2 in the header; found an empty name',
      'data/posts.csv:1:a: expected each column name once in the header; found "a" twice',
      'data/posts.csv:2: expected 4 fields as in the header; found 3',
    ]);
  });

  it('reads a header after blank lines on the line it is on', () => {
    const result = parseCsv('\n\na,a\n1,2\n', file);
    expect(result.table?.headerLine).toBe(3);
    expect(lines(result)).toEqual(['data/posts.csv:3:a: expected each column name once in the header; found "a" twice']);
  });

  it('reads a header-only file as a table without rows', () => {
    expect(parseCsv('post_id,tone\n', file)).toEqual({ table: { header: ['post_id', 'tone'], headerLine: 1, rows: [] }, problems: [] });
  });

  it('reports a file of blank lines as having no header', () => {
    expect(lines(parseCsv('\n\n  \n', file))).toEqual(['data/posts.csv: expected a header row; found only empty lines']);
  });
});
