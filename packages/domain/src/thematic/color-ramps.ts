import { z } from 'zod'
import { parseOrThrow } from '../errors'
import { ClassCount } from './classification'

// Colour ramps for choropleth classes that stay readable for colour-blind viewers (issue #7).
// - blues, oranges, purples: ColorBrewer 2.0 single-hue sequential schemes (Cynthia Brewer,
//   Mark Harrower, Penn State, colorbrewer2.org, Apache-2.0), all marked "colorblind safe";
//   values as published for 3–9 classes.
// - viridis: matplotlib's viridis (van der Walt, Smith & Firing 2015, CC0), perceptually
//   uniform and designed for deuteranopia/protanopia; the k-class list is the 256-entry
//   table sampled the way matplotlib resamples a listed map: entry floor(i/(k−1)·256),
//   capped at 255, for i = 0…k−1.
// - puOr: ColorBrewer 2.0 diverging PuOr (orange for the low end, purple for the high end),
//   colorblind safe; for difference maps, with breaks symmetric around zero chosen by the caller.
// ColorBrewer has no 2-class schemes; our 2-class lists are the two ends of the 3-class
// scheme [U: our choice].

export const COLOR_RAMPS = ['blues', 'oranges', 'purples', 'viridis', 'puOr'] as const
export const ColorRamp = z.enum(COLOR_RAMPS, {
  error:
    '色带须为 blues、oranges、purples、viridis 或 puOr / ramp must be blues, oranges, purples, viridis or puOr',
})
export type ColorRamp = z.infer<typeof ColorRamp>

export const RAMP_KIND = {
  blues: 'sequential',
  oranges: 'sequential',
  purples: 'sequential',
  viridis: 'sequential',
  puOr: 'diverging',
} as const satisfies Record<ColorRamp, 'sequential' | 'diverging'>

type RampTable = Readonly<Record<2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, readonly string[]>>

const BLUES: RampTable = {
  2: ['#deebf7', '#3182bd'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  8: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  9: [
    '#f7fbff',
    '#deebf7',
    '#c6dbef',
    '#9ecae1',
    '#6baed6',
    '#4292c6',
    '#2171b5',
    '#08519c',
    '#08306b',
  ],
}

const ORANGES: RampTable = {
  2: ['#fee6ce', '#e6550d'],
  3: ['#fee6ce', '#fdae6b', '#e6550d'],
  4: ['#feedde', '#fdbe85', '#fd8d3c', '#d94701'],
  5: ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'],
  6: ['#feedde', '#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'],
  7: ['#feedde', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#8c2d04'],
  8: ['#fff5eb', '#fee6ce', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#8c2d04'],
  9: [
    '#fff5eb',
    '#fee6ce',
    '#fdd0a2',
    '#fdae6b',
    '#fd8d3c',
    '#f16913',
    '#d94801',
    '#a63603',
    '#7f2704',
  ],
}

const PURPLES: RampTable = {
  2: ['#efedf5', '#756bb1'],
  3: ['#efedf5', '#bcbddc', '#756bb1'],
  4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
  5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
  6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
  7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
  8: ['#fcfbfd', '#efedf5', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
  9: [
    '#fcfbfd',
    '#efedf5',
    '#dadaeb',
    '#bcbddc',
    '#9e9ac8',
    '#807dba',
    '#6a51a3',
    '#54278f',
    '#3f007d',
  ],
}

const VIRIDIS: RampTable = {
  2: ['#440154', '#fde725'],
  3: ['#440154', '#21918c', '#fde725'],
  4: ['#440154', '#31688e', '#35b779', '#fde725'],
  5: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
  6: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
  7: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'],
  8: ['#440154', '#46327e', '#365c8d', '#277f8e', '#1fa187', '#4ac16d', '#a0da39', '#fde725'],
  9: [
    '#440154',
    '#472d7b',
    '#3b528b',
    '#2c728e',
    '#21918c',
    '#28ae80',
    '#5ec962',
    '#addc30',
    '#fde725',
  ],
}

const PU_OR: RampTable = {
  2: ['#f1a340', '#998ec3'],
  3: ['#f1a340', '#f7f7f7', '#998ec3'],
  4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
  5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
  6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
  7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
  8: ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#d8daeb', '#b2abd2', '#8073ac', '#542788'],
  9: [
    '#b35806',
    '#e08214',
    '#fdb863',
    '#fee0b6',
    '#f7f7f7',
    '#d8daeb',
    '#b2abd2',
    '#8073ac',
    '#542788',
  ],
}

const RAMPS: Record<ColorRamp, RampTable> = {
  blues: BLUES,
  oranges: ORANGES,
  purples: PURPLES,
  viridis: VIRIDIS,
  puOr: PU_OR,
}

/** The ramp's colours for `classes` classes (2–9), lightest/lowest first. */
export function rampColors(ramp: ColorRamp, classes: number): string[] {
  const name = parseOrThrow(ColorRamp, ramp, 'colour ramp')
  const k = parseOrThrow(ClassCount, classes, 'number of classes') as keyof RampTable
  return [...RAMPS[name][k]]
}
