import { useMemo } from 'react';
import { t } from '../i18n/index.ts';
import { joinQrUrl, qrPath, QUIET_ZONE } from './qr.ts';

/**
 * The QR code of a meeting's join address, as inline SVG. Used small in the
 * facilitator's panel and large on the projector. `size` is a CSS length, or
 * a number of pixels (at most; see below).
 */
export function JoinQr({ code, meetingId, size, className, testId = 'join-qr' }: { code: string; meetingId?: string; size: number | string; className?: string; testId?: string }) {
  const url = joinQrUrl(location.origin, code, meetingId);
  const { path, modules } = useMemo(() => qrPath(url), [url]);
  const side = modules + 2 * QUIET_ZONE;
  // A pixel size shrinks to a whole number of pixels per module, so no
  // module is drawn a pixel wider than its neighbour.
  const px = typeof size === 'number' ? Math.max(1, Math.floor(size / side)) * side : size;
  return (
    <svg
      className={className ? `join-qr ${className}` : 'join-qr'}
      width={px}
      height={px}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={t.people.qrLabel}
      data-testid={testId}
      data-url={url}
    >
      {/* Always dark on white, also in a dark theme: scanners expect it. */}
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} transform={`translate(${QUIET_ZONE} ${QUIET_ZONE})`} fill="#000000" />
    </svg>
  );
}
