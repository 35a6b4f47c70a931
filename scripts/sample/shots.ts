// ---------------------------------------------------------------------------------------------
// The storyboard
// ---------------------------------------------------------------------------------------------

import type { PanelPatch } from '../../shared/domain/board';
import { W, H } from './canvas';
import type { CameraSpec } from './camera';
import type { FigureSpec } from './figure-builds';
import type { Move } from './camera-moves';

export interface Shot {
  file: string;
  patch: PanelPatch & { durationMs: number };
  camera: CameraSpec;
  figures: FigureSpec[];
  move: Move;
  inner?: [number, number, number, number];
  /** Where a pan or truck arrow runs (frame y), when the default would cover a face. */
  arrowY?: number;
  cutaway?: boolean;
  lurker?: boolean;
  fridgeInterior?: boolean;
  vignette?: number;
}

export const SCENE = {
  heading: 'INT. KITCHEN - NIGHT',
  synopsis:
    '3 a.m. MAYA (10) creeps downstairs for the birthday cake she was told not to touch, and finds she is not the only one awake. ' +
    'GRANDPA, caught fork in hand, turns the crime into a secret they share in the moonlight.',
};

export const STYLE_NOTES =
  'Grey pencil on warm paper, marker tones for night. The moonlit window is the only key light: keep the table in its square of light. ' +
  'Eye lines at Maya\'s height (1.1 m) unless a panel says otherwise.';

