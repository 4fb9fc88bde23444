import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './runBuild.ts';

/**
 * `npm run dev` for a test: `astro dev` in a child process, on 127.0.0.1 and a free port,
 * for the study in `data` and `content` (QUALPRESS_DATA and QUALPRESS_CONTENT, as a user
 * would set them). Astro's and Vite's caches go to `cacheDir`, never into node_modules/.
 * Run as a script (below), this file starts the server itself.
 */
export interface DevServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** Everything the server printed so far, stdout and stderr, in order of arrival. */
  output(): string;
  /** Resolves once `text` has been printed (after `from`, a length of output()); rejects after `ms`. */
  printed(text: string | RegExp, from?: number, ms?: number): Promise<void>;
  readonly pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The environment without what Vitest sets: Astro's dev server installs no page handler
 * under VITEST, and Vite sends no reloads under NODE_ENV=test.
 */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

export async function startDevServer(study: { data: string; content: string }, cacheDir: string): Promise<DevServer> {
  const port = await freePort();
  const node = join(repoRoot, 'node_modules', '.bin', 'node');
  const child: ChildProcess = spawn(node, [import.meta.filename, String(port), cacheDir], {
    cwd: repoRoot,
    env: {
      ...outsideVitest(process.env),
      QUALPRESS_DATA: study.data,
      QUALPRESS_CONTENT: study.content,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const check of waiting) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const printed = (text: string | RegExp, from = 0, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const found = () => (typeof text === 'string' ? output.indexOf(text, from) !== -1 : text.test(output.slice(from)));
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`dev server did not print ${String(text)} within ${ms} ms; it printed:\n${output}`));
      }, ms);
      const check = () => {
        if (!found()) return;
        clearTimeout(timer);
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });

  const server: DevServer = {
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    printed,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await printed(new RegExp(`Local\\s+http://127\\.0\\.0\\.1:${port}/`));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

if (process.argv[1] === import.meta.filename) {
  const [port, cacheDir] = process.argv.slice(2);
  const { dev } = await import('astro');
  await dev({
    root: repoRoot,
    cacheDir: join(cacheDir!, 'astro'),
    vite: { cacheDir: join(cacheDir!, 'vite') },
    server: { host: '127.0.0.1', port: Number(port) },
    logLevel: 'info',
  });
}
