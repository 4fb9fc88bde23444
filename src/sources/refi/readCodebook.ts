import type { Problem } from '../../problems/problem.ts';
import { AttributeReader } from './attributes.ts';
import type { XmlElement, XmlHandlers } from './parseXml.ts';
import type { RefiProject } from './project.ts';
import { codeTreeReader } from './readCodes.ts';

/**
 * Handlers for a `.qdc` codebook: a project with only its codes, so the import maps both
 * kinds of file the same way. Sets are passed over.
 */
export function codebookReader(root: XmlElement, file: string, problems: Problem[]): { handlers: XmlHandlers; result(): RefiProject } {
  const codes = codeTreeReader(new AttributeReader(file, problems));
  return {
    handlers: {
      open: (element, parent) => void codes.open(element, parent),
      close: (element) => void codes.close(element),
      text: (text) => void codes.text(text),
    },
    result: () => ({
      name: undefined,
      origin: root.attributes.origin,
      modified: undefined,
      offsets: 'code-points',
      users: [],
      codes: codes.codes,
      sources: [],
      skipped: { pdf: 0, picture: 0, audio: 0, video: 0 },
      variables: [],
      cases: [],
      warnings: [],
    }),
  };
}
