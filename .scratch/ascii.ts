import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
let s = ''; for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
const item = { id: 'k', type: 'report', title: 'x' + s, issued: { 'date-parts': [[2020]] } };
console.log(new Cite([item]).format('bibtex'));
const k = (plugins.config.get('@bibtex') as any).constants;
console.log(Object.keys(k), Object.keys(k.commands).length, Object.values(k.ligatures));
