/**
 * REFI-QDA projects made at run time, each in the style of the software that exports it, so
 * the reader and the import are tested on the shapes vendors really write (NVivo's UTF-16
 * offsets and repeated selections, ATLAS.ti's braces and pseudo-user, MAXQDA's relative
 * paths and skipped media, QualCoder's codebook namespace and inline text). All texts and
 * names are synthetic.
 */
import { strToU8, zipSync } from 'fflate';

export type GuidKind = 'project' | 'user' | 'code' | 'variable' | 'case' | 'source' | 'selection' | 'coding';

/**
 * The GUID a recipe gives a thing, lower case without braces as the reader returns it
 * (vendors' styles change only how it is written). Deterministic: FNV-1a over the key.
 */
export function refiGuid(kind: GuidKind, key: string): string {
  let hex = '';
  for (let seed = 0; seed < 4; seed++) {
    let hash = 0x811c9dc5 ^ seed;
    for (const char of `${kind}:${key}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface RecipeCode {
  readonly name: string;
  /** How codings name the code; the name by default. */
  readonly key?: string;
  readonly isCodable?: boolean;
  readonly description?: string;
  readonly children?: readonly RecipeCode[];
}

export interface RecipeCoding {
  /** A code's key. */
  readonly code: string;
  /** A user's name; the selection's coder when absent. */
  readonly coder?: string;
}

export interface RecipeSelection {
  /** The exact text selected (written with `\n`, turned into the source's line ends). */
  readonly quote: string;
  /** Which occurrence of the quote, from 0. */
  readonly occurrence?: number;
  /** `PlainTextSelection@creatingUser`, a user's name. */
  readonly coder?: string;
  readonly codings: readonly RecipeCoding[];
}

export interface RecipeSource {
  readonly name: string;
  /** Written with `\n`; the style decides the line ends and byte-order mark. */
  readonly text: string;
  /** `plainTextPath` as the vendor writes it; by default from the style. */
  readonly plainTextPath?: string;
  /** Where the file is stored in the zip, under the sources folder; by default the path's file name. */
  readonly storedAs?: string;
  readonly selections: readonly RecipeSelection[];
}

/** A PDF, picture, audio or video source: written with a coded selection, to be skipped. */
export interface RecipeMediaSource {
  readonly kind: 'PDFSource' | 'PictureSource' | 'AudioSource' | 'VideoSource';
  readonly name: string;
  readonly file: string;
  readonly code: string;
}

export interface RecipeCase {
  readonly name: string;
  readonly sources: readonly string[];
  /** Variable name -> value as written. */
  readonly values: Readonly<Record<string, string>>;
}

export interface RecipeStyle {
  readonly origin: string;
  readonly qdeName: string;
  readonly sourcesFolder: 'sources' | 'Sources';
  readonly guids: 'lower' | 'upper' | 'braced-upper';
  readonly offsets: 'code-points' | 'utf16-code-units';
  readonly bom: boolean;
  readonly lineEnd: '\n' | '\r\n';
  /** NVivo writes one selection per coding; ATLAS.ti groups a span's codings in one. */
  readonly selections: 'one-per-coding' | 'grouped';
  /** `internal://<guid>.txt`, `internal://<name>.txt`, or inline `PlainTextContent`. */
  readonly paths: 'internal-guid' | 'internal-name' | 'inline';
  /** ATLAS.ti lists itself as a user. */
  readonly pseudoUser?: string;
}

export interface RefiRecipe {
  readonly name: string;
  readonly style: RecipeStyle;
  readonly users: readonly string[];
  readonly codes: readonly RecipeCode[];
  readonly variables?: readonly { readonly name: string; readonly type: string }[];
  readonly cases?: readonly RecipeCase[];
  readonly sources: readonly RecipeSource[];
  readonly media?: readonly RecipeMediaSource[];
}

/** An NVivo 14 export: UTF-16 offsets, BOM, CRLF, emoji, one selection per coding, cases with variables. */
export const nvivoRecipe: RefiRecipe = {
  name: 'Tea study (synthetic)',
  style: {
    origin: 'NVivo 14',
    qdeName: 'project.qde',
    sourcesFolder: 'sources',
    guids: 'lower',
    offsets: 'utf16-code-units',
    bom: true,
    lineEnd: '\r\n',
    selections: 'one-per-coding',
    paths: 'internal-guid',
  },
  users: ['Coder A', 'Coder B'],
  codes: [
    { name: 'Drinks', isCodable: false, description: 'What participants drink', children: [{ name: 'Tea' }, { name: 'Coffee' }] },
    { name: 'Feelings', description: 'Moods named' },
  ],
  variables: [
    { name: 'Role', type: 'Text' },
    { name: 'Country', type: 'Text' },
  ],
  cases: [
    { name: 'P01', sources: ['Interview P01'], values: { Role: 'Teacher', Country: 'Atlantis' } },
    { name: 'P02', sources: ['Interview P02'], values: { Role: 'Student', Country: 'Lemuria' } },
  ],
  sources: [
    {
      name: 'Interview P01',
      text: 'Q: What do you drink? 🙂\nA: Green tea 🍵 every morning.\nI feel calm 😌 then.\n',
      selections: [
        { quote: 'Green tea 🍵 every morning', coder: 'Coder A', codings: [{ code: 'Tea' }, { code: 'Feelings', coder: 'Coder B' }] },
        { quote: 'I feel calm 😌', coder: 'Coder A', codings: [{ code: 'Feelings', coder: 'Coder B' }] },
      ],
    },
    {
      name: 'Interview P02',
      text: 'Coffee ☕ first,\nthen more coffee.\n',
      selections: [{ quote: 'Coffee ☕ first,\nthen more coffee', coder: 'Coder B', codings: [{ code: 'Coffee' }] }],
    },
  ],
};

/** An ATLAS.ti Windows 23 export: braced upper-case GUIDs, Project.qde, Sources/, grouped codings, its pseudo-user. */
export const atlasRecipe: RefiRecipe = {
  name: 'Garden study (synthetic)',
  style: {
    origin: 'ATLAS.ti Windows 23',
    qdeName: 'Project.qde',
    sourcesFolder: 'Sources',
    guids: 'braced-upper',
    offsets: 'code-points',
    bom: false,
    lineEnd: '\n',
    selections: 'grouped',
    paths: 'internal-name',
    pseudoUser: 'ATLAS.ti',
  },
  users: ['Analyst One'],
  codes: [{ name: 'Plants::Roses' }, { name: 'Plants::Weeds' }, { name: 'Weather' }],
  sources: [
    {
      name: 'Diary 1',
      text: 'Roses 🌹 bloomed after rain 🌧 today.\nWeeds too.',
      selections: [
        { quote: 'Roses 🌹 bloomed after rain 🌧', coder: 'Analyst One', codings: [{ code: 'Plants::Roses' }, { code: 'Weather', coder: 'ATLAS.ti' }] },
        { quote: 'Weeds too', coder: 'ATLAS.ti', codings: [{ code: 'Plants::Weeds', coder: 'ATLAS.ti' }] },
      ],
    },
  ],
};

/** A MAXQDA 2022 export: upper-case GUIDs, nested codes, relative paths, a PDF and an audio source, no cases. */
export const maxqdaRecipe: RefiRecipe = {
  name: 'Commute study (synthetic)',
  style: {
    origin: 'MAXQDA 2022',
    qdeName: 'project.qde',
    sourcesFolder: 'sources',
    guids: 'upper',
    offsets: 'code-points',
    bom: false,
    lineEnd: '\n',
    selections: 'grouped',
    paths: 'internal-name',
  },
  users: ['Reader X', 'Reader Y'],
  codes: [
    {
      name: 'Transport',
      children: [
        { name: 'Bike', children: [{ name: 'Other', key: 'Bike/Other' }] },
        { name: 'Bus', isCodable: true },
      ],
    },
    { name: 'Other', key: 'Other' },
  ],
  sources: [
    {
      name: 'B01',
      text: 'I bike to work.\nSometimes the bus.',
      plainTextPath: 'relative://Interviews/B01.txt',
      storedAs: 'Interviews/B01.txt',
      selections: [
        { quote: 'I bike to work.', coder: 'Reader X', codings: [{ code: 'Bike' }] },
        { quote: 'the bus', coder: 'Reader Y', codings: [{ code: 'Bus' }, { code: 'Bike/Other' }] },
      ],
    },
    {
      name: 'B02',
      text: 'Walking, mostly.',
      plainTextPath: 'relative://../Exports/Interviews/B02.txt',
      storedAs: 'B02.txt',
      selections: [{ quote: 'Walking', coder: 'Reader X', codings: [{ code: 'Other' }] }],
    },
  ],
  media: [
    { kind: 'PDFSource', name: 'Timetable', file: 'Timetable.pdf', code: 'Bus' },
    { kind: 'AudioSource', name: 'B03 recording', file: 'B03.m4a', code: 'Bike' },
  ],
};

/** A QualCoder project named Trial.qde, its texts inline. */
export const qualcoderRecipe: RefiRecipe = {
  name: 'Trial',
  style: {
    origin: 'QualCoder 3.5',
    qdeName: 'Trial.qde',
    sourcesFolder: 'sources',
    guids: 'lower',
    offsets: 'code-points',
    bom: false,
    lineEnd: '\n',
    selections: 'grouped',
    paths: 'inline',
  },
  users: ['default'],
  codes: [{ name: 'Noise', description: 'Sounds <loud> & "soft"' }, { name: 'Quiet' }],
  sources: [
    {
      name: 'Note 1',
      text: 'Traffic & sirens at night.\nQuiet mornings.',
      selections: [
        { quote: 'Traffic & sirens', coder: 'default', codings: [{ code: 'Noise' }] },
        { quote: 'Quiet mornings', coder: 'default', codings: [{ code: 'Quiet' }] },
      ],
    },
  ],
};

/** The vendor's way of writing a GUID. */
function written(guid: string, style: RecipeStyle): string {
  if (style.guids === 'lower') return guid;
  if (style.guids === 'upper') return guid.toUpperCase();
  return `{${guid.toUpperCase()}}`;
}

function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\n', '&#10;');
}

/** Element text: line feeds stay literal, carriage returns survive XML's line-end normalisation as `&#13;`. */
function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;');
}

