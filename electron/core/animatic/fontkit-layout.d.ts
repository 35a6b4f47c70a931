/** fontkit's layout with an explicit direction: right-to-left runs come back in visual (reversed) order. */
import 'fontkit';

declare module 'fontkit' {
  interface Font {
    layout(text: string, features: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): GlyphRun;
  }
}
