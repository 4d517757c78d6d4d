import {
  foldForMatch,
  matchingKeyword,
  MAX_ROLE_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  NOTE_SIZE,
  PARTS,
  type Rect,
  ROLE_CARD_SIZE,
  shapeBounds,
  shapeContains,
  type Template,
  type ZoneShape,
} from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import {
  CONDITIONS_HEADING,
  DEELS,
  deelOf,
  IDEA_COUNT,
  IDEA_PARTS,
  KADER_1,
  KADER_2,
  PART_INFO,
  PROGRAMMES,
  programmeBoards,
  ROLLEN,
  TEMPLATES,
  templateById,
  VOORBEELDEN,
  voorbeeldCard,
} from '../src/index.ts';
import { inSeeds, inSeedsAsLabel, withoutBullet } from './seeds.ts';
import { nl as nlMessages } from '../../client/src/i18n/nl.ts';

// ---------------------------------------------------------------------------
// The toolkit's words, copied by hand from the seeds (hand-out and manual) so
// a slip in the templates shows up as a difference between two copies.
// ---------------------------------------------------------------------------

const CATEGORIES = [
  ['kennis-en-begrip', 'Kennis en begrip'],
  ['vaardigheden', 'Vaardigheden'],
  ['positie', 'Positie'],
  ['macht-en-middelen', 'Macht en middelen'],
] as const;

/** Kader B1a, "De kracht van formeel". */
const B1A: Record<string, readonly string[]> = {
  'kennis-en-begrip': ['Pedagogische kennis', 'Woorden geven', 'Sociale kaart'],
  vaardigheden: ['Organisatorische vaardigheden', 'Luisteren', 'Multidisciplinaire benadering', 'Objectieve blik'],
  positie: ['Korte lijnen en overzicht', 'Contact met beleidsmakers', 'Link tussen informele werkers', 'Autoriteit en geloofwaardigheid'],
  'macht-en-middelen': ['Financiële middelen', 'Ruimte', 'Formele macht', 'Doorzettingskracht naar instanties'],
};

/** Kader B1b, "De kracht van informeel". */
const B1B: Record<string, readonly string[]> = {
  'kennis-en-begrip': ['Kennis van twee culturen', 'Kennis van sociale omgeving', 'Ervaringsdeskundige', 'Kennis van formeel aanbod'],
  vaardigheden: [
    'Vertalen (letterlijk en figuurlijk)',
    'Verbinden',
    'Passie tonen',
    'Assertief zijn',
    'Ruimte bieden',
    'Sociale dynamiek begeleiden',
    'Helpen schaamte overkomen',
  ],
  positie: [
    'Uitgebreid netwerk',
    'Fysieke nabijheid',
    'Rolmodel/sleutelfiguur',
    'Overzicht wijkgerelateerde problematiek',
    'Niet belemmerd door het systeem',
  ],
  'macht-en-middelen': ['Meer invloed op ouders en kinderen', 'Meer flexibiliteit buiten vaste kaders'],
};

/** The roles as the hand-out prints them (four descriptions differ from the manual's Bijlage 3); stray quote marks around two titles dropped. */
const ROLES_FORMEEL: readonly [string, string][] = [
  ['Coördinator', 'Begeleid informele werkers die als intermediair optreden of coördineert projecten waarin formele en informele werkers samen optreden.'],
  ['Fixer', 'Lost snel praktische problemen op wanneer deze zich voordoen, bedenkt oplossingen en mogelijkheden.'],
  ['Linking pin', 'Brengt informele werkers met elkaar in contact, en verbindt informele werkers ook met andere formele werkers.'],
  ['Netwerker', 'Weet de juiste mensen te bereiken en in te zetten voor het behalen van gezamenlijke doelstellingen.'],
  [
    'Organisator/faciliterende functie',
    'Neemt organisatorische en administratieve taken in de samenwerking voor zijn rekening. Faciliteren van ontmoetingen en bijeenkomsten.',
  ],
  [
    'Katalysator van de positieve beweging',
    'Ziet en erkent de potentie in de plannen of het handelen van informele werkers en helpt deze van de grond te komen/meer impact te hebben/een duurzame vorm te krijgen.',
  ],
  ['Erkenning verstrekker', 'Geeft erkenning voor het werk van de informele werker.'],
  ['Sparringpartner', 'Helpt ideeën te verhelderen, geeft advies aan de informele werker.'],
  ['Deskundige', 'Heeft specifieke pedagogische expertise.'],
  ['Bewaker', 'Is verantwoordelijk voor het bewaken de veiligheid van het kind.'],
];

const ROLES_INFORMEEL: readonly [string, string][] = [
  ['Vertrouwenspersoon', 'Biedt een luisterend oor en wordt in vertrouwen genomen door ouders.'],
  ['laagdrempelig aanspreekpunt', 'Wordt als eerste benaderd in geval van twijfels of problemen.'],
  ['Rolmodel', 'Is een positief voorbeeld voor ouders of jongeren, inspireert beweging en verandering.'],
  ['Voorlichter', 'Geeft basale informatie over opvoeden en over de bestaande voorzieningen.'],
  ['Aanjager', 'Moedigt ouders aan om problemen onder ogen te zien en aan te pakken.'],
  [
    'Katalysator van positieve Beweging',
    'Schept condities voor verandering en stimuleert ouders die graag meer of anders bezig willen zijn met opvoeding om stappen te ondernemen.',
  ],
  [
    'Schepper van de veilige ruimte',
    'Zorgt ervoor dat ouders met elkaar een positief zelfbeeld ontwikkelen op basis waarvan ze keuzes en moeilijkheden in de opvoeding kunnen bespreken.',
  ],
  ['Signaal verstrekker', 'Pikt signalen op en betreft zo nodig formele werkers.'],
  ['Doorverwijzer', 'Verwijst ouders door naar professionele hulp, nadat zij hier door middel van ‘voorwerk’ klaar voor gemaakt zijn.'],
  ['Adviseur van de formele werker', 'Geeft advies aan de formele werker over hoe om te gaan met een specifieke doelgroep.'],
  ['Verhelderaar', 'Helpt problemen van ouders/jongeren te verduidelijken.'],
  ['Meedenker', 'Denkt mee met de formele werker over oplossingen.'],
  ['Begeleider van cliënten', 'Begeleid cliënten samen met formele werkers.'],
  ['Tolk (letterlijk en figuurlijk)', 'Vertaalt tussen de leefwerelden van ouders en professionals en overbrugt taalproblemen.'],
  ['Nazorg verstrekker', 'Blijft in contact met een gezin na een begeleidingstraject en biedt nazorg.'],
  ['Voortraject verstrekker', 'Stoomt gezinnen/ouders klaar voor hulp of advies vanuit formele voorzieningen.'],
  ['Netwerk ontsluiter', 'Biedt toegang tot het eigen netwerk van andere informele of formele werkers.'],
];

