import { quoted, type Problem } from '../../problems/problem.ts';
import { normaliseGuid } from './guid.ts';
import type { XmlElement } from './parseXml.ts';

/**
 * Read one attribute of an element, pushing a problem that names `Element@attribute` and
 * the element's line when it is missing (and required) or malformed. Each reader returns
 * undefined after a problem, so the caller carries on and more problems are found in one run.
 */
export class AttributeReader {
  private readonly file: string;
  private readonly problems: Problem[];

  constructor(file: string, problems: Problem[]) {
    this.file = file;
    this.problems = problems;
  }

  text(element: XmlElement, attribute: string, required: boolean): string | undefined {
    const value = element.attributes[attribute];
    if (value === undefined && required) this.report(element, attribute, 'a value', `no ${attribute} attribute`);
    return value;
  }

  guid(element: XmlElement, attribute: string, required: boolean): string | undefined {
    const value = this.text(element, attribute, false);
    if (value === undefined) {
      if (required) this.report(element, attribute, 'a GUID', `no ${attribute} attribute`);
      return undefined;
    }
    const guid = normaliseGuid(value);
    if (guid === undefined) this.report(element, attribute, 'a GUID (8-4-4-4-12 hexadecimal digits, braces allowed)', quoted(value));
    return guid;
  }

  integer(element: XmlElement, attribute: string): number | undefined {
    const value = this.text(element, attribute, false);
    if (value === undefined) {
      this.report(element, attribute, 'a whole number', `no ${attribute} attribute`);
      return undefined;
    }
    if (!/^\s*[+-]?\d+\s*$/.test(value) || !Number.isSafeInteger(Number(value))) {
      this.report(element, attribute, 'a whole number', quoted(value));
      return undefined;
    }
    return Number(value);
  }

  /** xsd:boolean; `fallback` when absent. */
  boolean(element: XmlElement, attribute: string, fallback: boolean): boolean {
    const value = element.attributes[attribute]?.trim();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.report(element, attribute, 'true, false, 1 or 0', quoted(value));
    return fallback;
  }

  report(element: XmlElement, attribute: string, expected: string, found: string): void {
    this.problems.push({ file: this.file, line: element.line, field: `${element.name}@${attribute}`, message: `expected ${expected}; found ${found}` });
  }
}
