/**
 * The report's releases as pages show them: every version of every chart and what changed
 * from one to the next, computed at build time from the tables stored with each release.
 */
export interface ReleaseHistory {
  /** Oldest first. */
  readonly releases: readonly ReleaseEntry[];
  /** Chart id -> each release that holds or removed it, oldest first; charts of this build and removed ones. */
  readonly charts: Readonly<Record<string, readonly ChartVersion[]>>;
  /** Chart id -> how this build's chart stands against its newest release. */
  readonly current: Readonly<Record<string, CurrentChart>>;
  /** The release this build makes (`npm run release`); absent for `npm run build`. */
  readonly releasing?: { readonly version: string; readonly date: string };
}

export interface ReleaseEntry {
  readonly version: string;
  readonly date: string;
  readonly notes?: string;
  readonly doi?: string;
  /** Charts new or changed in this release, with their titles. */
  readonly changed: readonly { readonly id: string; readonly title: string; readonly isNew: boolean }[];
  readonly unchanged: readonly string[];
  /** Charts of the previous release that this one no longer has. */
  readonly removed: readonly { readonly id: string; readonly title: string }[];
}

export interface ChartVersion {
  readonly version: string;
  readonly date: string;
  readonly title: string;
  readonly state: 'new' | 'changed' | 'unchanged' | 'removed';
  /** For an unchanged chart: the release whose page it points to. */
  readonly sameAs?: string;
  /** From the chart's previous version; absent for a new or removed chart. */
  readonly changes?: ChartChanges;
  readonly doi?: string;
}

export interface CurrentChart {
  /** The newest release holding this chart, if any. */
  readonly since?: string;
  /** True when this build's chart is exactly that release's (the page shows a released version). */
  readonly released: boolean;
  /** What differs from that release when not released. */
  readonly changes?: ChartChanges;
}

export interface Before<T> {
  readonly before: T;
  readonly after: T;
}

/** What changed in one chart from one version to the next. Counts are the table's; a suppressed cell is null. */
export interface ChartChanges {
  readonly from: string;
  readonly title?: Before<string>;
  /** Definition fields that changed (`dimension`, `order`, `caption`, ...). */
  readonly definition: readonly string[];
  readonly n: { readonly units: Before<number>; readonly participants: Before<number> };
  /** Every row of either table, by its labels, with its count in each; in the newer table's order, removed rows last. */
  readonly rows: readonly { readonly key: string; readonly before: number | null | undefined; readonly after: number | null | undefined }[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly codeDefinitions: readonly { readonly code: string; readonly before?: string; readonly after?: string }[];
  /** Nothing at all differs: the same chart. */
  readonly none: boolean;
}
