import { describe, expect, it } from 'vitest';
import { currentSection, SECTIONS } from './panelSections.ts';

describe('the part of the panel in view', () => {
  it('is the first before any part reached the bar', () => {
    expect(currentSection([40, 900, 1400, 2000, 2400, 2800, 3000])).toBe('draaiboek');
  });
  it('is the last part whose top reached the bar', () => {
    expect(currentSection([-1200, -300, 10, 600, 900, 1300, 1800])).toBe('tijd');
    expect(currentSection([-3000, -2500, -2000, -1500, -1000, -400, 0])).toBe('verslag');
  });
  it('skips a part that is not on the page', () => {
    expect(currentSection([-900, Infinity, -200, 500, 800, 1000, 1200])).toBe('tijd');
  });
  it('names all seven parts in the order the meeting runs', () => {
    expect(SECTIONS).toEqual(['draaiboek', 'groepen', 'tijd', 'beamer', 'borden', 'deelnemers', 'verslag']);
  });
});
