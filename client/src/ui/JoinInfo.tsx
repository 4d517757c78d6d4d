import { t } from '../i18n/index.ts';
import { joinPath } from '../router.ts';

/** For the facilitator: the code in large letters and the address to type it in. */
export function JoinInfo({ joinCode }: { joinCode: string }) {
  const url = `${location.origin}${joinPath(joinCode)}`;
  return (
    <section className="panel-section join-info" aria-labelledby="join-title">
      <h2 id="join-title" className="panel-title">
        {t.meeting.joinPanel}
      </h2>
      <p className="join-code-label">{t.meeting.codeLabel}</p>
      <p className="join-code" data-testid="join-code">
        {joinCode}
      </p>
      <p className="join-url-label">{t.meeting.urlLabel}</p>
      <p className="join-url" data-testid="join-url">
        {url}
      </p>
    </section>
  );
}