function attributes(values: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

/** A source's text as stored: the style's line ends (the BOM is added to the file only). */
export function storedText(source: RecipeSource, style: RecipeStyle): string {
  return source.text.replaceAll('\n', style.lineEnd);
}

/** Where a quote lies in a text, in the style's offset unit, found by hand from UTF-16 indices. */
function span(text: string, selection: RecipeSelection, style: RecipeStyle): { start: number; end: number } {
  const quote = selection.quote.replaceAll('\n', style.lineEnd);
  let index = -1;
  for (let seen = 0; seen <= (selection.occurrence ?? 0); seen++) {
    index = text.indexOf(quote, index + 1);
    if (index === -1) throw new Error(`recipe: ${JSON.stringify(selection.quote)} is not in the text`);
  }
  if (style.offsets === 'utf16-code-units') return { start: index, end: index + quote.length };
  const start = [...text.slice(0, index)].length;
  return { start, end: start + [...quote].length };
}

function allCodes(codes: readonly RecipeCode[]): RecipeCode[] {
  return codes.flatMap((code) => [code, ...allCodes(code.children ?? [])]);
}

/** The project.qde a recipe describes, in its vendor's style. */
export function recipeQde(recipe: RefiRecipe): string {
  const { style } = recipe;
  const guid = (kind: GuidKind, key: string): string => written(refiGuid(kind, key), style);
  const user = (name: string | undefined): string | undefined => (name === undefined ? undefined : guid('user', name));
  const codeXml = (code: RecipeCode, indent: string): string => {
    const head = `${indent}<Code${attributes({ guid: guid('code', code.key ?? code.name), name: code.name, isCodable: String(code.isCodable ?? true) })}`;
    const inner = [
      ...(code.description === undefined ? [] : [`${indent}  <Description>${escapeText(code.description)}</Description>`]),
      ...(code.children ?? []).map((child) => codeXml(child, `${indent}  `)),
    ];
    return inner.length === 0 ? `${head}/>` : `${head}>\n${inner.join('\n')}\n${indent}</Code>`;
  };
  const users = [...recipe.users, ...(style.pseudoUser === undefined ? [] : [style.pseudoUser])];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${attributes({
      name: recipe.name,
      origin: style.origin,
      creatingUserGUID: user(recipe.users[0]),
      creationDateTime: '2024-03-01T09:00:00Z',
      modifiedDateTime: '2024-03-02T17:30:00Z',
    })}>`,
    '  <Users>',
    ...users.map((name) => `    <User${attributes({ guid: guid('user', name), name })}/>`),
    '  </Users>',
    '  <CodeBook>',
    '    <Codes>',
    ...recipe.codes.map((code) => codeXml(code, '      ')),
    '    </Codes>',
    '  </CodeBook>',
  ];
  if (recipe.variables) {
    lines.push('  <Variables>');
    for (const variable of recipe.variables) lines.push(`    <Variable${attributes({ guid: guid('variable', variable.name), name: variable.name, typeOfVariable: variable.type })}/>`);
    lines.push('  </Variables>');
  }
  if (recipe.cases) {
    lines.push('  <Cases>');
    for (const theCase of recipe.cases) {
      lines.push(`    <Case${attributes({ guid: guid('case', theCase.name), name: theCase.name })}>`);
      for (const [variable, value] of Object.entries(theCase.values)) {
        lines.push(
          '      <VariableValue>',
          `        <VariableRef${attributes({ targetGUID: guid('variable', variable) })}/>`,
          `        <TextValue>${escapeText(value)}</TextValue>`,
          '      </VariableValue>',
        );
      }
      for (const source of theCase.sources) lines.push(`      <SourceRef${attributes({ targetGUID: guid('source', source) })}/>`);
      lines.push('    </Case>');
    }
    lines.push('  </Cases>');
  }
  lines.push('  <Sources>');
  for (const source of recipe.sources) {
    const text = storedText(source, style);
    const sourceGuid = refiGuid('source', source.name);
    lines.push(
      `    <TextSource${attributes({
        guid: guid('source', source.name),
        name: source.name,
        plainTextPath: style.paths === 'inline' ? undefined : plainTextPath(source, sourceGuid, style),
        richTextPath: style.paths === 'internal-guid' ? `internal://${sourceGuid}.docx` : undefined,
        creatingUser: user(recipe.users[0]),
        creationDateTime: '2024-03-01T09:05:00Z',
      })}>`,
    );
    if (style.paths === 'inline') lines.push(`      <PlainTextContent>${escapeText(text)}</PlainTextContent>`);
    source.selections.forEach((selection, index) => {
      const { start, end } = span(text, selection, style);
      const key = `${source.name}#${index}`;
      const codingXml = (coding: RecipeCoding, codingKey: string, indent: string): string[] => [
        `${indent}<Coding${attributes({ guid: guid('coding', codingKey), creatingUser: user(coding.coder ?? selection.coder), creationDateTime: '2024-03-01T10:00:00Z' })}>`,
        `${indent}  <CodeRef${attributes({ targetGUID: guid('code', coding.code) })}/>`,
        `${indent}</Coding>`,
      ];
      const selectionHead = (selectionKey: string): string =>
        `      <PlainTextSelection${attributes({
          guid: guid('selection', selectionKey),
          name: selection.quote.slice(0, 20),
          startPosition: String(start),
          endPosition: String(end),
          creatingUser: user(selection.coder),
          creationDateTime: '2024-03-01T10:00:00Z',
        })}>`;
      if (style.selections === 'grouped') {
        lines.push(selectionHead(key), ...selection.codings.flatMap((coding, at) => codingXml(coding, `${key}.${at}`, '        ')), '      </PlainTextSelection>');
      } else {
        selection.codings.forEach((coding, at) => {
          lines.push(selectionHead(`${key}.${at}`), ...codingXml(coding, `${key}.${at}`, '        '), '      </PlainTextSelection>');
        });
      }
    });
    lines.push('    </TextSource>');
  }
  for (const media of recipe.media ?? []) {
    const selection = media.kind === 'PDFSource' ? 'PDFSelection' : media.kind === 'PictureSource' ? 'PictureSelection' : media.kind.replace('Source', 'Selection');
    const where = media.kind === 'PDFSource' ? { firstX: '1', firstY: '1', secondX: '50', secondY: '50', page: '0' } : { begin: '0', end: '1000' };
    lines.push(
      `    <${media.kind}${attributes({ guid: guid('source', media.name), name: media.name, path: `internal://${media.file}` })}>`,
      `      <${selection}${attributes({ guid: guid('selection', media.name), ...where })}>`,
      `        <Coding${attributes({ guid: guid('coding', media.name), creatingUser: user(recipe.users[0]) })}>`,
      `          <CodeRef${attributes({ targetGUID: guid('code', media.code) })}/>`,
      '        </Coding>',
      `      </${selection}>`,
      `    </${media.kind}>`,
    );
  }
  lines.push('  </Sources>', '</Project>', '');
  return lines.join('\n');
}

