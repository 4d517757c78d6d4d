import type { FastifyReply } from 'fastify';

/**
 * Every API error is `{error, message}`: a stable code for programs and a
 * Dutch sentence a participant can act on.
 */
export const MESSAGES = {
  invalid_request: 'Deze gegevens kloppen niet. Kijk de velden nog eens na.',
  title_required: 'Geef de bijeenkomst een titel.',
  unknown_programme: 'Kies een programma of minstens één bord dat Bodem kent.',
  name_required: 'Vul je naam in.',
  side_required: 'Kies of je formeel of informeel werkt.',
  wrong_code: 'Deze code klopt niet. Kijk nog eens op het scherm van de gespreksleider.',
  unauthorized: 'Je hebt geen toegang tot deze bijeenkomst.',
  forbidden: 'Alleen de gespreksleider mag dit doen.',
  removed: 'De gespreksleider heeft je uit deze bijeenkomst gehaald. Vraag de gespreksleider als dat niet klopt.',
  not_found: 'Deze bijeenkomst bestaat niet (meer).',
  route_not_found: 'Deze pagina bestaat niet.',
  internal: 'Er ging iets mis op de server. Probeer het zo nog eens.',
  too_many_attempts: 'Te veel pogingen met een verkeerde code. Wacht een minuut en probeer het dan opnieuw.',
  too_many_attempts_code: 'Er zijn net te veel verkeerde codes geprobeerd. Scan de QR-code van de gespreksleider, of wacht een minuut en probeer het opnieuw.',
  wrong_code_or_closed: 'Deze code klopt niet, of deelnemen is gesloten. Kijk nog eens op het scherm van de gespreksleider, of scan de QR-code.',
  join_closed: 'Deelnemen is gesloten. Vraag de gespreksleider om het weer te openen.',
  facilitator_key_required: 'Een bijeenkomst maken kan alleen met de sleutel voor gespreksleiders. Vraag die aan de beheerder van Bodem.',
  wrong_facilitator_key: 'Deze sleutel voor gespreksleiders klopt niet. Kijk hem na of vraag de beheerder van Bodem.',
  unknown_meeting_code: 'Er is geen bijeenkomst met deze code. Kijk de code na op de hand-out of in de mail van de bijeenkomst.',
  too_many_meetings: 'Er zijn net heel veel bijeenkomsten gemaakt. Wacht een minuut en probeer het dan opnieuw.',
  quota_meetings: 'Deze server bewaart al het grootste aantal bijeenkomsten dat de beheerder toestaat. Verwijder oude bijeenkomsten of vraag de beheerder.',
  quota_disk: 'De opslag van deze server is vol. Verwijder oude bijeenkomsten of vraag de beheerder van Bodem.',
  host_not_allowed: 'Bodem is niet op dit adres te bereiken. Open Bodem via het eigen adres.',
  origin_not_allowed: 'Deze pagina mag Bodem niet gebruiken. Open Bodem via het eigen adres.',
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(MESSAGES[code]);
  }
}

export const sendError = (reply: FastifyReply, status: number, code: ErrorCode): FastifyReply =>
  reply.code(status).send({ error: code, message: MESSAGES[code] });
