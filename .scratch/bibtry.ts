import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
for (const title of ['Less < than > and <script>alert(1)</script> { } \\ % @article{x, `t` ‘’ “” «» 👩‍👩‍👧‍👦 \u202Eevil\u202C']) {
  const item = { id: 'k', type: 'report', title, author: [{ literal: 'G {x}' }], issued: { 'date-parts': [[2020]] } };
  const bib = new Cite([item]).format('bibtex') as string;
  console.log(bib);
  const back = new Cite(bib).data;
  console.log(back.length, JSON.stringify(back[0].title));
  const ris = new Cite([item]).format('ris') as string;
  const rback = new Cite(ris).data;
  console.log(rback.length, JSON.stringify(rback[0].title));
}
