// Short texts from templates with `{slot}` fill-ins, e.g.
// "Tips for using {tool} with {audience} [link]". Templates are compiled once
// into literal and slot parts, so filling a million of them stays cheap, and
// the shortest and longest text a template can give are known in advance.
import type { Random } from './random.ts';

export type Slots = Readonly<Record<string, readonly string[]>>;
/** Values chosen by the caller rather than at random, e.g. the speaker's role. */
export type SlotContext = Readonly<Record<string, string>>;

type Part = { readonly literal: string } | { readonly slot: string; readonly values: readonly string[] };

export interface TextTemplate {
  readonly source: string;
  readonly parts: readonly Part[];
  readonly minLength: number;
  readonly maxLength: number;
}

const SLOT = /\{(\w+)\}/g;

export function compileTemplate(source: string, slots: Slots): TextTemplate {
  const parts: Part[] = [];
  let minLength = 0;
  let maxLength = 0;
  let at = 0;
  for (const match of source.matchAll(SLOT)) {
    const literal = source.slice(at, match.index);
    if (literal) parts.push({ literal });
    const slot = match[1] as string;
    const values = slots[slot];
    if (!values || values.length === 0) throw new Error(`template "${source}" uses unknown slot {${slot}}`);
    parts.push({ slot, values });
    minLength += literal.length + Math.min(...values.map((v) => v.length));
    maxLength += literal.length + Math.max(...values.map((v) => v.length));
    at = match.index + match[0].length;
  }
  const tail = source.slice(at);
  if (tail) parts.push({ literal: tail });
  return { source, parts, minLength: minLength + tail.length, maxLength: maxLength + tail.length };
}

/**
 * Compiles every template of every code and checks that each can only give a
 * text whose length lies in [min, max].
 */
export function compileTemplateSet<K extends string>(
  templates: Readonly<Record<K, readonly string[]>>,
  slots: Slots,
  bounds: { readonly min: number; readonly max: number },
): Record<K, readonly TextTemplate[]> {
  const compiled = {} as Record<K, readonly TextTemplate[]>;
  for (const code of Object.keys(templates) as K[]) {
    compiled[code] = templates[code].map((source) => {
      const template = compileTemplate(source, slots);
      if (template.minLength < bounds.min || template.maxLength > bounds.max) {
        throw new Error(
          `template for ${code} gives ${template.minLength}-${template.maxLength} characters, ` +
            `outside ${bounds.min}-${bounds.max}: "${source}"`,
        );
      }
      return template;
    });
  }
  return compiled;
}

export function fillTemplate(template: TextTemplate, rng: Random, context?: SlotContext): string {
  let text = '';
  for (const part of template.parts) {
    if ('literal' in part) text += part.literal;
    else text += context?.[part.slot] ?? rng.pick(part.values);
  }
  return text;
}
