import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCoreError } from '../../electron/core/errors';
import { parseScript } from '../../electron/core/script/parse';
import { expectCoreError, fdxDoc, para } from '../fixtures/scripts/helpers';

const parse = (xml: string, name = 'evil.fdx') => parseScript(Buffer.from(xml, 'utf8'), name);

/** Parses, returning the screenplay or the CoreError; anything else fails the test. */
function outcome(xml: string): { text: string; error: string | null } {
  try {
    return { text: JSON.stringify(parse(xml)), error: null };
  } catch (e) {
    expect(isCoreError(e)).toBe(true);
    return { text: '', error: (e as Error).message };
  }
}

describe('Final Draft: hostile XML', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'script-xxe-'));
  const secretFile = path.join(dir, 'secret.txt');
  const SECRET = 'TOP-SECRET-7f3a9c';
  fs.writeFileSync(secretFile, SECRET);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const withDoctype = (subset: string, body: string) =>
    fdxDoc(`${para('Scene Heading', 'INT. HALL')}${body}`).replace('<FinalDraft ', `<!DOCTYPE FinalDraft [${subset}]>\n<FinalDraft `);

  it('never resolves an external entity pointing at a file that exists', () => {
    const subset = `<!ENTITY xxe SYSTEM "file://${secretFile}">`;
    const used = outcome(withDoctype(subset, para('Action', 'Leak: &xxe;')));
    expect(used.error).toMatch(/^evil\.fdx is damaged: its XML could not be read \(line \d+: undefined entity/);
    expect(`${used.text}${used.error}`).not.toContain(SECRET);

    const unused = parse(withDoctype(subset, para('Action', 'Nothing to see.')));
    expect(JSON.stringify(unused)).not.toContain(SECRET);
    expect(unused.scenes[0].elements).toMatchObject([{ kind: 'action', text: 'Nothing to see.' }]);
  });

  it('never expands parameter entities or external DTDs', () => {
    const external = fdxDoc(para('Action', 'Hi.')).replace('<FinalDraft ', `<!DOCTYPE FinalDraft SYSTEM "file://${secretFile}">\n<FinalDraft `);
    expect(JSON.stringify(parse(external))).not.toContain(SECRET);
    const param = withDoctype(`<!ENTITY % p SYSTEM "file://${secretFile}"> %p;`, para('Action', 'Hi.'));
    const r = outcome(param);
    expect(`${r.text}${r.error}`).not.toContain(SECRET);
  });

  it('billion laughs: internal entities are not expanded', () => {
    let subset = '<!ENTITY lol "lol">';
    for (let i = 1; i <= 9; i++) subset += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
    const r = outcome(withDoctype(subset, para('Action', '&lol9;')));
    expect(r.error).toMatch(/undefined entity/);
    const unused = parse(withDoctype(subset, para('Action', 'Calm.')));
    expect(unused.scenes[0].elements).toHaveLength(1);
  });

  it('deep nesting is refused with a clear error, not a stack overflow', () => {
    const depth = 200_000;
    const xml = fdxDoc(`${'<Paragraph>'.repeat(depth)}${'</Paragraph>'.repeat(depth)}`);
    expectCoreError(() => parse(xml), 'BAD_INPUT', 'evil.fdx is damaged: its XML could not be read (the elements are nested too deeply for a screenplay).');
  });

  it('malformed XML is BAD_INPUT with the line', () => {
    const good = fdxDoc(`${para('Scene Heading', 'INT. HALL')}\n${para('Action', 'Hi.')}`);
    expectCoreError(() => parse(good.slice(0, good.length - 40)), 'BAD_INPUT', /^evil\.fdx is damaged: its XML could not be read \(line \d+: .+\)\.$/);
    expectCoreError(() => parse(good.replace('</Content>', '</Contents>')), 'BAD_INPUT', /line \d+/);
    expectCoreError(() => parse(good.replace('<Text>Hi.</Text>', '<Text>Hi & bye</Text>')), 'BAD_INPUT', /evil\.fdx is damaged/);
    expectCoreError(() => parse(`${good}<extra/>`), 'BAD_INPUT', /evil\.fdx is damaged/);
  });

  it('XML that is not Final Draft, or Final Draft without <Content>', () => {
    expectCoreError(() => parse('<?xml version="1.0"?><html><body>Hi</body></html>', 'page.fdx'), 'UNSUPPORTED', 'page.fdx is XML but not a Final Draft screenplay.');
    expectCoreError(() => parse('<?xml version="1.0"?><FinalDraft Version="5"><TitlePage/></FinalDraft>'), 'BAD_INPUT', 'evil.fdx has no script in it (no <Content> in the Final Draft file).');
  });

  it('a .fdx that is not XML at all', () => {
    expectCoreError(() => parse('INT. HALL\n\nThis is Fountain.\n', 'draft.fdx'), 'BAD_INPUT', /^draft\.fdx is damaged: its XML could not be read/);
  });
});
