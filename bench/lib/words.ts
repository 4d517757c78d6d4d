/** Dutch words and short sentences like the ones written on the notes of a real meeting. */
export const WORDS = (
  'ouders buurt school vertrouwen wijkteam jongeren taal kennis netwerk moskee sportclub huisarts zorg ' +
  'samen luisteren afspraken vrijwilligers tijd geld regels cultuur respect gesprek hulp kinderen thuis ' +
  'verwijzen drempel wachtlijst formulier begrip contact sleutelfiguur opvoeding armoede schulden werk ' +
  'eenzaamheid buurvrouw koffie ochtend huisbezoek signaal zorgen vragen bellen meedenken doorverwijzen ' +
  'informeel formeel gemeente woningcorporatie jeugdzorg welzijn inloop moeder vader oma broer ' +
  'snel dichtbij laagdrempelig eerlijk geduldig betrouwbaar niet altijd vaak soms wel meer minder ' +
  'goed de het een van voor met bij in op naar over en maar ook'
).split(' ');

/** A note's text: `min`–`max` words, the first capitalised. */
export const sentence = (r: () => number, min = 3, max = 12): string => {
  const n = min + Math.floor(r() * (max - min + 1));
  const w = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  return w.join(' ').replace(/^./, (c) => c.toUpperCase());
};
