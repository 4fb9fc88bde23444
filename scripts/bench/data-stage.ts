// The data stage alone: read, validate and analyse a study package, as the build's first
// steps do, with its times and peak memory. For profiling (node --cpu-prof) and for checking
// that a change to the data stage keeps the report the same.
//
//   node scripts/bench/data-stage.ts DATA_DIR [--report FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyseStudy } from '../../src/analyse/analyseStudy.ts';
import { loadStudy } from '../../src/load/loadStudy.ts';
import { csvSource } from '../../src/sources/csv/csvSource.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' } } });
const dataDir = positionals[0];
if (dataDir === undefined) throw new Error('usage: node scripts/bench/data-stage.ts DATA_DIR [--report FILE]');
const started = performance.now();
const loaded = loadStudy(csvSource(dataDir));
const read = performance.now();
if (!loaded.ok) {
  console.error(loaded.problems.slice(0, 20));
  process.exit(1);
}
const report = analyseStudy(loaded.study);
const analysed = performance.now();
if (values.report) writeFileSync(values.report, JSON.stringify(report));
console.log(
  JSON.stringify({
    readValidateMs: Math.round(read - started),
    analyseMs: Math.round(analysed - read),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
