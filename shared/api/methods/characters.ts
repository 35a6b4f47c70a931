/** The project's characters (who they are, what they look like, which shots they are in) and its style bible. */
import { z } from 'zod';
import type { Character, StyleState } from '../../domain/generation';
import { id, method, noInput, uploadId } from '../schemas';

const name = z.string().trim().min(1).max(200);
const description = z.string().max(4000);
/** An image sent beforehand on the upload channel. */
const image = { fileName: z.string().max(1000), uploadId };

export const characterMethods = {
  'characters.list': method<Character[]>()(noInput),
  'characters.create': method<Character>()(z.object({ name, description: description.optional() }).strict()),
  'characters.update': method<Character>()(z.object({ id, patch: z.object({ name, description }).partial().strict() }).strict()),
  'characters.delete': method<null>()(z.object({ id }).strict()),
  'characters.addImage': method<Character>()(z.object({ characterId: id, ...image }).strict()),
  'characters.removeImage': method<Character>()(z.object({ imageId: id }).strict()),
  /** Who is in a shot: character ids. */
  'characters.cast': method<string[]>()(z.object({ panelId: id }).strict()),
  'characters.setCast': method<string[]>()(z.object({ panelId: id, characterIds: z.array(id).max(200) }).strict()),

  'style.get': method<StyleState>()(noInput),
  'style.update': method<StyleState>()(
    z
      .object({ medium: z.string().max(500), tone: z.string().max(500), palette: z.string().max(500), era: z.string().max(500), notes: z.string().max(4000), negative: z.string().max(4000) })
      .partial()
      .strict(),
  ),
  'style.addReference': method<StyleState>()(z.object({ ...image, note: z.string().max(500).optional() }).strict()),
  'style.updateReference': method<StyleState>()(z.object({ id, note: z.string().max(500) }).strict()),
  'style.removeReference': method<StyleState>()(z.object({ id }).strict()),
} as const;