/** The hand-out's six pitfalls (part E.5). */
const PITFALLS = [
  '(Gebrek aan) diversiteit en cultuursensitiviteit bij formele werkers.',
  'Bewaken van de informele positie van informele werkers.',
  'Evenwicht tussen last en vermogen.',
  'Voor duurzame verbinding zijn structurele vormen van overleg nodig: samenwerking ad hoc wanneer er een urgent probleem is, leidt vaak tot ontevredenheid.',
  'Betrokkenheid van het management van beide kanten (tijd en ruimte om in de samenwerking te investeren).',
  'Coördinatie en helderheid over verantwoordelijkheden.',
];

/** Bijlage 2: theme, the quote's opening words, its closing words, and who said it. */
const QUOTES: readonly [number, string, string, string, string][] = [
  [1, 'Onevenwichtige machtsrelatie', '“Ik krijg de indruk dat veel vrijwilligers', 'niet bij de aard van hun rol.”', 'manager van hulpverleningsorganisatie'],
  [1, 'Onevenwichtige machtsrelatie', '“Wat nu vaak gebeurt is dat als een gezinscoaching', 'Laat mij eens een voorlichting voor hen verzorgen.”', 'informele werker'],
  [1, 'Onevenwichtige machtsrelatie', '“Ik denk dat professionals ons nodig hebben', 'verwacht dat we alles voor niets doen.”', 'informele werker'],
  [2, 'Loyaliteit en afstand', '“Het belangrijkste is dat sleutelfiguren vanuit zelforganisaties', 'de kern van het probleem zit.”', 'CJG-manager Amsterdam'],
  [2, 'Loyaliteit en afstand', '“Het startsignaal om echt te investeren', 'Maar dat gebeurt in de praktijk bijna nooit.”', 'CJG-manager Amsterdam Zuidoost'],
  [2, 'Loyaliteit en afstand', '“De houding van de professional moet niet zijn', 'je sluit eigenlijk aan bij ons.”', 'informele werker Amsterdam Nieuw West'],
  [2, 'Loyaliteit en afstand', '“Ik kan mij voorstellen dat je moet waken', 'werkt het als zo’n eyeopener!”', 'CJG-manager Amsterdam Nieuw West'],
  [
    3,
    'Gevoeligheid voor andere waarden en de positie als migrant',
    '“Ik denk dat het meestal gewoon vooroordelen zijn.',
    'op een andere manier het gesprek aangaan met het gezin.”',
    'formele werker',
  ],
];

// ---------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------

/**
 * How the client draws a choice row (board/poster/Choices.tsx): buttons 64
 * high, 12 apart, at least 130 wide and growing with "✓ label" in bold
 * 24 px (estimated here at 0.62 em a character, a little over the font's).
 */
const BUTTON = { width: 130, height: 64, gap: 12 };
const buttonWidth = (label: string): number => Math.max(BUTTON.width, Math.ceil(0.62 * 24 * (label.length + 2)) + 40);
/** The client draws the board's title over the top of the poster. */
const TITLE_BAR = 110;

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const boardRect = (t: Template): Rect => ({ x: 0, y: 0, width: t.width, height: t.height });

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether a note of `size` fits somewhere wholly inside the shape (not just its bounding box). */
const noteFits = (s: ZoneShape, size: { width: number; height: number }): boolean => {
  const b = shapeBounds(s);
  for (let y = b.y; y + size.height <= b.y + b.height; y += 10) {
    for (let x = b.x; x + size.width <= b.x + b.width; x += 10) {
      const corners = [
        { x, y },
        { x: x + size.width, y },
        { x, y: y + size.height },
        { x: x + size.width, y: y + size.height },
      ];
      if (corners.every((p) => shapeContains(s, p))) return true;
    }
  }
  return false;
};

const choiceButtons = (c: { at: { x: number; y: number }; options: readonly { label: string }[] }): Rect => ({
  x: c.at.x,
  y: c.at.y,
  width: c.options.reduce((sum, o) => sum + buttonWidth(o.label), 0) + (c.options.length - 1) * BUTTON.gap,
  height: BUTTON.height,
});