export const SHOTS: Shot[] = [
  {
    file: 'night-kitchen-01-establishing.jpg',
    patch: {
      durationMs: 4000, shotSize: 'EWS', angle: 'high', lensMm: 18, cameraMove: 'static', transition: 'fade in',
      action: 'The kitchen at 3 a.m. Moonlight through the window lays a pale square across the table and the floor. The hall door eases open: MAYA (10), a small silhouette, hesitates on the threshold.',
      dialogue: '', sound: 'Fridge hum. A clock ticking. The door latch.',
      notes: 'Hold long enough to read the room: window, table, fridge, pantry door. This frame sets the geography for the whole scene.',
      status: 'approved', tags: ['establishing', 'moonlight'],
    },
    camera: { pos: [1.3, 2.35, -1.7], target: [-0.75, 0.55, 3.9], lensMm: 18 },
    figures: [{ who: 'maya', at: [-2.75, 1.45], tone: 0.55 }],
    move: 'none',
  },
  {
    file: 'night-kitchen-02-tiptoe.jpg',
    patch: {
      durationMs: 3500, shotSize: 'WS', angle: 'eye level', lensMm: 24, cameraMove: 'dolly in',
      action: 'Maya tiptoes across the cold tiles toward the fridge, arms out for balance. We creep in behind her.',
      dialogue: 'MAYA\n(whispering)\nDon\'t creak. Don\'t creak.', sound: 'Bare feet on tile.',
      notes: 'Dolly at Maya\'s eye height (1.1 m). Keep the table and its moonlight in frame right.',
      status: 'approved', tags: ['maya'],
    },
    camera: { pos: [0.3, 1.1, -0.3], target: [-1.2, 0.95, 4.6], lensMm: 24 },
    figures: [{ who: 'maya', at: [-1.55, 2.6], pose: 'tiptoe', view: 'back', tone: 0.5 }],
    move: 'in',
    inner: [W * 0.2, H * 0.16, W * 0.62, H * 0.84],
  },
  {
    file: 'night-kitchen-03-fridge.jpg',
    patch: {
      durationMs: 2500, shotSize: 'MS', angle: 'low', lensMm: 24, cameraMove: 'static',
      action: 'FRIDGE POV. The door swings open; cold light floods Maya\'s face. She takes the milk.',
      dialogue: '', sound: 'The door seal unsticks; the hum gets louder.',
      notes: 'Camera inside the fridge: shelves and jars frame her. Practical: LED strip on the bottom shelf, the only warm-free light in the scene.',
      status: 'review', tags: ['maya', 'practical light'],
    },
    camera: { pos: [-2.75, 0.82, 5.3], target: [-1.0, 1.16, 5.22], lensMm: 24 },
    figures: [{ who: 'maya', at: [-1.2, 5.25], pose: 'milk', tone: 0.18, expression: 'neutral', shadowSide: 1 }],
    move: 'none',
    fridgeInterior: true,
  },
  {
    file: 'night-kitchen-04-cake.jpg',
    patch: {
      durationMs: 1500, shotSize: 'INSERT', angle: 'high', lensMm: 50, cameraMove: 'static',
      action: 'On the table, in the moonlight: Grandma\'s birthday cake. A wedge is already gone. Fresh crumbs.',
      dialogue: '', sound: 'The clock, louder.',
      notes: 'Top light only, from the window. The missing slice and the crumbs must read at thumbnail size.',
      status: 'approved', tags: ['insert', 'cake'],
    },
    camera: { pos: [-0.3, 1.62, 2.1], target: [0.06, 0.8, 3.38], lensMm: 50 },
    figures: [],
    move: 'none',
    vignette: 0.5,
  },
  {
    file: 'night-kitchen-05-maya-cu.jpg',
    patch: {
      durationMs: 2000, shotSize: 'CU', angle: 'eye level', lensMm: 50, cameraMove: 'zoom in',
      action: 'Maya freezes, the milk bottle halfway to her mouth. Someone else has been here.',
      dialogue: 'MAYA\n(barely a breath)\n...Hello?', sound: 'Silence but the clock.',
      notes: 'Slow creep on the zoom, 50 to 75 mm over the shot. Hold on her eyes.',
      status: 'review', tags: ['maya'],
    },
    camera: { pos: [-1.2, 1.17, 2.75], target: [-1.2, 1.2, 4.2], lensMm: 50 },
    figures: [{ who: 'maya', at: [-1.2, 4.2], tone: 0.3, expression: 'worried', shadowSide: -1 }],
    move: 'in',
    inner: [W * 0.3, H * 0.14, W * 0.7, H * 0.82],
  },
  {
    file: 'night-kitchen-06-pantry-pov.jpg',
    patch: {
      durationMs: 3000, shotSize: 'POV', angle: 'dutch', lensMm: 24, cameraMove: 'handheld',
      action: 'MAYA\'S POV: the pantry door stands ajar. In the dark gap, something shifts.',
      dialogue: '', sound: 'A floorboard creaks. The fridge hum cuts out.',
      notes: 'Handheld, breathing. Dutch about 8 degrees. Shoot it with and without the shape in the gap.',
      status: 'draft', tags: ['pov', 'suspense'],
    },
    camera: { pos: [-1.0, 1.22, 3.0], target: [1.6, 1.0, 6.0], lensMm: 24, roll: -8 },
    figures: [],
    move: 'handheld',
    lurker: true,
    vignette: 0.55,
  },
  {
    file: 'night-kitchen-07-ots-grandpa.jpg',
    patch: {
      durationMs: 4500, shotSize: 'OTS', angle: 'eye level', lensMm: 50, cameraMove: 'static',
      action: 'Over Maya\'s shoulder: GRANDPA (70s), cardigan over pyjamas, steps out of the pantry, fork raised. Caught.',
      dialogue: 'GRANDPA\nI was... checking it was still fresh.', sound: '',
      notes: 'Keep Maya\'s shoulder soft and dark in the foreground. Grandpa lands on the moonlit side of frame.',
      status: 'review', tags: ['grandpa', 'maya'],
    },
    camera: { pos: [-2.72, 1.12, 3.3], target: [1.64, 1.42, 5.63], lensMm: 50 },
    figures: [
      { who: 'grandpa', at: [1.75, 5.35], pose: 'offer', tone: 0.38, expression: 'neutral', shadowSide: -1 },
      { who: 'maya', at: [-1.2, 4.2], view: 'back', tone: 0.62 },
    ],
    move: 'none',
  },
  {
    file: 'night-kitchen-08-grandpa-mcu.jpg',
    patch: {
      durationMs: 3000, shotSize: 'MCU', angle: 'low', lensMm: 40, cameraMove: 'pan',
      action: 'Guilt melts into a grin. Grandpa holds the fork out to her.',
      dialogue: 'GRANDPA\nOne slice. Our secret?', sound: '',
      notes: 'Pan with the fork as he offers it. His glasses catch the moon.',
      status: 'draft', tags: ['grandpa'],
    },
    camera: { pos: [1.05, 1.3, 3.7], target: [1.75, 1.55, 5.35], lensMm: 40 },
    figures: [{ who: 'grandpa', at: [1.75, 5.35], pose: 'offer', tone: 0.35, expression: 'smile', shadowSide: 1 }],
    move: 'pan-right',
    arrowY: H * 0.86,
  },
  {
    file: 'night-kitchen-09-sharing.jpg',
    patch: {
      durationMs: 5000, shotSize: 'MWS', angle: 'eye level', lensMm: 28, cameraMove: 'truck',
      action: 'Side by side at the table, in the square of moonlight, they eat straight from the plate.',
      dialogue: 'MAYA\n(mouth full)\nIt\'s really fresh.\n\nGRANDPA\nMm. Very important to check.', sound: 'Forks on china. The clock.',
      notes: 'Slow truck left to right along the table. The warmest frame of the sequence.',
      status: 'draft', tags: ['maya', 'grandpa', 'moonlight'],
    },
    camera: { pos: [0.0, 1.12, 1.25], target: [0.0, 0.98, 4.0], lensMm: 28 },
    figures: [
      { who: 'maya', at: [-0.4, 4.2], pose: 'sit', tone: 0.35, expression: 'smile', shadowSide: -1 },
      { who: 'grandpa', at: [0.42, 4.25], pose: 'sit', tone: 0.38, expression: 'smile', shadowSide: 1 },
    ],
    move: 'truck-right',
  },
  {
    file: 'night-kitchen-10-crane-up.jpg',
    patch: {
      durationMs: 4500, shotSize: 'EWS', angle: "bird's-eye", lensMm: 18, cameraMove: 'crane', transition: 'fade out',
      action: 'Crane up and away through the ceiling: two small figures at the table in a pale square of light, the dark house around them.',
      dialogue: '', sound: 'The clock ticks on. Music in.',
      notes: 'Cutaway set, or a top-down move finished in post. Hold the last frame a second before the fade.',
      status: 'draft', tags: ['moonlight'],
    },
    camera: { pos: [0.0, 6.2, 3.3], target: [0.0, 0.0, 3.31], lensMm: 18 },
    figures: [
      { who: 'maya', at: [-0.4, 4.2], pose: 'sit', tone: 0.4 },
      { who: 'grandpa', at: [0.42, 4.25], pose: 'sit', tone: 0.4 },
    ],
    move: 'out',
    inner: [W * 0.36, H * 0.3, W * 0.64, H * 0.7],
    cutaway: true,
  },
];
