import Chart from '../Chart.astro';
import Bibliography from '../prose/Bibliography.astro';
import Cite from '../prose/Cite.astro';
import CodeDefinitions from '../prose/CodeDefinitions.astro';
import Count from '../prose/Count.astro';
import DimensionIntro from '../prose/DimensionIntro.astro';
import DimensionSummary from '../prose/DimensionSummary.astro';
import Exemplars from '../prose/Exemplars.astro';
import Period from '../prose/Period.astro';
import PrivacyRule from '../prose/PrivacyRule.astro';
import Ref from '../prose/Ref.astro';
import Reliability from '../prose/Reliability.astro';
import ReliabilityTable from '../prose/ReliabilityTable.astro';
import Share from '../prose/Share.astro';
import ReportCitation from '../ReportCitation.astro';

/**
 * The components chapters may use without importing them, for the print edition: the same
 * names as the chapter page's (src/pages/chapters/[...id].astro), which are checked at load
 * time in src/chapters/componentRules.ts.
 */
export const chapterComponents = {
  Chart,
  Ref,
  Count,
  Share,
  Period,
  PrivacyRule,
  Cite,
  Bibliography,
  ReportCitation,
  DimensionIntro,
  DimensionSummary,
  CodeDefinitions,
  Exemplars,
  Reliability,
  ReliabilityTable,
};