/** Every number anywhere inside a value, with where it was found. */
const numbersIn = (v: unknown, path: string, out: [string, number][] = []): [string, number][] => {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersIn(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersIn(x, `${path}.${k}`, out);
  return out;
};

const template = (id: string): Template => {
  const t = templateById(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

// ---------------------------------------------------------------------------
// Every template, generically
// ---------------------------------------------------------------------------

describe('every template', () => {
  it('has a unique id', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is found by its id', () => {
    for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
    expect(templateById('bestaat-niet')).toBeUndefined();
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const board = boardRect(t);
    const note = t.noteSize ?? NOTE_SIZE;

    it('is a landscape poster with words to show', () => {
      expect(t.width).toBeGreaterThanOrEqual(2000);
      expect(t.width).toBeLessThanOrEqual(2800);
      expect(t.height).toBeLessThan(t.width);
      expect(t.title.trim()).not.toBe('');
      expect(t.instructions.trim()).not.toBe('');
      expect(t.background.trim()).not.toBe('');
      expect(t.part === null || PARTS.includes(t.part)).toBe(true);
    });

    it('has zones with unique ids and labels', () => {
      const ids = t.zones.map((z) => z.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const z of t.zones) {
        expect(z.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(z.label.trim()).not.toBe('');
        if (z.limit) expect(z.limit.max).toBeGreaterThan(0);
      }
    });

    it('keeps every zone, label, card, field and table on the board and below the title bar', () => {
      for (const z of t.zones) {
        const b = shapeBounds(z.shape);
        expect(inside(b, board), `zone ${z.id}`).toBe(true);
        expect(b.y, `zone ${z.id} under the title bar`).toBeGreaterThanOrEqual(TITLE_BAR);
        if (z.labelAt) {
          expect(inside({ ...z.labelAt, width: 0, height: 0 }, board), `label of ${z.id}`).toBe(true);
          expect(z.labelAt.y, `label of ${z.id} under the title bar`).toBeGreaterThanOrEqual(TITLE_BAR);
        }
      }
      for (const f of t.fields ?? []) {
        expect(inside(f.rect, board), `field ${f.id}`).toBe(true);
        expect(f.rect.y).toBeGreaterThanOrEqual(TITLE_BAR);
      }
      if (t.table) expect(inside(t.table.rect, board)).toBe(true);
    });

    it('prints each card inside its own zone', () => {
      for (const z of t.zones) {
        if (!z.card) continue;
        expect(z.card.text.trim()).not.toBe('');
        expect(inside(z.card.rect, shapeBounds(z.shape)), `card of ${z.id}`).toBe(true);
        // Cards are printed text: at ~20 px a card narrower or lower than this cannot hold a line.
        expect(z.card.rect.width).toBeGreaterThanOrEqual(300);
        expect(z.card.rect.height).toBeGreaterThanOrEqual(80);
      }
    });

    it('lets zones tile without overlapping', () => {
      // Sampled off the integer grid, so zones that merely share an edge do not count.
      for (let y = 0.5; y < t.height; y += 20) {
        for (let x = 0.5; x < t.width; x += 20) {
          const holders = t.zones.filter((z) => shapeContains(z.shape, { x, y }));
          expect(holders.length, `(${x}, ${y}) in ${holders.map((z) => z.id).join(', ')}`).toBeLessThanOrEqual(1);
        }
      }
    });

    it('fits a note inside every zone', () => {
      for (const z of t.zones) expect(noteFits(z.shape, note), `note in ${z.id}`).toBe(true);
    });

    it('has choice rows whose buttons sit in one zone, clear of its card', () => {
      const ids = (t.choices ?? []).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of t.choices ?? []) {
        expect(c.label.trim()).not.toBe('');
        expect(c.options.length).toBeGreaterThanOrEqual(2);
        const optionIds = c.options.map((o) => o.id);
        expect(new Set(optionIds).size).toBe(optionIds.length);
        for (const o of c.options) expect(o.label.trim()).not.toBe('');
        const buttons = choiceButtons(c);
        expect(inside(buttons, board), `buttons of ${c.id}`).toBe(true);
        const home = t.zones.find((z) => inside(buttons, shapeBounds(z.shape)));
        expect(home, `zone around buttons of ${c.id}`).toBeDefined();
        if (home?.card) expect(overlaps(buttons, home.card.rect), `buttons of ${c.id} over the card`).toBe(false);
      }
    });

    it('has fields and a table that add up', () => {
      const ids = (t.fields ?? []).map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of t.fields ?? []) expect(f.label.trim()).not.toBe('');
      if (t.table) {
        const cols = t.table.columns;
        expect(new Set(cols.map((c) => c.id)).size).toBe(cols.length);
        expect(cols.reduce((s, c) => s + c.width, 0)).toBe(t.table.rect.width);
        for (const c of cols) expect(c.width).toBeGreaterThan(0);
      }
    });

    it('has reference answers that a note can match', () => {
      const zoneIds = new Set(t.zones.map((z) => z.id));
      const refs = t.references ?? [];
      expect(new Set(refs.map((r) => r.id)).size).toBe(refs.length);
      const owner = new Map<string, string>();
      for (const r of refs) {
        expect(zoneIds.has(r.zoneId), `${r.id} → ${r.zoneId}`).toBe(true);
        expect(r.label.trim()).not.toBe('');
        expect(r.keywords.length, r.id).toBeGreaterThanOrEqual(1);
        expect(r.keywords.length, r.id).toBeLessThanOrEqual(5);
        expect(new Set(r.keywords).size, `${r.id} has duplicate keywords`).toBe(r.keywords.length);
        for (const k of r.keywords) {
          // Already folded: lower case, no accents or punctuation, single spaces, trimmed.
          expect(k, `${r.id}: "${k}"`).toBe(foldForMatch(k).trim());
          expect(k.length, `${r.id}: "${k}" is too short to mean anything`).toBeGreaterThanOrEqual(3);
          expect(GENERIC.has(k), `${r.id}: "${k}" would match most notes`).toBe(false);
          expect(owner.get(k), `"${k}" belongs to both ${owner.get(k)} and ${r.id}`).toBeUndefined();
          owner.set(k, r.id);
        }
        // A note saying just the point's own name must count for it.
        expect(matchingKeyword(foldForMatch(r.label), r.keywords), `${r.id} by its own label`).not.toBeNull();
      }
    });

    it('has role cards that fit the role zone', () => {
      if (!t.roles) {
        expect(t.roleZoneId).toBeUndefined();
        return;
      }
      expect(new Set(t.roles.map((r) => r.id)).size).toBe(t.roles.length);
      for (const r of t.roles) {
        expect(r.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
        expect(r.description.length).toBeLessThanOrEqual(MAX_ROLE_DESCRIPTION_LENGTH);
        expect(r.id.startsWith(`${r.side}-`)).toBe(true);
      }
      const zone = t.zones.find((z) => z.id === t.roleZoneId);
      expect(zone).toBeDefined();
      expect(noteFits(zone!.shape, ROLE_CARD_SIZE)).toBe(true);
    });

    it('brings notes in only from a template that exists, into one of its own zones', () => {
      if (!t.bringIn) return;
      expect(templateById(t.bringIn.fromTemplate)).toBeDefined();
      expect(t.zones.map((z) => z.id)).toContain(t.bringIn.zoneId);
      expect(t.bringIn.label.trim()).not.toBe('');
    });

    it('has art made of finite numbers and real colours', () => {
      for (const [path, n] of numbersIn(t.art, 'art')) expect(Number.isFinite(n), path).toBe(true);
      t.art.forEach((a, i) => {
        for (const key of ['fill', 'stroke'] as const) {
          const c = a[key];
          if (c !== undefined) expect(c.trim(), `art[${i}].${key}`).not.toBe('');
        }
        expect(a.fill ?? a.stroke, `art[${i}] draws nothing`).toBeDefined();
        if (a.opacity !== undefined) expect(a.opacity).toBeGreaterThan(0);
        if (a.kind === 'line') expect(a.points.length % 2).toBe(0);
        if (a.kind === 'path') expect(a.data.trim()).not.toBe('');
        if (a.kind === 'text') expect(a.fontSize).toBeGreaterThan(0);
      });
    });
  });
});

/** Keywords so common in notes of this toolkit that they would mark everything as covered. */
const GENERIC = new Set(['kennis', 'werk', 'werker', 'ouders', 'ouder', 'gezin', 'kinderen', 'hulp', 'goed', 'formeel', 'informeel', 'samen', 'kracht']);

// ---------------------------------------------------------------------------
// The toolkit's content
// ---------------------------------------------------------------------------

describe('De kracht van de ander (part B)', () => {
  const cases = [
    ['kracht-formeel', 'De kracht van formeel', B1A, 15],
    ['kracht-informeel', 'De kracht van informeel', B1B, 18],
  ] as const;

  it.each(cases)('%s has the four categories of the frame', (id, title) => {
    const t = template(id);
    expect(t.title).toBe(title);
    expect(t.part).toBe('B');
    expect(t.zones.map((z) => [z.id, z.label])).toEqual(CATEGORIES.map(([i, l]) => [i, l]));
  });

  it.each(cases)('%s knows every strength of its kader', (id, _title, kader, count) => {
    const refs = template(id).references ?? [];
    expect(refs).toHaveLength(count);
    for (const [zoneId] of CATEGORIES) {
      expect(refs.filter((r) => r.zoneId === zoneId).map((r) => r.label)).toEqual(kader[zoneId]);
    }
    for (const r of refs) expect(r.explanation?.trim(), `${r.id} has the manual's explanation`).toBeTruthy();
  });

  const notesFor = (id: string, text: string) =>
    (template(id).references ?? []).filter((r) => matchingKeyword(foldForMatch(text), r.keywords)).map((r) => r.id);

  it('recognises plausible notes of the informal workers about formal workers', () => {
    expect(notesFor('kracht-formeel', 'Ze hebben geld en subsidies')).toContain('financiele-middelen');
    expect(notesFor('kracht-formeel', 'Kennen de sociale kaart van de stad')).toContain('sociale-kaart');
    expect(notesFor('kracht-formeel', 'Korte lijnen met de wijkteams')).toContain('korte-lijnen-en-overzicht');
    expect(notesFor('kracht-formeel', 'Kunnen beslissen en indiceren')).toContain('formele-macht');
    expect(notesFor('kracht-formeel', 'Kennis over ontwikkeling van het kind, pedagogiek')).toContain('pedagogische-kennis');
  });

  it('does not take rooms for room given: "ruimtes (buurthuis, moskee)" is no "Ruimte bieden"', () => {
    expect(notesFor('kracht-informeel', 'ruimtes (buurthuis, moskee)')).not.toContain('ruimte-bieden');
    expect(notesFor('kracht-informeel', 'Ze hebben ruimte: een buurthuis')).not.toContain('ruimte-bieden');
    expect(notesFor('kracht-informeel', 'Ruimte bieden')).toContain('ruimte-bieden');
    expect(notesFor('kracht-informeel', 'Ze geven ouders de ruimte en tijd')).toContain('ruimte-bieden');
    expect(notesFor('kracht-informeel', 'Bieden ruimte om te praten')).toContain('ruimte-bieden');
    expect(notesFor('kracht-informeel', 'Hebben geduld')).toContain('ruimte-bieden');
  });

  it('recognises plausible notes of the formal workers about informal workers', () => {
    expect(notesFor('kracht-informeel', 'Ze kennen beide culturen')).toContain('kennis-van-twee-culturen');
    expect(notesFor('kracht-informeel', 'Spreken de taal van de ouders')).toContain('vertalen');
    expect(notesFor('kracht-informeel', 'Ook bereikbaar in het weekend, ’s avonds')).toContain('meer-flexibiliteit-buiten-vaste-kaders');
    expect(notesFor('kracht-informeel', 'Taboes bespreekbaar maken')).toContain('helpen-schaamte-overkomen');
    expect(notesFor('kracht-informeel', 'Groot netwerk in de gemeenschap')).toContain('uitgebreid-netwerk');
    expect(notesFor('kracht-informeel', 'Wonen in de buurt, dichtbij de gezinnen')).toContain('fysieke-nabijheid');
  });
});

describe('Wat is je eigen kracht? (end of part B)', () => {
  it('asks the hand-out\u2019s two questions', () => {
    const t = template('eigen-kracht');
    expect(t.zones.map((z) => z.label)).toEqual(['Wat is je eigen kracht?', 'Wat kan jij de ander bieden?']);
  });
});

describe('Een nieuw beeld van elkaar (part A)', () => {
  it('is one poster per organisation with the four questions and a drawing', () => {
    const t = template('beeld');
    expect(t.part).toBe('A');
    expect(t.repeatable).toBe(true);
    const labels = t.zones.map((z) => z.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Wie zijn jullie?',
        'Wat doet de organisatie?',
        'Wat willen jullie bereiken met samenwerking?',
        'Wat zoek je bij de ander? Wat kan je zelf bieden?',
        'Tekening',
      ]),
    );
    expect(t.choices?.map((c) => [c.label, c.options.map((o) => o.label)])).toEqual([
      ['Focus', ['Focus op gezin', 'Focus op gemeenschap']],
    ]);
  });
});

