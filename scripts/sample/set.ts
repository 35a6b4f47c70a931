// ---------------------------------------------------------------------------------------------
// The set: INT. KITCHEN - NIGHT. x -3..3, z -2..6 (back wall with the window at z = 6), y 0..2.6.
// ---------------------------------------------------------------------------------------------

export const ROOM = { x0: -3, x1: 3, z0: -2, z1: 6, h: 2.6 };
export const WINDOW = { x0: -0.7, x1: 0.7, y0: 1.0, y1: 2.1 };
export const TABLE = { x0: -0.8, x1: 0.8, z0: 3.05, z1: 3.95, y: 0.77 };
export const PANTRY = { x0: 1.45, x1: 2.25, h: 2.05 };
export const HALL = { z0: 1.0, z1: 1.9, h: 2.05 };
export const CAKE = { x: 0.12, z: 3.42 };
