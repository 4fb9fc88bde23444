import { httpUrl } from './httpUrl.ts';

// SPDX ids (matched case-insensitively, as SPDX specifies) with a stable canonical URL.
const FIXED_LICENSE_URLS: Record<string, string> = {
  'cc0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'pddl-1.0': 'https://opendatacommons.org/licenses/pddl/1-0/',
  'odc-by-1.0': 'https://opendatacommons.org/licenses/by/1-0/',
  'odbl-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};
// The international Creative Commons licences: CC-BY[-NC][-SA|-ND]-<version>. Version 1.0 is
// left out because its NC-ND URL does not follow the pattern (by-nd-nc).
const CREATIVE_COMMONS = /^cc-(by(?:-nc)?(?:-sa|-nd)?)-(2\.0|2\.5|3\.0|4\.0)$/;

/**
 * The URL of a licence given as a known SPDX id (e.g. `CC-BY-4.0` →
 * `https://creativecommons.org/licenses/by/4.0/`) or already as an http(s) URL; otherwise
 * `undefined`.
 */
export function licenseUrl(license: string): string | undefined {
  const id = license.trim().toLowerCase();
  const fixed = FIXED_LICENSE_URLS[id];
  if (fixed !== undefined) return fixed;
  const creativeCommons = CREATIVE_COMMONS.exec(id);
  if (creativeCommons) return `https://creativecommons.org/licenses/${creativeCommons[1]}/${creativeCommons[2]}/`;
  if (/^https?:\/\//.test(id)) {
    try {
      return httpUrl(license);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
