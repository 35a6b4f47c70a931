import sharp from 'sharp';
import type { StoredImage } from '../queries/image-queries';
import { storedImage, thumbnail } from './image-import';
import { encodeComposite, type FrameSize } from './sketch-render';

/** A flattened picture, raw RGB at its frame size; `photo` when drawn over a reference picture. */
export interface RawPicture {
  picture: Buffer;
  frame: FrameSize;
  photo: boolean;
}

/**
 * A flattened picture ready to store, made from its pixels: the file and the board thumbnail are
 * encoded side by side, with no decode of the file just written.
 */
export async function compositeImage({ picture, frame, photo }: RawPicture, sourceName: string): Promise<StoredImage> {
  const [data, thumb] = await Promise.all([encodeComposite(picture, frame, photo), thumbnail(sharp(picture, { raw: { ...frame, channels: 3 } }))]);
  return storedImage(data, photo ? 'image/jpeg' : 'image/png', frame, thumb, sourceName);
}
