import { describe, expect, it } from 'vitest';
import { shortFolder } from '../../shared/util/short-folder';

describe('shortFolder', () => {
  it('names the folder a project is in, the home folder as ~', () => {
    expect(shortFolder('/home/ana/Films/Short/Short.boardwright', '/home/ana')).toBe('~/Films/Short');
    expect(shortFolder('/home/ana/Short.boardwright', '/home/ana/')).toBe('~');
    expect(shortFolder('C:\\Users\\ana\\Films\\Short.boardwright', 'C:\\Users\\ana')).toBe('~\\Films');
  });

  it('leaves other folders whole, including one whose name merely starts like home', () => {
    expect(shortFolder('/home/anabel/Short.boardwright', '/home/ana')).toBe('/home/anabel');
    expect(shortFolder('/mnt/work/Short.boardwright', '/home/ana')).toBe('/mnt/work');
    expect(shortFolder('/Short.boardwright', '/home/ana')).toBe('/');
    expect(shortFolder('/mnt/work/Short.boardwright', null)).toBe('/mnt/work');
  });
});