describe('Zelf een voorbeeld bedenken (part C)', () => {
  it('is one poster per group, with dot voting across them', () => {
    const t = template('voorbeeld');
    expect(t.part).toBe('C');
    expect(t.repeatable).toBe(true);
    expect(t.voting).toEqual({ limit: 2 });
    expect(t.zones.map((z) => z.id)).toEqual(['doelstelling', 'werkwijze', 'rollen', 'condities']);
  });
});

describe('Wat staat er in de weg? (part D)', () => {
  const t = template('in-de-weg');

  it('prints the eight quotes of Bijlage 2 in order, with their speakers', () => {
    const cards = t.zones.map((z) => z.card);
    expect(cards).toHaveLength(QUOTES.length);
    QUOTES.forEach(([, , start, end, source], i) => {
      const card = cards[i];
      expect(card?.text.startsWith(start), `quote ${i + 1} starts "${start}"`).toBe(true);
      expect(card?.text.endsWith(end), `quote ${i + 1} ends "${end}"`).toBe(true);
      expect(card?.source).toBe(source);
    });
  });

  it('names the theme and the quote number on every zone', () => {
    const perTheme = new Map<number, number>();
    QUOTES.forEach(([theme, title], i) => {
      const n = (perTheme.get(theme) ?? 0) + 1;
      perTheme.set(theme, n);
      const z = t.zones[i];
      expect(z?.label).toBe(`Thema ${theme} · citaat ${n}`);
      expect(z?.hint).toBe(title);
    });
  });
});

