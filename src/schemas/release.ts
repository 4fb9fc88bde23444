import { z } from 'zod';
import { identifier, isoDate } from './primitives.ts';

/** A released version's number: `1.2.0`, compared part by part (src/releases/versionOrder.ts). */
export const releaseVersion = z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'expected a release version such as 1.2.0' });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 in hexadecimal' });

/** Site path (below the base path, no leading slash) -> SHA-256 of the file's bytes. */
const fileList = z.record(z.string().regex(/^(?!\/)(?!.*\.\.)[^\0]+$/), sha256);

/**
 * `releases/<version>/manifest.json`: what one release froze. Every file is stored once, by
 * its SHA-256, in `releases/objects/`; the manifest lists where each goes on the site.
 */
export const releaseManifest = z.strictObject({
  format: z.literal(1),
  /** The study's `id`: a build of another study never publishes this release. */
  study: identifier,
  version: releaseVersion,
  date: isoDate,
  /** SHA-256 of the study files the release was built from. */
  fingerprint: sha256,
  notes: z.string().optional(),
  doi: z.string().optional(),
  charts: z.record(
    z.string(),
    z.strictObject({
      title: z.string(),
      /** SHA-256 of the chart's inputs object (its table, definition, codebook and citation), stored like a file. */
      inputs: sha256,
      /** When the inputs are those of an earlier release: that release, whose files this version points to. */
      sameAs: releaseVersion.optional(),
      files: fileList,
    }),
  ),
  /** The report's own files of this release (citations, CITATION.cff) and the stylesheets its pages use. */
  files: fileList,
});

export type ReleaseManifest = z.infer<typeof releaseManifest>;
