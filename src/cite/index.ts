// The citation module: one CitableWork in, every citation format and page metadata out.
export type { CitableWork, WorkAuthor } from './citableWork.ts';
export type { CslItem, CslName } from './cslItem.ts';
export { cslItem } from './cslItem.ts';
export { citationKey } from './citationKey.ts';
export { citationsFor, type Citations } from './citations.ts';
export { apaText } from './formats/apa.ts';
export { chicagoText } from './formats/chicago.ts';
export { bibtex } from './formats/bibtex.ts';
export { ris } from './formats/ris.ts';
export { cslJson } from './formats/cslJson.ts';
export { highwireTags, type MetaTag } from './highwire.ts';
export { jsonLd, type DatasetReference, type ImageFile, type JsonLdNode, type JsonLdOptions, type JsonLdValue } from './jsonLd.ts';
export { licenseUrl } from './license.ts';
export { orcidUrl } from './orcid.ts';
export { formatReference, type CitationStyle } from './formatReference.ts';