function plainTextPath(source: RecipeSource, sourceGuid: string, style: RecipeStyle): string {
  if (source.plainTextPath) return source.plainTextPath;
  return style.paths === 'internal-guid' ? `internal://${sourceGuid}.txt` : `internal://${source.name}.txt`;
}

/** Where the recipe stores a source's text in the zip, under the sources folder. */
function storedPath(source: RecipeSource, style: RecipeStyle): string {
  if (source.storedAs) return source.storedAs;
  const path = plainTextPath(source, refiGuid('source', source.name), style);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A zip of the given entries, deflated as the vendors do. */
export function qdpx(entries: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content])));
}

/** The `.qdpx` a recipe describes. `omit` leaves out zip entries (a source file missing from the zip). */
export function recipeQdpx(recipe: RefiRecipe, options: { readonly omit?: readonly string[] } = {}): Uint8Array {
  const { style } = recipe;
  const entries: Record<string, string | Uint8Array> = { [style.qdeName]: recipeQde(recipe) };
  if (style.paths !== 'inline') {
    for (const source of recipe.sources) {
      const body = strToU8(storedText(source, style));
      entries[`${style.sourcesFolder}/${storedPath(source, style)}`] = style.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
    }
  }
  for (const media of recipe.media ?? []) entries[`${style.sourcesFolder}/${media.file}`] = strToU8(media.kind === 'PDFSource' ? '%PDF-1.4 synthetic' : 'synthetic audio');
  for (const name of options.omit ?? []) delete entries[name];
  return qdpx(entries);
}

