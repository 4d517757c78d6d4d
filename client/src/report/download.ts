/**
 * Hands a file to the browser's downloads: a link with `download` to a blob
 * URL, clicked. No server round trip, so it works offline; the URL is
 * revoked later, not at once, because some browsers read it after the click.
 */
export const saveFile = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
