import type { RoleSpec } from '@bodem/shared';

/**
 * "Mogelijke rollen in de samenwerking": the role cards as printed on the
 * hand-out participants hold beside the tablet (the manual's Bijlage 3 has
 * the same list with a few different words: "Begeleidt", "administratie
 * taken", "Wordt als positief voorbeeld genomen", "betrekt"). The hand-out
 * is followed word for word, its slips included ("Begeleid", "betreft"),
 * because participants compare the cards with their paper. Only the stray
 * quote marks around "Verhelderaar" and "Meedenker" are dropped: they are
 * conversion debris, and a card shows the title alone.
 */
export const ROLLEN: readonly RoleSpec[] = [
  {
    id: 'formeel-coordinator',
    side: 'formeel',
    title: 'Coördinator',
    description:
      'Begeleid informele werkers die als intermediair optreden of coördineert projecten waarin formele en informele werkers samen optreden.',
  },
  {
    id: 'formeel-fixer',
    side: 'formeel',
    title: 'Fixer',
    description: 'Lost snel praktische problemen op wanneer deze zich voordoen, bedenkt oplossingen en mogelijkheden.',
  },
  {
    id: 'formeel-linking-pin',
    side: 'formeel',
    title: 'Linking pin',
    description: 'Brengt informele werkers met elkaar in contact, en verbindt informele werkers ook met andere formele werkers.',
  },
  {
    id: 'formeel-netwerker',
    side: 'formeel',
    title: 'Netwerker',
    description: 'Weet de juiste mensen te bereiken en in te zetten voor het behalen van gezamenlijke doelstellingen.',
  },
  {
    id: 'formeel-organisator',
    side: 'formeel',
    title: 'Organisator/faciliterende functie',
    description:
      'Neemt organisatorische en administratieve taken in de samenwerking voor zijn rekening. Faciliteren van ontmoetingen en bijeenkomsten.',
  },
  {
    id: 'formeel-katalysator',
    side: 'formeel',
    title: 'Katalysator van de positieve beweging',
    description:
      'Ziet en erkent de potentie in de plannen of het handelen van informele werkers en helpt deze van de grond te komen/meer impact te hebben/een duurzame vorm te krijgen.',
  },
  {
    id: 'formeel-erkenning-verstrekker',
    side: 'formeel',
    title: 'Erkenning verstrekker',
    description: 'Geeft erkenning voor het werk van de informele werker.',
  },
  {
    id: 'formeel-sparringpartner',
    side: 'formeel',
    title: 'Sparringpartner',
    description: 'Helpt ideeën te verhelderen, geeft advies aan de informele werker.',
  },
  {
    id: 'formeel-deskundige',
    side: 'formeel',
    title: 'Deskundige',
    description: 'Heeft specifieke pedagogische expertise.',
  },
  {
    id: 'formeel-bewaker',
    side: 'formeel',
    title: 'Bewaker',
    description: 'Is verantwoordelijk voor het bewaken de veiligheid van het kind.',
  },
  {
    id: 'informeel-vertrouwenspersoon',
    side: 'informeel',
    title: 'Vertrouwenspersoon',
    description: 'Biedt een luisterend oor en wordt in vertrouwen genomen door ouders.',
  },
  {
    id: 'informeel-aanspreekpunt',
    side: 'informeel',
    title: 'laagdrempelig aanspreekpunt',
    description: 'Wordt als eerste benaderd in geval van twijfels of problemen.',
  },
  {
    id: 'informeel-rolmodel',
    side: 'informeel',
    title: 'Rolmodel',
    description:
      'Is een positief voorbeeld voor ouders of jongeren, inspireert beweging en verandering.',
  },
  {
    id: 'informeel-voorlichter',
    side: 'informeel',
    title: 'Voorlichter',
    description: 'Geeft basale informatie over opvoeden en over de bestaande voorzieningen.',
  },
  {
    id: 'informeel-aanjager',
    side: 'informeel',
    title: 'Aanjager',
    description: 'Moedigt ouders aan om problemen onder ogen te zien en aan te pakken.',
  },
  {
    id: 'informeel-katalysator',
    side: 'informeel',
    title: 'Katalysator van positieve Beweging',
    description:
      'Schept condities voor verandering en stimuleert ouders die graag meer of anders bezig willen zijn met opvoeding om stappen te ondernemen.',
  },
  {
    id: 'informeel-schepper-veilige-ruimte',
    side: 'informeel',
    title: 'Schepper van de veilige ruimte',
    description:
      'Zorgt ervoor dat ouders met elkaar een positief zelfbeeld ontwikkelen op basis waarvan ze keuzes en moeilijkheden in de opvoeding kunnen bespreken.',
  },
  {
    id: 'informeel-signaal-verstrekker',
    side: 'informeel',
    title: 'Signaal verstrekker',
    description: 'Pikt signalen op en betreft zo nodig formele werkers.',
  },
  {
    id: 'informeel-doorverwijzer',
    side: 'informeel',
    title: 'Doorverwijzer',
    description:
      'Verwijst ouders door naar professionele hulp, nadat zij hier door middel van ‘voorwerk’ klaar voor gemaakt zijn.',
  },
  {
    id: 'informeel-adviseur',
    side: 'informeel',
    title: 'Adviseur van de formele werker',
    description: 'Geeft advies aan de formele werker over hoe om te gaan met een specifieke doelgroep.',
  },
  {
    id: 'informeel-verhelderaar',
    side: 'informeel',
    title: 'Verhelderaar',
    description: 'Helpt problemen van ouders/jongeren te verduidelijken.',
  },
  {
    id: 'informeel-meedenker',
    side: 'informeel',
    title: 'Meedenker',
    description: 'Denkt mee met de formele werker over oplossingen.',
  },
  {
    id: 'informeel-begeleider',
    side: 'informeel',
    title: 'Begeleider van cliënten',
    description: 'Begeleid cliënten samen met formele werkers.',
  },
  {
    id: 'informeel-tolk',
    side: 'informeel',
    title: 'Tolk (letterlijk en figuurlijk)',
    description: 'Vertaalt tussen de leefwerelden van ouders en professionals en overbrugt taalproblemen.',
  },
  {
    id: 'informeel-nazorg-verstrekker',
    side: 'informeel',
    title: 'Nazorg verstrekker',
    description: 'Blijft in contact met een gezin na een begeleidingstraject en biedt nazorg.',
  },
  {
    id: 'informeel-voortraject-verstrekker',
    side: 'informeel',
    title: 'Voortraject verstrekker',
    description: 'Stoomt gezinnen/ouders klaar voor hulp of advies vanuit formele voorzieningen.',
  },
  {
    id: 'informeel-netwerk-ontsluiter',
    side: 'informeel',
    title: 'Netwerk ontsluiter',
    description: 'Biedt toegang tot het eigen netwerk van andere informele of formele werkers.',
  },
];
