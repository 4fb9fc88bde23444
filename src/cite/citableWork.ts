/**
 * A person or an organisation credited as author of a citable work. An organisation (or any
 * name that must not be split into parts) is given as `literal`.
 */
export interface WorkAuthor {
  family?: string;
  given?: string;
  literal?: string;
  /** An ORCID iD, bare (`0000-0002-1825-0097`) or as its https://orcid.org/ URL. */
  orcid?: string;
  affiliation?: string;
}

/**
 * Everything needed to cite one page of a report: a part of it (`section`: a chart or a
 * chapter, cited as a chapter of the report) or the whole report (`report`). All strings are
 * plain text, never markup.
 */
export interface CitableWork {
  kind: 'section' | 'report';
  /** The page's slug; it ends the citation key, so keep it stable across versions. */
  id: string;
  title: string;
  authors: readonly WorkAuthor[];
  /** For a section: the title of the report it belongs to. */
  containerTitle?: string;
  /** The report's version; none for a work cited across its versions. */
  version?: string;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  publisher?: string;
  /** A DOI for this version, bare (`10.5281/zenodo.1234567`). */
  doi?: string;
  /** The canonical http(s) URL of the work's page. */
  url: string;
  /** An SPDX licence id (e.g. `CC-BY-4.0`), a licence URL, or free text. */
  license: string;
  abstract?: string;
  /** A BCP 47 language tag, e.g. `en` or `en-GB`. */
  language?: string;
}
