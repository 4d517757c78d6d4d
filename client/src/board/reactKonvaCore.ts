/**
 * react-konva through its core entry (see its README, "Minimal bundle"): the
 * default entry imports all of Konva. The shapes come from konvaCore.ts.
 * vite.config.ts points the bare `react-konva` import here.
 */
import './konvaCore.ts';

export * from 'react-konva/lib/ReactKonvaCore';
