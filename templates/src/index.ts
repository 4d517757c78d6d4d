export type * from './template.ts';
export { TEMPLATES, templateById } from './all.ts';
export * from './programmes.ts';
export { REPORT_SOURCES } from './report.ts';
export { ROLLEN } from './rollen.ts';
export { VALKUILEN } from './valkuilen.ts';
export { THEMAS, type Thema } from './citaten.ts';
