// citation-js registers its formats as side effects of these imports; importing them in one
// place keeps every caller working with the same configured instance.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';

export { Cite };
