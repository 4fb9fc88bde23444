// study.yaml from its template (scripts/default-study/study.yaml). Only what
// depends on the scale is templated, as `{{name}}` placeholders; everything
// else is copied byte for byte.
import type { StudyOptions } from './study-options.ts';

/** 1460 -> "1,460", without depending on the machine's locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function renderStudyYaml(template: string, options: StudyOptions): string {
  const values: Readonly<Record<string, string>> = {
    participants: formatCount(options.participants),
    tweets: formatCount(options.tweets),
  };
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`study.yaml template has an unknown placeholder ${placeholder}`);
    return value;
  });
}
