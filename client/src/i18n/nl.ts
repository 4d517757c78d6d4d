import type { NoteColor, Role, Side } from '@bodem/shared';

/**
 * Every string the UI shows, in Dutch. Short words for people who read Dutch
 * as a second language. An English locale later gets the same shape
 * (`Messages`), so a missing translation is a type error.
 */
export const nl = {
  appName: 'Bodem',
  loading: 'Laden…',
  backToStart: 'Naar de startpagina',

  start: {
    title: 'Bodem',
    lead: 'Samen posters maken tijdens de bijeenkomst.',
    newMeeting: 'Nieuwe bijeenkomst',
    titleLabel: 'Titel van de bijeenkomst',
    titlePlaceholder: 'Bijvoorbeeld: Samenwerking in de wijk',
    create: 'Bijeenkomst maken',
    titleRequired: 'Geef de bijeenkomst een titel.',
    creating: 'Bezig…',
    joinInstead: 'Heb je een code? Meedoen',
    recent: 'Jouw bijeenkomsten op dit apparaat',
    open: 'Openen',
    programme: 'Programma',
    ownSelection: 'Zelf borden kiezen',
    pickOne: 'Kies minstens één bord.',
  },

  join: {
    title: 'Meedoen',
    lead: 'Vul de code in die de gespreksleider laat zien.',
    codeLabel: 'Code',
    codeHint: '6 letters en cijfers',
    nameLabel: 'Naam',
    sideLegend: 'Ik werk',
    sideHint: {
      formeel: 'Bijvoorbeeld CJG, wijkteam',
      informeel: 'Vrijwilliger of sleutelfiguur',
    } satisfies Record<Side, string>,
    submit: 'Meedoen',
    submitting: 'Bezig…',
    errors: {
      code: 'Deze code is niet compleet. Een code heeft 6 tekens.',
      name: 'Vul je naam in.',
      side: 'Kies formeel of informeel.',
    },
  },

  sides: {
    formeel: 'Formeel',
    informeel: 'Informeel',
  } satisfies Record<Side, string>,

  roles: {
    facilitator: 'Gespreksleider',
    participant: 'Deelnemer',
    projector: 'Projector',
  } satisfies Record<Role, string>,

  colors: {
    geel: 'Geel',
    blauw: 'Blauw',
    groen: 'Groen',
    roze: 'Roze',
    oranje: 'Oranje',
    paars: 'Paars',
  } satisfies Record<NoteColor, string>,

  status: {
    connected: 'verbonden',
    offline: 'niet verbonden — je werk blijft bewaard',
    closed: 'niet verbonden',
    saving: 'opslaan…',
    saved: 'opgeslagen',
    label: 'Verbinding',
  },

  board: {
    canvasLabel: 'Bord. Tik op een lege plek om een notitie te maken.',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    zoomFit: 'Hele bord',
    noteEditorLabel: 'Tekst van de notitie',
    done: 'Klaar',
    nextNote: 'Nieuwe notitie',
    edit: 'Bewerken',
    delete: 'Verwijderen',
    colorGroup: 'Kleur',
    toolbarLabel: 'Notitie',
    readOnly: 'Alleen bekijken',
    newerSchema: 'Deze bijeenkomst is gemaakt met een nieuwere versie — herlaad de pagina',
    reload: 'Herlaad de pagina',
    noBoard: 'Het bord wordt geladen…',
    noBoardOffline: 'Het bord wordt geladen zodra er verbinding is…',
    bundleLabel: 'Bundel van {n} notities',
    unbundle: 'Bundel losmaken',
    emptyNote: '(leeg)',
    roleToolbarLabel: 'Rolkaart',
  },

  boards: {
    heading: 'Borden',
    addBoard: 'Bord toevoegen',
    addTitle: 'Welk bord?',
    addTitleLabel: 'Naam van het bord',
    add: 'Toevoegen',
    cancel: 'Annuleren',
    current: '(open)',
    other: 'Overig',
    votes: '{n} stemmen',
    votesOne: '1 stem',
  },

  roleCards: {
    palette: 'Rollen',
    paletteHint: 'Tik op een rol om hem in de stam te zetten, of sleep hem naar een plek.',
    formeel: 'Rollen van de formele werker',
    informeel: 'Rollen van de informele werker',
    own: 'Eigen rol',
    ownTitle: 'Naam van de rol',
    ownDescription: 'Wat doet deze rol?',
    ownSide: 'Van wie is de rol?',
    ownAdd: 'Rol toevoegen',
    sideNone: 'Samen',
    add: 'In de stam',
    showPalette: 'Rollen',
    bringInEmpty: 'Nog niets geschreven bij "Wat is je eigen kracht?".',
    bringInAdd: 'Zet bij de wortels',
    hidePalette: 'Rollen verbergen',
  },

  references: {
    heading: 'Controleantwoorden',
    show: 'Toon op het bord',
    hide: 'Verberg op het bord',
    blindSpots: 'Blinde vlekken: nog niet genoemd',
    allCovered: 'Alles uit de lijst is genoemd.',
    covered: 'Genoemd',
    rule: 'Een antwoord telt als genoemd als een notitie op dit bord een van deze woorden bevat:',
    count: '{n} van {total} genoemd',
  },

  voting: {
    vote: 'Stem op dit idee',
    unvote: 'Stem terugnemen',
    left: 'Je hebt nog {n} van {limit} stemmen.',
    none: 'Je stemmen zijn op. Neem een stem terug om opnieuw te kiezen.',
    count: '{n} stemmen',
    countOne: '1 stem',
    label: 'Stemmen',
  },

  run: {
    heading: 'Leiden',
    timer: 'Timer',
    timerLabel: 'Waarvoor?',
    minutes: 'Minuten',
    start: 'Start',
    pause: 'Pauze',
    resume: 'Verder',
    stop: 'Stop',
    presets: [
      { label: 'Individueel nadenken', minutes: 5 },
      { label: 'Voorbereiden', minutes: 20 },
      { label: 'Presenteren', minutes: 10 },
      { label: 'Bespreken', minutes: 15 },
    ],
    timeUp: 'De tijd is om',
    timerAria: 'Resterende tijd',
    send: 'Groepen sturen',
    sendSide: '{side} naar',
    sendOrg: 'Per organisatie',
    sendPerson: 'Per persoon',
    sendNone: '(niet sturen)',
    sendButton: 'Stuur naar de borden',
    sendKracht: 'Deel B: formeel → De kracht van informeel, informeel → De kracht van formeel',
    sent: 'Verstuurd',
    board: 'Dit bord',
    lock: 'Op slot zetten',
    unlock: 'Van het slot halen',
    lockReason: 'Reden voor de deelnemers',
    lockDefault: 'De gespreksleider heeft dit bord op slot gezet.',
    voting: 'Stemmen',
    votingOpen: 'Stemmen openen',
    votingClose: 'Stemmen sluiten',
    follow: 'Volg mij',
    followOn: 'Iedereen volgt mij',
    followOff: 'Niet meer volgen',
    projector: 'Projector',
    projectorOpen: 'Projector openen',
    projectorMode: 'De projector toont',
    modes: { follow: 'Wat ik laat zien (volg mij)', board: 'Eén bord', side: 'Borden naast elkaar', merged: 'Borden samengevoegd' },
    projectorBoards: 'Welke borden?',
    projectorShow: 'Toon',
  },

  meetingState: {
    locked: 'Op slot: {reason}',
    lockedFacilitator: 'Op slot voor de deelnemers: {reason}',
    following: 'Je volgt de gespreksleider',
    votingClosed: 'Het stemmen is gesloten.',
    sentTo: 'De gespreksleider stuurt je naar: {board}',
  },

  projector: {
    title: 'Projector',
    join: 'Doe mee',
    merged: 'Samengevoegd: {boards}',
    nothing: 'De gespreksleider kiest wat hier te zien is.',
  },

  agreements: {
    add: 'Nieuwe afspraak',
    edit: 'Afspraak bewerken',
    save: 'Klaar',
    delete: 'Verwijderen',
    fieldEdit: 'Invullen',
    empty: 'Nog geen afspraken. Tik op "Nieuwe afspraak".',
  },

  meeting: {
    joinPanel: 'Meedoen',
    codeLabel: 'Code',
    urlLabel: 'Of ga naar',
    presence: 'Aanwezig',
    you: '(jij)',
    showPanel: 'Aanwezig',
    hidePanel: 'Paneel verbergen',
    deleteMeeting: 'Bijeenkomst verwijderen',
    deleteConfirm: 'Alles van deze bijeenkomst wordt voorgoed gewist. Weet je het zeker?',
    deleteYes: 'Ja, alles wissen',
    deleteNo: 'Annuleren',
    deleting: 'Bezig met wissen…',
    untitled: 'Bijeenkomst',
  },

  closed: {
    title: 'Geen verbinding met deze bijeenkomst',
    byCode: {
      4400: 'De verbinding is geweigerd omdat er iets niet klopte.',
      4401: 'Je toegang tot deze bijeenkomst is verlopen of ongeldig. Meld je opnieuw aan met de code.',
      4403: 'Je mag deze bijeenkomst niet openen.',
      4404: 'Deze bijeenkomst bestaat niet (meer).',
      4410: 'Deze bijeenkomst is verwijderd door de gespreksleider.',
      4408: 'De gespreksleider heeft je uit deze bijeenkomst gehaald.',
      4422: 'Deze bijeenkomst kan nu niet worden geopend: de opgeslagen gegevens zijn beschadigd. De beheerder kan ze herstellen; wat op deze tablet staat blijft bewaard.',
      4429: 'Deze bijeenkomst heeft het grootste aantal verbindingen dat kan. Sluit tabbladen die je niet gebruikt en probeer het dan opnieuw.',
      1009: 'De wijzigingen op deze tablet zijn te groot om in één keer te versturen. Ze blijven op deze tablet bewaard; vraag de gespreksleider om hulp.',
    } as Record<number, string>,
    fallback: 'De server heeft de verbinding gesloten.',
    toJoin: 'Naar de aanmeldpagina',
  },

  errors: {
    network: 'Geen verbinding met de server. Controleer de wifi en probeer het opnieuw.',
    unknown: 'Er ging iets mis. Probeer het opnieuw.',
  },

  tools: {
    label: 'Gereedschap',
    select: 'Kiezen',
    pen: 'Pen',
    eraser: 'Gum',
    inks: { zwart: 'Zwart', blauw: 'Blauw', rood: 'Rood', groen: 'Groen' },
    widths: ['Dun', 'Middel', 'Dik'],
  },

  notFound: {
    title: 'Deze pagina bestaat niet',
  },

  /** The facilitator's exports: the whole meeting as PDF, the open board as PNG, the report as Markdown. */
  report: {
    heading: 'Verslag',
    lead: 'Wordt op dit apparaat gemaakt, ook zonder internet.',
    pdf: 'PDF',
    pdfLabel: 'PDF van de hele bijeenkomst',
    png: 'PNG van dit bord',
    markdown: 'Tekst (Markdown)',
    busy: 'Bezig…',
    done: '{name} is klaar ({seconds} s).',
    doneFast: '{name} is klaar.',
    failed: 'Dat lukte niet. Probeer het opnieuw.',
    numberLocale: 'nl-NL',
  },

  /** Joining (organisation, joining again, QR code) and the facilitator's list of people. */
  people: {
    orgLabel: 'Organisatie',
    orgHint: 'Mag leeg blijven. Bijvoorbeeld: CJG, buurthuis, moskee',
    continueLead: 'Deze tablet doet al mee als {name}.',
    continueAs: 'Verder als {name}',
    changeDetails: 'Of pas hieronder je gegevens aan.',
    qrLabel: 'QR-code om mee te doen',
    qrHint: 'Scan met de camera',
    other: 'Overig',
    noOrg: 'Geen organisatie',
    remove: 'Verwijderen',
    removeLabel: '{name} verwijderen',
    removeConfirm: '{name} uit de bijeenkomst halen? Deze tablet kan dan niet meer meedoen.',
    removeYes: 'Ja, verwijderen',
    removeNo: 'Annuleren',
    removing: 'Bezig…',
  },
  history: {
    heading: 'Geschiedenis',
    open: 'Geschiedenis bekijken',
    close: 'Geschiedenis sluiten',
    moment: 'Moment',
    none: 'Nog geen eerdere versies. Elke paar minuten wordt er een vastgelegd.',
    loading: 'Bezig met laden…',
    failed: 'De geschiedenis kon niet geladen worden.',
    thenOnBoard: 'Op dit bord om {time}',
    empty: 'Dit bord was toen leeg.',
    deleted: 'verwijderd',
    changed: 'gewijzigd',
    restoreItem: 'Terugzetten',
    restoreBoard: 'Hele bord terugzetten',
    restored: 'Teruggezet, voor iedereen. Met ‘Ongedaan maken’ draai je dit terug.',
    kinds: { note: 'Notitie', role: 'Rolkaart', agreement: 'Afspraak', stroke: 'Tekening' },
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;

/** The shape every locale must have. */
export type Messages = Widen<typeof nl>;
