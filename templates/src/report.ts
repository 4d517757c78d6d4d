import type { ReportSources } from '@bodem/shared';
import { meetingTemplate, templateById } from './all.ts';
import { DEELS, PART_INFO } from './programmes.ts';

/** What a report outline needs from the templates: each board's layout, and the title and part of the day of each toolkit part. */
export const REPORT_SOURCES: ReportSources = {
  template: templateById,
  part: (part) => {
    const info = PART_INFO[part];
    return { title: info.title, deel: DEELS[info.deel] };
  },
};

/** The report's sources for one meeting: its boards as the meeting prepared them (part D: only the quotes chosen). */
export const reportSourcesFor = (prep: { quotes: readonly string[] | null }): ReportSources => ({
  ...REPORT_SOURCES,
  template: (id) => meetingTemplate(id, prep),
});
