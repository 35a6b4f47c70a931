import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicOutput } from '../../electron/core/files/atomic-output';
import { tempDir } from './helpers';

describe('atomic output files', () => {
  const dir = tempDir('bw out ✓ ');

  it('appear only when the writer succeeds', async () => {
    const target = path.join(dir, 'Boards — final.txt');
    await AtomicOutput.write(target, async (tmp) => fs.writeFileSync(tmp, 'done'));
    expect(fs.readFileSync(target, 'utf8')).toBe('done');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('leave nothing behind, and the old file untouched, when the writer fails', async () => {
    const target = path.join(dir, 'keep.txt');
    fs.writeFileSync(target, 'old');
    await expect(
      AtomicOutput.write(target, async (tmp) => {
        fs.writeFileSync(tmp, 'half');
        throw new Error('cancelled midway');
      }),
    ).rejects.toThrow('cancelled midway');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => new AtomicOutput(path.join(dir, 'missing', 'x.pdf'))).toThrow(/does not exist/);
  });
});