/** QualCoder's codebook export: the `1:0` namespace variant, nested codes. */
export function qualcoderCodebook(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="QualCoder 3.5">',
    '  <Codes>',
    `    <Code guid="${refiGuid('code', 'Sound')}" name="Sound" isCodable="false" color="#AA0000">`,
    '      <Description>Anything heard</Description>',
    `      <Code guid="${refiGuid('code', 'Noise')}" name="Noise" isCodable="1" color="#CC3333"/>`,
    `      <Code guid="${refiGuid('code', 'Music')}" name="Music" isCodable="true"/>`,
    '    </Code>',
    `    <Code guid="${refiGuid('code', 'Quiet')}" name="Quiet" isCodable="0"/>`,
    '  </Codes>',
    '  <Sets>',
    `    <Set guid="${refiGuid('code', 'set')}" name="Loud things"><MemberCode guid="${refiGuid('code', 'Noise')}"/></Set>`,
    '  </Sets>',
    '</CodeBook>',
    '',
  ].join('\n');
}

/** Deterministic pseudo-random numbers (mulberry32), so the big project is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['tea', 'garden', 'bus', 'quiet', 'morning', 'rain', 'city', 'work', 'friend', 'walk', 'noise', 'coffee', 'calm', 'late', 'school'];

/**
 * A large NVivo-style project for the benchmark: `sourceBytes` of synthetic text (with an
 * emoji now and then, so UTF-16 offsets need converting) in sources of about 100 kB, and
 * `codings` codings by two coders, each in its own selection as NVivo writes them, over 20
 * codes in two levels. About 10 MB unpacked with the defaults.
 */
