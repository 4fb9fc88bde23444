import type { CitableWork } from './citableWork.ts';
import { cslItem } from './cslItem.ts';
import { formattedOnce } from './formattedOnce.ts';
import { apaText } from './formats/apa.ts';
import { bibtex } from './formats/bibtex.ts';
import { chicagoText } from './formats/chicago.ts';
import { cslJson } from './formats/cslJson.ts';
import { ris } from './formats/ris.ts';

/** Every citation format of one work, all produced by citation-js from one CSL item. */
export interface Citations {
  apaText: string;
  chicagoText: string;
  /** Contents of `cite.bib`. */
  bibtex: string;
  /** Contents of `cite.ris`. */
  ris: string;
  /** Contents of `cite.json`. */
  cslJson: string;
}

export function citationsFor(work: CitableWork): Citations {
  return formattedOnce('citations', work, () => {
    const item = cslItem(work);
    return {
      apaText: apaText(item),
      chicagoText: chicagoText(item),
      bibtex: bibtex(item),
      ris: ris(item),
      cslJson: cslJson(item),
    };
  });
}
