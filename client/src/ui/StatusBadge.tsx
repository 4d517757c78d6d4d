import { t } from '../i18n/index.ts';
import { useSelector } from '../lib/store.ts';
import type { ConnStatus, MeetingSession } from '../sync/session.ts';

const LABEL: Record<ConnStatus, string> = {
  offline: t.status.offline,
  connected: t.status.connected,
  saving: t.status.saving,
  saved: t.status.saved,
  closed: t.status.closed,
};

/** A sign as well as a colour: the state must not be told by colour alone (WCAG 1.4.1). */
const ICON: Record<ConnStatus, string> = {
  offline: '!',
  connected: '•',
  saving: '…',
  saved: '✓',
  closed: '✕',
};

/** The truth about the connection: "opgeslagen" only once the server has confirmed the last edit. */
export function StatusBadge({ session }: { session: MeetingSession }) {
  const status = useSelector(session.state, (s) => s.status);
  return (
    <div className="status" role="status" aria-label={t.status.label} data-testid="connection-status" data-state={status}>
      <span className="status-dot" aria-hidden="true">
        {ICON[status]}
      </span>
      <span className="status-text">{LABEL[status]}</span>
    </div>
  );
}
