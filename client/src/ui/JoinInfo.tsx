import { t } from '../i18n/index.ts';
import { JoinQr } from './JoinQr.tsx';
import { joinUrl } from './qr.ts';

/**
 * For the facilitator: the code in large letters, and beside the address
 * its QR code. (The 300 px panel has no room for a scannable QR code next to
 * the six large characters; the projector shows both large, side by side.)
 */
export function JoinInfo({ joinCode }: { joinCode: string }) {
  const url = joinUrl(location.origin, joinCode);
  return (
    <section className="panel-section join-info" aria-labelledby="join-title">
      <h2 id="join-title" className="panel-title">
        {t.meeting.joinPanel}
      </h2>
      <p className="join-code-label">{t.meeting.codeLabel}</p>
      <p className="join-code" data-testid="join-code">
        {joinCode}
      </p>
      <div className="join-row">
        <figure className="join-qr-figure">
          <JoinQr code={joinCode} size={120} />
          <figcaption className="join-qr-hint">{t.people.qrHint}</figcaption>
        </figure>
        <div className="join-url-block">
          <p className="join-url-label">{t.meeting.urlLabel}</p>
          <p className="join-url" data-testid="join-url">
            {url}
          </p>
        </div>
      </div>
    </section>
  );
}
