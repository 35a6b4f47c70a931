import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/events';
import { EventBus } from '../../electron/core/events';
import { TaskRunner } from '../../electron/core/tasks/task-runner';
import { startWebServer } from '../../electron/web/server';
import { tempDir } from './helpers';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('tasks', () => {
  it('report progress with a time-left estimate and finish with their result', async () => {
    const bus = new EventBus();
    const events: AppEvent[] = [];
    bus.subscribe((e) => events.push(e));
    const runner = new TaskRunner(bus);
    const { taskId, done } = runner.start('Counting', async (ctx) => {
      for (let i = 1; i <= 3; i++) {
        await tick();
        ctx.progress(i, 3);
      }
      return 'result';
    });
    expect(runner.list().map((t) => t.taskId)).toEqual([taskId]);
    await expect(done).resolves.toBe('result');
    const last = events.at(-1)!;
    expect(last).toMatchObject({ kind: 'task.finished', result: 'result', task: { taskId, done: 3, total: 3, state: 'finished' } });
    expect(events.some((e) => e.kind === 'task.progress' && e.task.done === 3)).toBe(true);
    expect(runner.list()).toEqual([]);
  });

  it('cancel aborts the task, which fails with CANCELLED', async () => {
    const bus = new EventBus();
    const events: AppEvent[] = [];
    bus.subscribe((e) => events.push(e));
    const runner = new TaskRunner(bus);
    let steps = 0;
    const { taskId, done } = runner.start('Long', async (ctx) => {
      while (!ctx.signal.aborted) {
        steps++;
        await tick();
      }
      return 'never';
    });
    await tick();
    expect(runner.cancel(taskId)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(events.at(-1)).toMatchObject({ kind: 'task.failed', task: { state: 'cancelled' }, error: { code: 'CANCELLED' } });
    expect(runner.cancel(taskId)).toBe(false);
    expect(steps).toBeGreaterThan(0);
  });

  it('a failing listener does not break the others', () => {
    const bus = new EventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('closed window');
    });
    bus.subscribe((e) => got.push(e.kind));
    bus.emit({ kind: 'board.changed' });
    expect(got).toEqual(['board.changed']);
  });
});

describe('web mode pushes core events as Server-Sent Events', () => {
  it('delivers an event to a connected client that carries the token', async () => {
    const home = tempDir('bw-sse-');
    fs.mkdirSync(path.join(home, 'r'));
    const server = await startWebServer({ rendererDir: path.join(home, 'r'), settingsDir: home, projectsDir: home });
    try {
      const received = await new Promise<string>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events', headers: { Cookie: `bw_token=${server.token}` } }, (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let buf = '';
          res.on('data', (d) => {
            buf += d;
            if (buf.includes(': connected')) server.session.events.emit({ kind: 'board.changed' });
            const m = /data: (.*)\n\n/.exec(buf);
            if (m) {
              resolve(m[1]);
              req.destroy();
            }
          });
        });
        req.on('error', reject);
      });
      expect(JSON.parse(received)).toEqual({ kind: 'board.changed' });
      const refused = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: server.port, path: '/events' }, (res) => resolve(res.statusCode!)));
      expect(refused).toBe(403);
    } finally {
      await server.close();
    }
  });
});