describe('Boom van samenwerking (part E.4)', () => {
  const t = template('boom');

  it('has the five parts of the tree', () => {
    expect(t.zones.map((z) => [z.id, z.label])).toEqual([
      ['vruchten', 'Vruchten'],
      ['stam', 'Stam'],
      ['wortels', 'Wortels'],
      ['zon', 'Zon'],
      ['gieter', 'Gieter'],
    ]);
    expect(t.zones.find((z) => z.id === 'stam')?.limit).toEqual({ max: 6, message: 'Kies er maximaal vijf of zes' });
    expect(t.roleZoneId).toBe('stam');
  });

  it('offers all 27 roles of Bijlage 3 with their descriptions', () => {
    const roles = t.roles ?? [];
    const bySide = (side: string) => roles.filter((r) => r.side === side).map((r) => [r.title, r.description]);
    expect(bySide('formeel')).toEqual(ROLES_FORMEEL);
    expect(bySide('informeel')).toEqual(ROLES_INFORMEEL);
    expect(roles).toHaveLength(27);
  });

  it('has a trunk that holds six role cards stacked with gaps', () => {
    const stam = t.zones.find((z) => z.id === 'stam');
    expect(stam).toBeDefined();
    const b = shapeBounds(stam!.shape);
    const gap = 16;
    const stack = { width: ROLE_CARD_SIZE.width, height: 6 * ROLE_CARD_SIZE.height + 5 * gap };
    expect(noteFits(stam!.shape, stack)).toBe(true);
    expect(b.height).toBeGreaterThanOrEqual(900);
  });
});

describe('Valkuilen (part E.5)', () => {
  const t = template('valkuilen');

  const rows = t.zones.filter((z) => z.id.startsWith('valkuil-'));

  it('prints the six pitfalls, each with "van toepassing?"', () => {
    expect(rows.map((z) => z.card?.text)).toEqual(PITFALLS);
    expect(t.choices).toHaveLength(PITFALLS.length);
    for (const c of t.choices ?? []) {
      expect(c.label).toBe('Van toepassing?');
      expect(c.options).toEqual([
        { id: 'ja', label: 'Ja' },
        { id: 'nee', label: 'Nee' },
        { id: 'weet-niet', label: 'Weet niet' },
      ]);
    }
  });

  it('puts each row\u2019s buttons under its card, inside the row', () => {
    rows.forEach((z, i) => {
      const c = t.choices?.[i];
      expect(c).toBeDefined();
      const buttons = choiceButtons(c!);
      expect(inside(buttons, shapeBounds(z.shape))).toBe(true);
      expect(buttons.y).toBeGreaterThanOrEqual(z.card!.rect.y + z.card!.rect.height);
    });
  });
});

describe('Valkuilen: the group\u2019s own (part E.5)', () => {
  it('has room for the group\u2019s own pitfalls under the six, without a printed card or a question', () => {
    const t = template('valkuilen');
    expect(t.zones.map((z) => z.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `valkuil-${n}`).concat('eigen-valkuilen'));
    const own = t.zones.at(-1)!;
    expect(own.card).toBeUndefined();
    const last = shapeBounds(t.zones[5]!.shape);
    expect(shapeBounds(own.shape).y).toBeGreaterThanOrEqual(last.y + last.height);
  });
});

describe('Afspraken voor vervolg (parts E.6 and F)', () => {
  const t = template('afspraken');

  it('has the agreements table wat, wie, wanneer and who writes them up', () => {
    expect(t.table?.columns.map((c) => [c.id, c.label])).toEqual([
      ['wat', 'Wat?'],
      ['wie', 'Wie?'],
      ['wanneer', 'Wanneer?'],
    ]);
    expect(t.fields?.map((f) => [f.id, f.label])).toEqual([['verslag', 'Wie zet de afspraken op papier?']]);
  });

  it('has a zone covering the table', () => {
    const zone = t.zones.find((z) => z.id === 'afspraken');
    expect(zone).toBeDefined();
    expect(inside(t.table!.rect, shapeBounds(zone!.shape))).toBe(true);
  });
});

describe('Een wens voor de toekomst (part G)', () => {
  it('writes big letters with the hand-out\'s salutation "Lieve" printed, not typed', () => {
    const t = template('wens');
    expect(t.letter?.salutation).toBe('Lieve');
    expect(t.instructions).toContain('“Lieve….”');
    expect(t.noteSize?.width).toBeGreaterThanOrEqual(300);
    expect(t.noteSize?.height).toBeGreaterThanOrEqual(200);
  });
});

// ---------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------

const VOLLEDIG = [
  'beeld',
  'presentaties',
  'kracht-informeel',
  'kracht-formeel',
  'eigen-kracht',
  'voorbeelden',
  'ideeen',
  'in-de-weg',
  'kern',
  'boom',
  'valkuilen',
  'afspraken',
  'evaluatie',
  'wens',
  'fietsbel',
];

