import { SIDES, type RoleSpec } from '@bodem/shared';
import type { ButtonHTMLAttributes } from 'react';
import { t } from '../i18n/index.ts';

/**
 * The role cards of Bijlage 3 as chips, grouped by side: the same list
 * beside the poster (tap, or slide onto the board) and in the list view
 * (tap). What a chip does comes from `chip`.
 */
export function RoleChips({ roles, heading: Heading, idPrefix, chip }: {
  roles: readonly RoleSpec[];
  heading: 'h3' | 'h4';
  /** Ids for the side headings (`${idPrefix}-formeel`), so each group is named by its heading. */
  idPrefix: string;
  chip: (role: RoleSpec) => ButtonHTMLAttributes<HTMLButtonElement>;
}) {
  return (
    <>
      {SIDES.map((side) => (
        <section key={side} className={`palette-group palette-${side}`} aria-labelledby={`${idPrefix}-${side}`}>
          <Heading id={`${idPrefix}-${side}`}>{t.roleCards[side]}</Heading>
          <ul>
            {roles
              .filter((r) => r.side === side)
              .map((r) => (
                <li key={r.id}>
                  <button type="button" className={`role-chip role-${side}`} {...chip(r)}>
                    <strong>{r.title}</strong>
                    <span>{r.description}</span>
                    {/* The name says what a tap does, after the words one sees (WCAG 2.5.3). */}
                    <span className="visually-hidden">{t.roleCards.add}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
