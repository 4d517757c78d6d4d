import type { Template } from './template.ts';
import { vrij } from './vrij.ts';

export type { Template } from './template.ts';

export const TEMPLATES: readonly Template[] = [vrij];

export const templateById = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);