describe('programmes', () => {
  it('describes every part with the toolkit\u2019s title and its deel', () => {
    expect(Object.keys(PART_INFO)).toEqual([...PARTS]);
    expect(PART_INFO.A.title).toBe('Een nieuw beeld van elkaar');
    expect(PART_INFO.B.title).toBe('De kracht van de ander');
    expect(PART_INFO.C.title).toBe('Vormen van samenwerking');
    expect(PART_INFO.D.title).toBe('Wat staat er in de weg?');
    expect(PART_INFO.E.title).toBe('De kern van het samen doen');
    expect(PART_INFO.F.title).toBe('Evaluatie: Afspraken voor vervolg');
    expect(PART_INFO.G.title).toBe('Afsluiting: Een wens voor de toekomst');
    expect(PARTS.map((p) => PART_INFO[p].deel)).toEqual([1, 1, 2, 2, 3, 3, 3]);
    for (const p of PARTS) {
      const m = PART_INFO[p].minutes;
      if (m) expect(m.min).toBeLessThanOrEqual(m.max);
    }
    expect(DEELS).toEqual({
      1: 'Deel 1: Verkenning',
      2: 'Deel 2: Visie op samenwerking',
      3: 'Deel 3: Opzetten van samenwerking',
    });
  });

  it('lists the templates in the order of the full programme, the free board last', () => {
    // Every idea on one board ('ideeen') in the programme; one board per idea ('voorbeeld') beside it, to add.
    expect(TEMPLATES.map((t) => t.id)).toEqual([...VOLLEDIG.slice(0, 7), 'voorbeeld', ...VOLLEDIG.slice(7), 'vrij']);
    expect(template('vrij')).toMatchObject({ part: null, zones: [], art: [] });
  });

  it('has the full meeting and the kennismaking', () => {
    expect(PROGRAMMES.map((p) => [p.id, p.title])).toEqual([
      ['volledig', 'Volledige bijeenkomst'],
      ['kennismaking', 'Kennismaking'],
    ]);
    for (const p of PROGRAMMES) expect(p.description.trim()).not.toBe('');
    expect(programmeBoards({ programme: 'volledig' }).map((b) => b.template)).toEqual(VOLLEDIG);
    const kennismaking = programmeBoards({ programme: 'kennismaking' });
    expect(kennismaking.map((b) => b.template)).toEqual(['beeld', 'presentaties', 'kracht-informeel', 'kracht-formeel', 'eigen-kracht']);
    for (const b of kennismaking) expect(deelOf(b.template)).toBe(1);
  });

  it('titles boards after their templates, numbering repeats', () => {
    expect(programmeBoards({ templates: ['beeld', 'beeld', 'vrij'] })).toEqual([
      { template: 'beeld', title: 'Een nieuw beeld van elkaar' },
      { template: 'beeld', title: 'Een nieuw beeld van elkaar (2)' },
      { template: 'vrij', title: 'Vrij bord' },
    ]);
    expect(programmeBoards({ templates: [] })).toEqual([]);
  });

  it('rejects unknown ids with a clear message', () => {
    expect(() => programmeBoards({ programme: 'bestaat-niet' })).toThrow(/programme "bestaat-niet"/);
    expect(() => programmeBoards({ templates: ['beeld', 'bestaat-niet'] })).toThrow(/template "bestaat-niet"/);
  });

  it('knows the deel of each board', () => {
    expect(deelOf('beeld')).toBe(1);
    expect(deelOf('voorbeeld')).toBe(2);
    expect(deelOf('ideeen')).toBe(2);
    expect(deelOf('in-de-weg')).toBe(2);
    expect(deelOf('boom')).toBe(3);
    expect(deelOf('afspraken')).toBe(3);
    expect(deelOf('wens')).toBe(3);
    expect(deelOf('vrij')).toBeNull();
    expect(deelOf('bestaat-niet')).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Every text added for issue 17, quoted from the seeds word for word
// ---------------------------------------------------------------------------

describe('the seed check itself', () => {
  it('finds the toolkit\u2019s words and nothing else', () => {
    expect(inSeeds('Wat moet er nu gebeuren?')).toBe(true);
    // Across a hyphenated line end of the manual ("isole-/ment"), and a real hyphen at one ("Oost-/Europese").
    expect(inSeeds('verbreken van isolement van Afrikaanse vrouwen')).toBe(true);
    expect(inSeeds('Midden- en Oost-Europese migranten')).toBe(true);
    // A paraphrase, a changed word, or words from the wrong document are not quotes.
    expect(inSeeds('Wat moet er nu gaan gebeuren?')).toBe(false);
    expect(inSeeds('Begeleidt informele werkers die als intermediair optreden', 'handleiding')).toBe(true);
    expect(inSeeds('Begeleidt informele werkers die als intermediair optreden', 'hand-out')).toBe(false);
    expect(inSeeds('')).toBe(false);
    expect(inSeedsAsLabel('Wat is er gezegd?')).toBe(true);
    expect(inSeedsAsLabel('Wat is er allemaal gezegd?')).toBe(false);
  });
});

const expectQuoted = (texts: readonly string[], what: string) => {
  for (const text of texts) expect(inSeeds(text), `${what}: "${text}"`).toBe(true);
};
const expectLabels = (texts: readonly string[], what: string) => {
  for (const text of texts) expect(inSeedsAsLabel(text), `${what}: "${text}"`).toBe(true);
};
/** Instructions made of several quoted sentences, in this order. */
const expectInstructions = (t: Template, fragments: readonly string[]) => {
  expect(t.instructions).toBe(fragments.join(' '));
  expectQuoted(fragments, `${t.id} instructions`);
};
const zone = (t: Template, id: string) => {
  const z = t.zones.find((x) => x.id === id);
  if (!z) throw new Error(`${t.id} has no zone ${id}`);
  return z;
};

describe('Voorbeelden van samenwerking (part C)', () => {
  const t = template('voorbeelden');

  it('prints the five examples of the slides and the manual, each with its conditions', () => {
    expect(t.part).toBe('C');
    expectLabels([t.title], 'title');
    expect(VOORBEELDEN.map((v) => v.number)).toEqual([1, 2, 3, 4, 5]);
    // The five the issue names, one to a card, in the manual's order.
    const places = ['Dordrecht', 'Nieuw-West', 'M. (informele werker)', 'SIAZ', 'Idhem'];
    VOORBEELDEN.forEach((v, i) => {
      const z = zone(t, `voorbeeld-${v.number}`);
      expect(z.label).toBe(`Voorbeeld ${v.number}`);
      expectQuoted([z.label], 'label');
      expect(z.hint).toBe(v.name);
      expectLabels([v.name], `name of ${v.number}`);
      expect(z.card?.text).toBe(voorbeeldCard(v));
      expect(z.card?.text).toContain(places[i]);
      expect(v.conditions.length, `conditions of ${v.number}`).toBeGreaterThanOrEqual(1);
      expectQuoted(v.lines.map(withoutBullet), `example ${v.number}`);
      expectQuoted(v.conditions.map(withoutBullet), `conditions of ${v.number}`);
    });
    expectLabels([CONDITIONS_HEADING.replace(/:$/, '')], 'heading');
  });

  it('asks the hand-out\u2019s question, answered by the group and later voted on per example', () => {
    const band = zone(t, 'voorkeur');
    expectQuoted([band.label], 'preference');
    expect(t.choices).toHaveLength(1);
    const choice = t.choices![0]!;
    expectLabels([choice.label], 'choice');
    expect(choice.options.map((o) => o.label)).toEqual(VOORBEELDEN.map((v) => `Voorbeeld ${v.number}`));
    const buttons = choiceButtons(choice);
    expect(inside(buttons, shapeBounds(band.shape))).toBe(true);
    expect(t.ideas?.voting.limit).toBe(1);
    expect(t.ideas?.list.map((i) => i.zoneIds)).toEqual(VOORBEELDEN.map((v) => [`voorbeeld-${v.number}`]));
    expectQuoted([t.instructions], 'instructions');
    // The per-board dots of 'voorbeeld' would count this board as an idea: it has none.
    expect(t.voting).toBeUndefined();
  });
});

describe('Samenwerkingsvoorbeelden: every group\u2019s idea on one board (part C, extra)', () => {
  const t = template('ideeen');

  it('has a column per idea with its name and the hand-out\u2019s four parts', () => {
    expectLabels([t.title], 'title');
    expect(t.ideas?.list).toHaveLength(IDEA_COUNT);
    expectLabels([...IDEA_PARTS.map((p): string => p.label), 'Idee', 'Vorm'], 'parts');
    t.ideas!.list.forEach((idea, i) => {
      const n = i + 1;
      expect(idea.label).toBe(`Idee ${n}`);
      expect(idea.zoneIds).toEqual(IDEA_PARTS.map((p) => `idee-${n}-${p.id}`));
      expect(idea.zoneIds.map((id) => zone(t, id).label)).toEqual(IDEA_PARTS.map((p) => `Idee ${n} · ${p.label}`));
      expect(t.fields?.find((f) => f.id === idea.fieldId)?.label).toBe(`Idee ${n} · Vorm`);
      // A column: its zones one above the other, its name above them.
      const xs = idea.zoneIds.map((id) => shapeBounds(zone(t, id).shape).x);
      expect(new Set(xs).size).toBe(1);
    });
    // Every zone belongs to exactly one idea.
    expect(t.ideas!.list.flatMap((i) => i.zoneIds).sort()).toEqual(t.zones.map((z) => z.id).sort());
    expect(t.ideas!.voting.limit).toBeGreaterThanOrEqual(1);
    expect(t.voting).toBeUndefined();
  });

  it('quotes the hand-out', () => {
    expectInstructions(t, [
      'Benoem expliciet wat de doelstelling van de samenwerking is, wat er precies gedaan wordt en wie welke rol heeft. Denk ook na over belangrijke randvoorwaarden voor het slagen van de samenwerking.',
      'Maak samen de keuze voor de meest aansprekende samenwerkingsvorm.',
    ]);
    expectQuoted([t.optional!], 'optional');
  });
});

describe('De kern van het samen doen, per partnership (part E.3)', () => {
  const t = template('kern');

  it('has doelstelling, werkwijze, inbreng van de partners and condities, and who writes the short report', () => {
    expect(t.part).toBe('E');
    expect(t.repeatable).toBe(true);
    expect(t.title).toBe(PART_INFO.E.title);
    expect(t.zones.map((z) => z.id)).toEqual(['doelstelling', 'werkwijze', 'inbreng', 'condities']);
    expectLabels(t.zones.map((z) => z.label), 'label');
    expectLabels(t.zones.map((z) => z.hint!), 'hint');
    expect(t.fields?.map((f) => f.id)).toEqual(['verslag']);
    expectLabels(t.fields!.map((f) => f.label), 'field');
    expectInstructions(t, [
      'Spreek eerst af wie een kort verslagje maakt van wat in dit onderdeel uitgewisseld wordt.',
      'Vervolgens gaan ze concreet met elkaar bespreken wat zij met elkaar willen doen.',
      'Leg ideeën op tafel en kijk of je op een lijn zit.',
    ]);
  });
});

describe('Evaluatie (part F)', () => {
  const t = template('evaluatie');

  it('collects in plenary what came out, the evaluation and the next steps', () => {
    expect(t.part).toBe('F');
    expectLabels([t.title], 'title');
    expect(t.zones.map((z) => z.id)).toEqual(['uit-de-sessie', 'evalueren', 'vervolg']);
    expectLabels(t.zones.map((z) => z.label), 'label');
    expectInstructions(t, [
      'De gehele groep zit weer bij elkaar.',
      'Vervolgens evalueren de deelnemers de bijeenkomst plenair en worden er concrete stappen voor een vervolg genoemd.',
    ]);
  });
});

describe('De fietsbel (part G)', () => {
  const t = template('fietsbel');

  it('asks "Wat moet er nu gebeuren?" and gathers what was said', () => {
    expect(t.part).toBe('G');
    expectLabels([t.title], 'title');
    expect(t.zones.map((z) => z.label)).toEqual(['Wat moet er nu gebeuren?', 'Wat is er gezegd?']);
    expectLabels(t.zones.map((z) => z.label), 'label');
    expectLabels(t.zones.map((z) => z.hint!), 'hint');
    expectInstructions(t, ['Iedereen mag eerst even zelf nadenken over de vraag: Wat moet er nu gebeuren?', 'Je vraagt elkaar: Wat moet er nu gebeuren?']);
  });

  it('stands beside the letter, after it', () => {
    const ids = TEMPLATES.map((x) => x.id);
    expect(ids.indexOf('fietsbel')).toBe(ids.indexOf('wens') + 1);
  });
});

describe('Een nieuw beeld van elkaar: kader 1 and 2, and the notes during the presentations (part A)', () => {
  const beeld = template('beeld');

  it('prints kader 1 and 2 as the hand-out does, below the four questions', () => {
    const k1 = zone(beeld, 'kader-1');
    const k2a = zone(beeld, 'kader-2-gezin');
    const k2b = zone(beeld, 'kader-2-gemeenschap');
    expectLabels([k1.label, k2a.label, k2b.label, KADER_1.title, KADER_2.title], 'kader');
    expect(k1.card?.text).toBe(KADER_1.text.join('\n'));
    expect(k2a.card?.text).toBe([KADER_2.gezin.heading, ...KADER_2.gezin.text].join('\n'));
    // The second column of kader 2 is headed by its focus: "Kader 2" and its title are printed once, as on the hand-out.
    expect(k2b.label).toBe(KADER_2.gemeenschap.heading);
    expect(k2b.hint).toBeUndefined();
    expect(k2b.card?.text).toBe(KADER_2.gemeenschap.text.join('\n'));
    const printed = beeld.zones.flatMap((z) => [z.label, z.hint ?? '', ...(z.card?.text.split('\n') ?? [])]);
    expect(printed.filter((l) => l === 'Kader 2')).toHaveLength(1);
    expect(printed.filter((l) => l === KADER_2.title)).toHaveLength(1);
    expectQuoted(
      [...KADER_1.text, KADER_2.gezin.heading, ...KADER_2.gezin.text, KADER_2.gemeenschap.heading, ...KADER_2.gemeenschap.text]
        .filter((l) => l !== '')
        .map(withoutBullet),
      'kader',
    );
    const questions = beeld.zones.filter((z) => !z.id.startsWith('kader-')).map((z) => shapeBounds(z.shape));
    const lowest = Math.max(...questions.map((b) => b.y + b.height));
    for (const k of [k1, k2a, k2b]) expect(shapeBounds(k.shape).y).toBeGreaterThanOrEqual(lowest);
  });

  it('has the hand-out\u2019s box for notes during the presentations', () => {
    const t = template('presentaties');
    expect(t.part).toBe('A');
    expectLabels([t.title], 'title');
    expect(t.zones.map((z) => z.label)).toEqual(['Doelstellingen waar ik mij in kan vinden', 'Vragen/ twijfels']);
    expectQuoted(t.zones.map((z) => z.label), 'label');
    expectQuoted([t.instructions], 'instructions');
  });
});

describe('Wat staat er in de weg? For the facilitator only (part D)', () => {
  const t = template('in-de-weg');

  it('carries the manual\u2019s explanation per theme and the VEILIGE RUIMTE box', () => {
    const notes = t.facilitatorNotes ?? [];
    expect(notes.map((n) => n.id)).toEqual(['thema-1', 'thema-2', 'thema-3', 'veilige-ruimte']);
    expect(notes.map((n) => n.title)).toEqual([
      'Onevenwicht in macht en middelen',
      'Loyaliteit en afstand',
      'Gevoeligheid voor andere waarden en de positie als migrant',
      'VEILIGE RUIMTE',
    ]);
    expectQuoted(notes.map((n) => n.title), 'title');
    for (const n of notes) {
      expect(n.paragraphs.length, n.id).toBeGreaterThanOrEqual(2);
      for (const p of n.paragraphs) expectQuoted(p, n.id);
    }
  });

  it('never prints them on the poster', () => {
    const printed = t.zones.flatMap((z) => [z.label, z.hint ?? '', z.card?.text ?? '']).join('\n') + t.instructions;
    for (const n of t.facilitatorNotes ?? []) for (const p of n.paragraphs) for (const f of p) expect(printed).not.toContain(f.slice(0, 40));
  });
});

describe('E.5 and the optional parts', () => {
  it('names the group\u2019s own pitfalls in the manual\u2019s words', () => {
    expectLabels([zone(template('valkuilen'), 'eigen-valkuilen').label], 'own pitfalls');
  });

  it('marks the optional parts with the toolkit\u2019s words, and only those', () => {
    const optional = TEMPLATES.filter((t) => t.optional).map((t) => t.id);
    expect(optional).toEqual(['ideeen', 'voorbeeld', 'boom', 'valkuilen']);
    for (const t of TEMPLATES) if (t.optional) expectQuoted([t.optional], t.id);
  });
});

describe('the role cards', () => {
  it('read as the hand-out participants hold prints them', () => {
    for (const r of ROLLEN) expect(inSeeds(r.description, 'hand-out'), `${r.title}: ${r.description}`).toBe(true);
    // The four where the hand-out and the manual differ.
    const byTitle = new Map(ROLLEN.map((r) => [r.title, r.description]));
    expect(byTitle.get('Coördinator')).toMatch(/^Begeleid informele/);
    expect(byTitle.get('Organisator/faciliterende functie')).toContain('administratieve taken');
    expect(byTitle.get('Rolmodel')).toMatch(/^Is een positief voorbeeld voor/);
    expect(byTitle.get('Signaal verstrekker')).toContain('betreft');
  });
});

describe('joining as both (the join page, client/src/i18n)', () => {
  it('says "both" in the manual’s words', () => {
    // "Soms blijken deelnemers zowel formeel als informeel werker te zijn" (handleiding).
    expect(inSeedsAsLabel(nlMessages.join.sideHint.beide)).toBe(true);
    expect(inSeeds('Soms blijken deelnemers zowel formeel als informeel werker te zijn', 'handleiding')).toBe(true);
  });
});
