/**
 * How each racer looks on the map and in the table: a colour (CSS variable, set for light and
 * dark themes by the island), a dash pattern and a marker shape, so that no racer is told apart
 * by colour alone.
 */
import type { RacerName } from './race';

export interface RacerStyle {
  readonly label: string;
  readonly colour: string;
  /** SVG stroke-dasharray ('none': solid). */
  readonly dash: string;
  /** The marker's SVG path, centred on (0, 0). */
  readonly marker: string;
  /** The dash pattern in words, for the legend. */
  readonly trait: string;
}

export const RACER_STYLE: Readonly<Record<RacerName, RacerStyle>> = {
  sgd: {
    label: 'SGD',
    colour: 'var(--coureur-sgd)',
    dash: 'none',
    marker: 'M5,0A5,5 0 1 1 -5,0A5,5 0 1 1 5,0Z',
    trait: 'trait plein, rond',
  },
  momentum: {
    label: 'Momentum',
    colour: 'var(--coureur-momentum)',
    dash: '8 4',
    marker: 'M-4.5,-4.5H4.5V4.5H-4.5Z',
    trait: 'tirets, carré',
  },
  rmsprop: {
    label: 'RMSProp',
    colour: 'var(--coureur-rmsprop)',
    dash: '2 3',
    marker: 'M0,-6L5.5,4.5H-5.5Z',
    trait: 'pointillés, triangle',
  },
  adam: {
    label: 'Adam',
    colour: 'var(--coureur-adam)',
    dash: '10 3 2 3',
    marker: 'M0,-6.5L6.5,0L0,6.5L-6.5,0Z',
    trait: 'trait-point, losange',
  },
};
