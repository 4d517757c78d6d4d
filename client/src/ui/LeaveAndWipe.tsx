import { useState } from 'react';
import { useStore } from '../lib/store.ts';
import { t } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import type { MeetingSession } from '../sync/session.ts';

/**
 * "Verlaten en wissen" for a participant's tablet or phone: leaves the
 * meeting and wipes this device's copy of it and its token, so the next
 * person who picks up a shared tablet finds nothing of it. What was written
 * stays on the board; the confirm step says so, and warns while the last
 * edits are not on the server yet.
 */
export function LeaveAndWipe({ session }: { session: MeetingSession }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const status = useStore(session.state).status;
  const leave = async () => {
    setStep('busy');
    await session.wipeLocalCopy();
    session.destroy();
    navigate('/join', { replace: true });
  };
  return (
    <section className="panel-section leave-wipe">
      {step === 'idle' ? (
        <button type="button" className="btn btn-danger-outline" onClick={() => setStep('confirm')}>
          {t.leave.button}
        </button>
      ) : (
        <div role="group" aria-labelledby="leave-q">
          <p id="leave-q">{t.leave.confirm}</p>
          {(status === 'saving' || status === 'offline') && (
            <p className="error" role="alert">
              {t.leave.notSaved}
            </p>
          )}
          <div className="row">
            <button type="button" className="btn btn-danger" disabled={step === 'busy'} onClick={() => void leave()}>
              {t.leave.yes}
            </button>
            <button type="button" className="btn" disabled={step === 'busy'} onClick={() => setStep('idle')}>
              {t.leave.no}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
