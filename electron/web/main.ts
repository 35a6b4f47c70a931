import path from 'node:path';
import { appDirs } from './paths';
import { startWebServer } from './server';

/** `npm run web -- [FILE]`: prints the URL as its first line, then serves until interrupted. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 0;
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
  const dirs = appDirs();
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  try {
    const server = await startWebServer({ rendererDir, ...dirs, file, port });
    process.stdout.write(`Boardwright web: ${server.url}\n`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    process.stderr.write(`Boardwright web could not start: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

void main();
