import { describe, expect, it } from 'vitest';
import { UploadStore } from '../../electron/core/uploads/upload-store';
import { acceptUpload } from '../../electron/core/uploads/accept-upload';
import { MAX_AUDIO_BYTES, MAX_IMAGE_BYTES, UPLOAD_ID_PATTERN } from '../../shared/api/uploads';

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill);

describe('upload store', () => {
  it('hands bytes over once, by id and kind, and forgets them', () => {
    const store = new UploadStore();
    const a = store.put('image', bytes(10, 7));
    expect(a).toEqual({ uploadId: expect.stringMatching(UPLOAD_ID_PATTERN), bytes: 10 });
    expect(store.heldBytes).toBe(10);
    expect(() => store.take(a.uploadId, 'audio')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(store.take(a.uploadId, 'image').equals(bytes(10, 7))).toBe(true);
    expect(store.heldBytes).toBe(0);
    expect(() => store.take(a.uploadId, 'image')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.take('x'.repeat(24), 'image')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('uses up none of several uploads unless all of them are there, each once', () => {
    const store = new UploadStore();
    const a = store.put('image', bytes(3)).uploadId;
    const b = store.put('image', bytes(4)).uploadId;
    expect(() => store.takeAll([a, 'y'.repeat(24)], 'image')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.takeAll([a, a], 'image')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(store.heldBytes).toBe(7);
    expect(store.takeAll([b, a], 'image').map((x) => x.length)).toEqual([4, 3]);
    expect(store.heldBytes).toBe(0);
  });

  it('drops uploads nobody used once they expire', () => {
    let now = 1_000;
    const store = new UploadStore({ ttlMs: 60_000, now: () => now });
    const a = store.put('audio', bytes(5)).uploadId;
    now += 59_999;
    expect(store.heldBytes).toBe(5);
    now += 1;
    expect(store.heldBytes).toBe(0);
    expect(() => store.take(a, 'audio')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses empty and oversized uploads, and more than it may hold at once', () => {
    const store = new UploadStore({ maxTotalBytes: 10 });
    expect(() => store.put('image', bytes(0))).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    store.put('image', bytes(8));
    expect(store.hasRoom(2)).toBe(true);
    expect(store.hasRoom(3)).toBe(false);
    expect(() => store.put('image', bytes(3))).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    const big = new UploadStore({ maxTotalBytes: 2 * MAX_IMAGE_BYTES });
    // Zero pages never touched: the size check is what is tested, not the machine's memory.
    expect(() => big.put('image', Buffer.from(new ArrayBuffer(MAX_IMAGE_BYTES + 1)))).toThrow(/200 MB/);
    expect(() => big.put('audio', Buffer.from(new ArrayBuffer(MAX_AUDIO_BYTES + 1)))).toThrow(/200 MB/);
  });

  it('sets room aside for uploads still arriving, so concurrent ones cannot pass the cap together', () => {
    const store = new UploadStore({ maxTotalBytes: 10 });
    expect(store.reserve(6)).toBe(true);
    expect(store.reserve(6)).toBe(false);
    expect(store.hasRoom(4)).toBe(true);
    store.release(6);
    store.put('image', bytes(6));
    expect(store.reserve(6)).toBe(false);
    expect(store.reserve(4)).toBe(true);
  });

  it('accepts over IPC only {kind, bytes} with a Uint8Array, and keeps a view of it, not a copy', () => {
    const store = new UploadStore();
    const sent = new Uint8Array([9, 8, 7, 6]).subarray(1);
    const answer = acceptUpload(store, { kind: 'image', bytes: sent });
    expect(answer).toMatchObject({ ok: true, value: { bytes: 3 } });
    const kept = store.take((answer as { value: { uploadId: string } }).value.uploadId, 'image');
    expect([...kept]).toEqual([8, 7, 6]);
    expect(kept.buffer).toBe(sent.buffer);
    for (const bad of [undefined, 42, { kind: 'image' }, { kind: 'image', bytes: [1] }, { kind: 'image', bytes: 'AQ==' }, { kind: 'toString', bytes: sent }, { kind: 'video', bytes: sent }]) {
      expect(acceptUpload(store, bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(store.heldBytes).toBe(0);
  });
});
