/**
 * Which browser pages may talk to this server. A page elsewhere on the web
 * must not open a websocket or post a join with a participant's browser
 * (cross-site websocket hijacking, CSRF). Programs that send no Origin (the
 * tests, a load balancer's health check) are not browsers and pass.
 *
 * `allowed` lists origins like "https://bodem.example.nl"; null means the
 * page's own origin only: the Origin's host must be the Host the request
 * was sent to (a proxy in front must pass the Host header on).
 */
export const originPermitted = (origin: string | undefined, host: string | undefined, allowed: readonly string[] | null): boolean => {
  if (origin === undefined) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
};
