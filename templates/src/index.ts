// The board types live in @bodem/shared (the server, the client and the reports read boards alike).
export type {
  ArtShape,
  ChoiceRow,
  Part,
  PrintedCard,
  ReferenceAnswer,
  RoleSpec,
  TableSpec,
  Template,
  TemplateZone,
  TextField,
} from '@bodem/shared';
export { TEMPLATES, templateById, meetingTemplate } from './all.ts';
export { D_QUOTE_IDS } from './inDeWeg.ts';
export * from './programmes.ts';
export { REPORT_SOURCES, reportSourcesFor } from './report.ts';
export { ROLLEN } from './rollen.ts';
export { VALKUILEN } from './valkuilen.ts';
export { THEMAS, type Thema } from './citaten.ts';
export { D_UITLEG } from './citaten.ts';
export { VOORBEELDEN, voorbeeldCard, CONDITIONS_HEADING, type Voorbeeld } from './voorbeelden.ts';
export { KADER_1, KADER_2 } from './beeld.ts';
export { IDEA_COUNT, IDEA_PARTS } from './ideeen.ts';
export { DRAAIBOEK } from './draaiboek.ts';
// The practice meeting's words: `@bodem/templates/practice` (./practice.ts), imported where they are used, so a
// participant's tablet, which loads this catalogue, never downloads them.
