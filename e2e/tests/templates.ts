import { templateById } from '../../templates/src/index.ts';

/** A template the tests rely on; a missing one is a broken test, not a skipped check. */
export const template = (id: string) => {
  const t = templateById(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

/** The label of a template in the start page's checkboxes and the "Bord toevoegen" select. */
export const templateLabel = (id: string) => {
  const t = template(id);
  return t.part ? `${t.part}. ${t.title}` : t.title;
};
