import qrcode from 'qrcode-generator';
import { joinLinkPath, joinPath } from '../router.ts';

/** White modules around the code; the QR standard asks for four. */
export const QUIET_ZONE = 4;

/** The address a tablet's camera opens: the join page with the code filled in. */
export const joinUrl = (origin: string, code: string): string => `${origin}${joinPath(code)}`;
/** The address in the QR code: with the meeting id, when known (see joinLinkPath). */
export const joinQrUrl = (origin: string, code: string, meetingId?: string): string =>
  meetingId ? `${origin}${joinLinkPath(code, meetingId)}` : joinUrl(origin, code);

/**
 * The dark modules of a QR code for `text`, as one SVG path (a rectangle per
 * horizontal run of dark modules) in module units. Drawn by React as inline
 * SVG: no image request, no markup strings, nothing the CSP has to allow.
 * Error correction M (15 %) keeps the code coarse enough to scan from the
 * back of a room off a projector.
 */
export const qrPath = (text: string): { path: string; modules: number } => {
  const qr = qrcode(0, 'M');
  // The library takes one byte per character: hand it the UTF-8 bytes, or
  // anything beyond Latin-1 (an internationalised host name) is mangled.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!qr.isDark(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && qr.isDark(y, x)) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  }
  return { path, modules: n };
};
