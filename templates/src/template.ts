// The types live in @bodem/shared so the server, the client and the reports
// read boards the same way; this file keeps `./template.ts` imports working.
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
