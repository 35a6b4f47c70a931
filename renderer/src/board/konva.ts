/**
 * Konva's core and the shapes the board draws, nothing else: the full 'react-konva' entry pulls in
 * every shape and filter, a large part of the script the app compiles before it can show a board.
 */
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Image';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';

export { Circle, Group, Image, Layer, Rect, Stage, Text } from 'react-konva/lib/ReactKonvaCore';