export function bigProject({ codings = 50_000, sourceBytes = 4_000_000 }: { codings?: number; sourceBytes?: number } = {}): Uint8Array {
  const next = random(42);
  const sourceCount = Math.max(1, Math.round(sourceBytes / 100_000));
  const coders = ['Coder A', 'Coder B'].map((name) => ({ name, guid: refiGuid('user', name) }));
  const parents = ['Theme 1', 'Theme 2', 'Theme 3', 'Theme 4'];
  const codes = parents.flatMap((parent) => [1, 2, 3, 4, 5].map((child) => ({ parent, name: `${parent}.${child}`, guid: refiGuid('code', `${parent}.${child}`) })));
  const texts: string[] = [];
  for (let index = 0; index < sourceCount; index++) {
    const parts: string[] = [];
    let length = 0;
    while (length < sourceBytes / sourceCount) {
      const word = next() < 0.01 ? '🙂' : (words[Math.floor(next() * words.length)] ?? 'tea');
      const part = next() < 0.08 ? `${word}.\r\n` : `${word} `;
      parts.push(part);
      length += part.length;
    }
    texts.push(parts.join(''));
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Project xmlns="urn:QDA-XML:project:1.0" name="Big synthetic project" origin="NVivo 14" creationDateTime="2024-01-01T00:00:00Z">',
    '  <Users>',
    ...coders.map((coder) => `    <User guid="${coder.guid}" name="${coder.name}"/>`),
    '  </Users>',
    '  <CodeBook>',
    '    <Codes>',
    ...parents.flatMap((parent) => [
      `      <Code guid="${refiGuid('code', parent)}" name="${parent}" isCodable="false">`,
      ...codes.filter((code) => code.parent === parent).map((code) => `        <Code guid="${code.guid}" name="${code.name}" isCodable="true"/>`),
      '      </Code>',
    ]),
    '    </Codes>',
    '  </CodeBook>',
    '  <Sources>',
  ];
  const entries: Record<string, string | Uint8Array> = {};
  let made = 0;
  texts.forEach((text, index) => {
    const sourceGuid = refiGuid('source', `big ${index}`);
    entries[`sources/${sourceGuid}.txt`] = text;
    lines.push(`    <TextSource guid="${sourceGuid}" name="Source ${index + 1}" plainTextPath="internal://${sourceGuid}.txt">`);
    const here = Math.round((codings * (index + 1)) / texts.length) - made;
    for (let at = 0; at < here; at++, made++) {
      let start = Math.floor(next() * (text.length - 400));
      // NVivo never cuts an emoji in two; neither does this generator.
      if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
      let end = start + 20 + Math.floor(next() * 300);
      if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
      const coder = coders[made % 2] ?? coders[0]!;
      const code = codes[Math.floor(next() * codes.length)] ?? codes[0]!;
      lines.push(
        `      <PlainTextSelection guid="${refiGuid('selection', `big ${made}`)}" startPosition="${start}" endPosition="${end}" creatingUser="${coder.guid}">`,
        `        <Coding guid="${refiGuid('coding', `big ${made}`)}" creatingUser="${coder.guid}"><CodeRef targetGUID="${code.guid}"/></Coding>`,
        '      </PlainTextSelection>',
      );
    }
    lines.push('    </TextSource>');
  });
  lines.push('  </Sources>', '</Project>', '');
  entries['project.qde'] = lines.join('\n');
  return qdpx(entries);
}
