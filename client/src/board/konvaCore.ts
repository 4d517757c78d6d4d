/**
 * Konva as Bodem uses it: the core (Stage, Layer, Group, Shape, the canvas
 * and events) and only the shapes drawn somewhere in the app. The full
 * `konva` entry also brings Transformer, the filters, Tween's easings,
 * TextPath, Sprite, Star and the rest, none of which any page draws.
 *
 * vite.config.ts points the bare `konva` import here (and `react-konva` at
 * reactKonvaCore.ts), so code keeps writing `import Konva from 'konva'`.
 * A shape that is not imported below fails to draw ("Konva has no node with
 * the type ..."): konvaCore.test.ts checks every react-konva element the
 * client uses against this list.
 */
import Konva from 'konva/lib/Core';
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Ellipse';
import 'konva/lib/shapes/Label';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Path';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';

export default Konva;
