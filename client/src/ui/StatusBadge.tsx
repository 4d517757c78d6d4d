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

/** The truth about the connection: "opgeslagen" only once the server has confirmed the last edit. */
export function StatusBadge({ session }: { session: MeetingSession }) {
  const status = useSelector(session.state, (s) => s.status);
  return (
    <div className="status" role="status" aria-label={t.status.label} data-testid="connection-status" data-state={status}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{LABEL[status]}</span>
    </div>
  );
}
