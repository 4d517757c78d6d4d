import { t } from '../i18n/index.ts';
import { linkClick } from '../router.ts';
import { focusListWhenShown, viewHref, type BoardView } from './view.ts';

/**
 * "Lijst" / "Poster": one tap between the two views of a board. A link (the
 * view lives in the address), so it works with a keyboard, opens in a new
 * tab, and survives a reload.
 */
export function ViewToggle({ view, className = 'btn' }: { view: BoardView; className?: string }) {
  const other: BoardView = view === 'lijst' ? 'poster' : 'lijst';
  return (
    <a className={`${className} view-toggle`} href={viewHref(other)} onClick={(e) => {
        if (other === 'lijst') focusListWhenShown();
        linkClick(e);
      }} data-testid="view-toggle" data-view={view}>
      {other === 'lijst' ? t.list.toList : t.list.toPoster}
    </a>
  );
}
