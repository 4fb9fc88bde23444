// The data stage's anchor: DuckDB loads a study's CSV files with read_csv and computes the
// counts qualpress's analysis computes, timed in this process (without Node's start-up).
//
//   node scripts/bench/duckdb-anchor.ts DATA_DIR     prints {"ms": …, "queries": …} on stdout
//
// It runs in its own process so the bench stays synchronous and DuckDB's memory is never
// counted with a build's. The SQL does the same work as analyse/: every dimension's codes
// split at ";" (multiple: true), trimmed, counted under every ancestor too (nested codes),
// each unit (or participant, for `count: participants`) once per code; per code, per
// participant, per day and per participant attribute value; and per dataset the units per
// participant, per day and the excluded rows per reason.
import { DuckDBInstance } from '@duckdb/node-api';
import { studyFiles } from '../../src/load/studyFiles.ts';
import type { Problem } from '../../src/problems/problem.ts';
import { readOutline } from '../../src/sources/csv/readOutline.ts';
import { join } from 'node:path';

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The statements, in order: loading each file, then every count. Built from study.yaml and codebook.yaml. */
export function anchorStatements(dataDir: string): string[] {
  const problems: Problem[] = [];
  const definition = readOutline(studyFiles(dataDir), problems);
  if (!definition) throw new Error(`cannot read the outline of ${dataDir}: ${problems.map((problem) => problem.message).join('; ')}`);
  const { config, outline } = definition;
  const csv = (file: string) => `read_csv(${sqlString(join(dataDir, file))}, header = true, all_varchar = true, quote = '"', escape = '"')`;
  const statements = [`CREATE TABLE participants AS SELECT * FROM ${csv(config.participants.file)}`];
  const participantKey = sqlName(config.participants.key);
  // Participants per attribute value.
  for (const attribute of outline.attributes) statements.push(`SELECT ${sqlName(attribute.column)}, count(*) FROM participants GROUP BY 1`);

  const ancestry = outline.dimensions.flatMap((dimension) => {
    const parentOf = new Map(dimension.codes.map((code) => [code.id, code.parent] as const));
    return dimension.codes.flatMap((code) => {
      const chain = [code.id];
      for (let parent = code.parent; parent !== undefined; parent = parentOf.get(parent)) chain.push(parent);
      return chain.map((ancestor) => `(${sqlString(dimension.id)}, ${sqlString(code.id)}, ${sqlString(ancestor)})`);
    });
  });
  statements.push(`CREATE TABLE ancestry AS SELECT * FROM (VALUES ${ancestry.join(', ')}) AS a(dimension, code, ancestor)`);

  for (const [id, dataset] of Object.entries(config.datasets)) {
    const table = sqlName(`data_${id}`);
    const units = sqlName(`units_${id}`);
    const dimensions = outline.dimensions.filter((candidate) => candidate.dataset === id);
    // Every column is loaded, the texts too, as qualpress reads them; the units' trimmed
    // participant, day and code cells are then derived once, as qualpress derives them once.
    statements.push(`CREATE TABLE ${table} AS SELECT * FROM ${csv(dataset.file)}`);
    const used = dataset.exclude ? `coalesce(trim(${sqlName(dataset.exclude)}), '') = ''` : 'true';
    if (dataset.exclude)
      statements.push(`SELECT trim(${sqlName(dataset.exclude)}) AS reason, count(*) FROM ${table} WHERE NOT (${used}) GROUP BY 1`);
    const day = dataset.date ? `left(trim(${sqlName(dataset.date)}), 10)` : 'NULL';
    const cells = dimensions.map((dimension) => `, coalesce(trim(${sqlName(dimension.column)}), '') AS ${sqlName(`cell_${dimension.id}`)}`);
    statements.push(
      `CREATE TABLE ${units} AS SELECT rowid AS unit, trim(${sqlName(dataset.participant)}) AS participant, ${day} AS day${cells.join('')} FROM ${table} WHERE ${used}`,
    );
    statements.push(`SELECT participant, count(*) FROM ${units} GROUP BY 1`);
    if (dataset.date) statements.push(`SELECT day, count(*) FROM ${units} GROUP BY 1`);

    for (const dimension of dimensions) {
      const cell = sqlName(`cell_${dimension.id}`);
      const counted = sqlName(`counted_${dimension.id}`);
      const written = dimension.multiple ? `trim(unnest(string_split(${cell}, ';')))` : cell;
      // One row per unit and counted code (written or an ancestor of one written), each once:
      // only a multiple-code cell can give a unit one code twice (two children of one parent).
      statements.push(
        `CREATE TEMP TABLE ${counted} AS SELECT ${dimension.multiple ? 'DISTINCT ' : ''}s.unit, s.participant, s.day, a.ancestor AS code FROM ` +
          `(SELECT unit, participant, day, ${written} AS written FROM ${units} WHERE ${cell} <> '') s ` +
          `JOIN ancestry a ON a.dimension = ${sqlString(dimension.id)} AND a.code = s.written WHERE s.written <> ''`,
      );
      const n = dimension.count === 'participants' ? 'count(DISTINCT participant)' : 'count(*)';
      const coded = `(SELECT participant, day FROM ${units} WHERE ${cell} <> '')`;
      // Denominators: coded units overall, per participant and per day.
      statements.push(`SELECT ${n} FROM ${coded}`);
      statements.push(`SELECT participant, count(*) FROM ${coded} GROUP BY 1`);
      if (dataset.date) statements.push(`SELECT day, count(*) FROM ${coded} GROUP BY 1`);
      // Per code, per participant and code, per day and code.
      statements.push(`SELECT code, ${n} FROM ${counted} GROUP BY 1`);
      statements.push(`SELECT participant, code, count(*) FROM ${counted} GROUP BY 1, 2`);
      if (dataset.date) statements.push(`SELECT day, code, count(*) FROM ${counted} GROUP BY 1, 2`);
      // Per participant attribute value and code, with each value's denominator.
      for (const attribute of outline.attributes) {
        const value = `p.${sqlName(attribute.column)}`;
        const joined = (from: string) => `${from} c JOIN participants p ON p.${participantKey} = c.participant`;
        statements.push(`SELECT ${value}, c.code, ${n} FROM ${joined(counted)} GROUP BY 1, 2`);
        statements.push(`SELECT ${value}, ${n} FROM ${joined(coded)} GROUP BY 1`);
      }
    }
  }
  return statements;
}

async function main(dataDir: string): Promise<void> {
  const statements = anchorStatements(dataDir);
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let rows = 0;
  for (const statement of statements) rows += (await connection.runAndReadAll(statement)).getRows().length;
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({ ms, queries: statements.length, rows }));
}

if (import.meta.main) {
  const dataDir = process.argv[2];
  if (dataDir === undefined) {
    console.error('usage: node scripts/bench/duckdb-anchor.ts DATA_DIR');
    process.exitCode = 2;
  } else {
    main(dataDir).catch((error: unknown) => {
      console.error(`duckdb-anchor: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  }
}
