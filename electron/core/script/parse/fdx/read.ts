import { KNOWN_TRANSITIONS } from '../fountain/rules';
import { parseEighths } from '../layout';
import { noFdxContent, notFinalDraft } from '../messages';
import type { Dual } from '../model';
import type { ReadResult, Token } from '../tokens';
import { child, childrenNamed, paragraphsText, runsText } from './text';
import { readTitlePage } from './title-page';
import type { XNode } from './xml';

/**
 * Final Draft <Content> paragraphs to the shared token stream.
 * - Types: Scene Heading, Action, General and Cast List (action), Character, Parenthetical, Dialogue,
 *   Singing (a lyric part inside dialogue, a lyric element outside), Transition, Shot. New Act / End of
 *   Act and other act markers are structure, like Fountain sections, and are skipped; any other type
 *   is read as action so no text is lost. Parenthetical or Dialogue with no Character before it is action.
 * - Empty paragraphs are skipped; StartsNewPage="Yes" is a page break.
 * - Dual dialogue: <DualDialogue> inside a paragraph (Final Draft) or directly in <Content> (some
 *   writers): its first cue is 'left', later ones 'right'.
 * - <ScriptNote>s anywhere in a paragraph become notes placed after the element they were in.
 */
const PART_TYPES = new Set(['Parenthetical', 'Dialogue', 'Singing', 'Lyrics']);
const SKIPPED_TYPES = new Set(['New Act', 'End of Act', 'Act Break']);

/** ScriptNotes in a paragraph, searched without recursion through its Text runs and children. */
function notesIn(p: XNode): string[] {
  const notes: string[] = [];
  const todo = [...p.children];
  for (let i = 0; i < todo.length; i++) {
    const n = todo[i];
    if (n.name === 'ScriptNote') {
      const text = paragraphsText(n);
      if (text) notes.push(text);
    } else if (n.name !== 'SceneProperties' && n.name !== 'DualDialogue' && n.name !== 'Paragraph') todo.push(...n.children);
  }
  return notes;
}

export function readFdx(root: XNode, name: string): ReadResult {
  const fd = child(root, 'FinalDraft');
  if (!fd) throw notFinalDraft(name);
  const content = child(fd, 'Content');
  if (!content) throw noFdxContent(name);

  const tokens: Token[] = [];
  let pending: string[] = [];
  let inDialogue = false;
  const flushNotes = () => {
    for (const text of pending) tokens.push({ t: 'note', text });
    pending = [];
  };

  const paragraph = (p: XNode, dual: Dual | null) => {
    const type = p.attrs.Type ?? 'Action';
    const text = runsText(p).trim();
    if (!PART_TYPES.has(type) || !inDialogue) flushNotes();
    if (p.attrs.StartsNewPage === 'Yes') tokens.push({ t: 'pagebreak' });
    const notes = notesIn(p);
    const wasInDialogue = inDialogue;
    inDialogue = false;
    if (type === 'Scene Heading') {
      const props = child(p, 'SceneProperties');
      const summary = props && child(props, 'Summary');
      const synopsis = summary ? paragraphsText(summary) : '';
      const eighths = props?.attrs.Length ? parseEighths(props.attrs.Length) : null;
      const number = p.attrs.Number?.trim() || null;
      if (text || number || synopsis) {
        tokens.push({ t: 'heading', text, number, ...(synopsis ? { synopsis } : {}), ...(eighths ? { pageEighths: eighths } : {}) });
      }
    } else if (type === 'Character') {
      if (text) {
        tokens.push({ t: 'cue', cue: text, dual });
        inDialogue = true;
      }
    } else if (PART_TYPES.has(type) && wasInDialogue) {
      inDialogue = true;
      if (text) tokens.push({ t: type === 'Parenthetical' ? 'parenthetical' : type === 'Dialogue' ? 'speech' : 'sung', text });
    } else if (type === 'Singing' || type === 'Lyrics') {
      if (text) tokens.push({ t: 'lyric', text });
    } else if (type === 'Transition') {
      if (text) tokens.push({ t: 'transition', text });
    } else if (type === 'Shot') {
      if (text) tokens.push({ t: 'shot', text });
    } else if (!SKIPPED_TYPES.has(type) && text) {
      // FADE IN: typed as Action is a transition, as it is in Fountain, so it makes no scene of its own
      if (KNOWN_TRANSITIONS.has(text.toUpperCase().replace(/\s+/g, ' '))) tokens.push({ t: 'transition', text });
      else tokens.push({ t: 'action', text, centered: p.attrs.Alignment === 'Center' });
    }
    pending.push(...notes);
    if (!inDialogue) flushNotes();
  };

  const dualBlock = (d: XNode) => {
    let cues = 0;
    for (const p of childrenNamed(d, 'Paragraph')) {
      const isCue = (p.attrs.Type ?? '') === 'Character';
      paragraph(p, isCue ? (cues++ === 0 ? 'left' : 'right') : null);
    }
  };

  for (const n of content.children) {
    if (n.name === 'DualDialogue') dualBlock(n);
    else if (n.name === 'Paragraph') {
      const dual = child(n, 'DualDialogue');
      if (dual) {
        if (runsText(n).trim()) paragraph(n, null);
        dualBlock(dual);
      } else paragraph(n, null);
    }
  }
  flushNotes();
  return { titlePage: readTitlePage(fd), tokens, warnings: [] };
}
