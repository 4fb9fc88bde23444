import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { quoted, sortProblems, type Problem } from '../../problems/problem.ts';
import { buildProject, type SourceText } from './buildProject.ts';
import { decodeText } from './decodeText.ts';
import { codebookNamespaces, parseXml, projectNamespace, wrongRoot } from './parseXml.ts';
import type { RefiProject } from './project.ts';
import { codebookReader } from './readCodebook.ts';
import { projectReader, type ProjectAsWritten, type TextSourceAsWritten } from './readProject.ts';
import { sniffContent } from './sniffContent.ts';
import { sourcePaths } from './sourcePath.ts';
import { defaultMaxUnpackedBytes, unzipProject, type ProjectZip } from './unzipProject.ts';

export interface RefiRead {
  /** Undefined whenever there is any problem: the import then writes nothing. */
  readonly project: RefiProject | undefined;
  /** In reading order. */
  readonly problems: readonly Problem[];
}

export interface RefiReadOptions {
  /** The most bytes the zip may unpack to (default 1 GiB); a test sets a small cap. */
  readonly maxUnpackedBytes?: number;
}

const expectedFile = 'a REFI-QDA project (.qdpx, a zip file) or codebook (.qdc, XML)';

/**
 * Read a REFI-QDA project (`.qdpx`) or codebook (`.qdc`) exported by NVivo, ATLAS.ti,
 * MAXQDA or QualCoder. `shown` is the path as the user typed it, for messages.
 */
export function readRefiFile(path: string, shown: string, options: RefiReadOptions = {}): RefiRead {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : `a file that cannot be read (${code ?? 'unknown error'})`;
    return { project: undefined, problems: [{ file: shown, message: `expected ${expectedFile}; found ${found}` }] };
  }
  return readRefiBytes(bytes, shown, options);
}

/** `readRefiFile` on bytes already in memory: the kind is decided by content, not by name. */
export function readRefiBytes(bytes: Uint8Array, shown: string, options: RefiReadOptions = {}): RefiRead {
  const problems: Problem[] = [];
  const content = sniffContent(bytes);
  let project: RefiProject | undefined;
  if (content.kind === 'zip') project = readQdpx(bytes, shown, options.maxUnpackedBytes ?? defaultMaxUnpackedBytes, problems);
  else if (content.kind === 'xml') project = readXmlFile(bytes, shown, problems);
  else problems.push({ file: shown, message: `expected ${expectedFile}; found ${content.looksLike}` });
  return problems.length > 0 ? { project: undefined, problems: sortProblems(problems) } : { project, problems: [] };
}

function readQdpx(bytes: Uint8Array, shown: string, maxUnpackedBytes: number, problems: Problem[]): RefiProject | undefined {
  const zip = unzipProject(bytes, shown, maxUnpackedBytes, problems);
  if (!zip) return undefined;
  const projectFiles = zip.entries.filter((entry) => !entry.includes('/') && entry.toLowerCase().endsWith('.qde'));
  const entry = projectFiles[0];
  if (projectFiles.length !== 1 || entry === undefined) {
    const found = projectFiles.length === 0 ? `none (the zip holds ${zip.entries.length === 0 ? 'nothing' : quotedList(zip.entries)})` : quotedList(projectFiles);
    problems.push({ file: shown, message: `expected one .qde project file at the top of the zip; found ${found}` });
    return undefined;
  }
  const file = `${shown}/${entry}`;
  const xmlBytes = zip.read(entry, problems);
  const xml = xmlBytes && decodedOrProblem(xmlBytes, file, problems);
  if (xml === undefined) return undefined;
  let read: { result(): ProjectAsWritten } | undefined;
  const complete = parseXml(
    xml,
    file,
    (root, namespace) => {
      if (root.name !== 'Project' || namespace !== projectNamespace) {
        problems.push({ file, line: root.line, message: wrongRoot(`a root element "Project" in namespace "${projectNamespace}"`, root, namespace) });
        return undefined;
      }
      const reader = projectReader(root, entry, file, problems);
      read = reader;
      return reader.handlers;
    },
    problems,
  );
  if (!complete || !read) return undefined;
  const lookup = sourcePaths(zip.entries);
  return buildProject(read.result(), file, shown, (source) => textInZip(source, zip, lookup, shown, file, problems), problems);
}

/** A `.qdc` codebook, or a bare `.qde` project outside its zip (its source files then missing). */
function readXmlFile(bytes: Uint8Array, shown: string, problems: Problem[]): RefiProject | undefined {
  const xml = decodedOrProblem(bytes, shown, problems);
  if (xml === undefined) return undefined;
  const entry = basename(shown);
  let project: { result(): ProjectAsWritten } | undefined;
  let codebook: { result(): RefiProject } | undefined;
  const complete = parseXml(
    xml,
    shown,
    (root, namespace) => {
      if (root.name === 'CodeBook' && codebookNamespaces.includes(namespace)) {
        const reader = codebookReader(root, shown, problems);
        codebook = reader;
        return reader.handlers;
      }
      if (root.name === 'Project' && namespace === projectNamespace) {
        const reader = projectReader(root, entry, shown, problems);
        project = reader;
        return reader.handlers;
      }
      const expected = `a root element "CodeBook" in namespace "${codebookNamespaces[0]}" or "Project" in namespace "${projectNamespace}"`;
      problems.push({ file: shown, line: root.line, message: wrongRoot(expected, root, namespace) });
      return undefined;
    },
    problems,
  );
  if (!complete) return undefined;
  if (codebook) return codebook.result();
  if (!project) return undefined;
  return buildProject(project.result(), shown, shown, (source) => ({ missing: source.plainTextPath ?? source.name }), problems);
}

function textInZip(
  source: TextSourceAsWritten,
  zip: ProjectZip,
  lookup: ReturnType<typeof sourcePaths>,
  shown: string,
  file: string,
  problems: Problem[],
): SourceText {
  if (source.plainTextPath === undefined) {
    if (source.inlineText !== undefined) return { text: source.inlineText };
    return { missing: `the plain text of source ${quoted(source.name)}` };
  }
  const found = lookup(source.plainTextPath);
  if ('missing' in found) return source.inlineText === undefined ? found : { text: source.inlineText };
  if ('ambiguous' in found) {
    problems.push({
      file,
      line: source.line,
      field: 'TextSource@plainTextPath',
      message: `expected one file for ${quoted(source.plainTextPath)} in the sources folder; found ${quotedList(found.ambiguous)}`,
    });
    return { problem: true };
  }
  const bytes = zip.read(found.entry, problems);
  const text = bytes && decodedOrProblem(bytes, `${shown}/${found.entry}`, problems);
  return text === undefined ? { problem: true } : { text };
}

function decodedOrProblem(bytes: Uint8Array, file: string, problems: Problem[]): string | undefined {
  const decoded = decodeText(bytes);
  if ('text' in decoded) return decoded.text;
  problems.push({ file, message: `expected UTF-8 text; found ${decoded.notText}` });
  return undefined;
}

function quotedList(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((value) => quoted(value));
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}
