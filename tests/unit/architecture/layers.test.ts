import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pipeline's rooms in the order data flows through them (docs/architecture.md). A file
 * may import from its own room and from rooms listed before it, never from a later one:
 * data flow one way, and each room can be understood without the rooms after it.
 */
const layers: readonly (readonly string[])[] = [
  ['problems', 'format', 'timing'],
  ['schemas'],
  ['model'],
  ['load'],
  ['sources'],
  ['import'],
  ['analyse'],
  ['charts'],
  ['releases'],
  ['cite'],
  ['chapters'],
  ['render'],
  ['components', 'layouts', 'styles', 'middleware.ts'],
  ['pages', 'content.config.ts', 'env.d.ts'],
  ['build'],
  ['integrations'],
  ['cli'],
];

const src = resolve(import.meta.dirname, '../../../src');

function rankOf(room: string): number {
  const rank = layers.findIndex((rooms) => rooms.includes(room));
  if (rank === -1) throw new Error(`src/${room} is in no layer: add it to the list in this test and to docs/architecture.md`);
  return rank;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|astro|mjs|js)$/.test(name))
    .map((name) => join(folder, name));
}

/** Every module a file names: static imports and re-exports, side-effect imports and dynamic imports. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

const roomOf = (file: string) => relative(src, file).split(sep)[0]!;

describe('the pipeline runs one way', () => {
  const edges = sourceFiles(src).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((target) => target.startsWith('.'))
      .map((target) => ({ file: relative(src, file), from: roomOf(file), to: roomOf(resolve(dirname(file), target)), target })),
  );

  it('finds the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((edge) => edge.from === 'pages' && edge.to === 'render')).toBe(true);
  });

  it('has no import from a later room', () => {
    const backwards = edges
      .filter((edge) => edge.to !== edge.from && rankOf(edge.to) > rankOf(edge.from))
      .map((edge) => `src/${edge.file} imports ${edge.target} (${edge.from} may not import ${edge.to})`);
    expect(backwards).toEqual([]);
  });

  it('reads the report only in pages and the middleware: render helpers and components are handed it', () => {
    const readers = sourceFiles(src)
      .filter((file) => importsOf(readFileSync(file, 'utf8')).includes('virtual:qualpress/report'))
      .map((file) => relative(src, file).split(sep).join('/'));
    expect(readers).toContain('middleware.ts');
    expect(readers.filter((file) => !file.startsWith('pages/') && file !== 'middleware.ts')).toEqual([]);
  });
});

describe('importsOf', () => {
  it('reads static, side-effect, re-export and dynamic imports', () => {
    const text =
      "import a from './a.ts';\nimport type { B } from \"../b.ts\";\nimport './c.css';\nexport { d } from './d.ts';\nconst e = await import('./e.ts');\nimport {\n  f,\n} from './f.ts';";
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './d.ts', './f.ts', './c.css', './e.ts']);
  });
});
