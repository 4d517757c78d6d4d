/**
 * Where the words sit on the things the views draw, in board pixels: the
 * views draw with these, and the report's poster plan measures with them
 * what fits (report/posterPlan.ts). Plain numbers, no React.
 */

/** A role card's description (RoleCardView). */
export const ROLE_DESCRIPTION = { x: 26, y: 44, fontSize: 18, lineHeight: 1.15 } as const;

/** The agreements table (AgreementTableHead, AgreementRowView). */
export const TABLE_HEADER = 64;
export const TABLE_ROW = 84;
export const TABLE_CELL = { fontSize: 22, lineHeight: 1.2, inset: 14 } as const;

/** A one-line field's answer (FieldView). */
export const FIELD_TEXT = { fontSize: 26, inset: 16 } as const;
