import { bibtex } from '../src/cite/formats/bibtex.ts';
import { Cite } from '../src/cite/citationJs.ts';
const title = 'Visits <b>bold</b> </title> {1+1} ‘s’ “d” «g» `t` {b} \\relax 100% @article{x, 👩‍👩‍👧‍👦 \u202Eevil\u202C שלום مرحبا in\u200Bvisible wo\uFEFFrd й Éditions 中文 🏳️‍🌈';
const b = bibtex({ id: 'k', 'citation-key': 'k', type: 'report', title, author: [{ family: 'שלום', given: 'مرحبا 👍🏽' }, { literal: 'Group 中文 {x}' }], version: '1', issued: { 'date-parts': [[2020, 1, 1]] }, URL: 'https://x.org/', license: 'CC' } as any);
console.log(b);
const d = new Cite(b, { forceType: '@biblatex/text' }).data;
console.log(d.length, JSON.stringify(d[0]!.title), JSON.stringify(d[0]!.author));
