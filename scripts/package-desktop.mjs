// `npm run package`: the desktop installers. Builds the app (main, preload, renderer, playground),
// rebuilds the native modules (better-sqlite3) for Electron's ABI, runs electron-builder with
// electron-builder.yml, and always rebuilds them for Node again afterwards, so the CLI, the headless
// studio and the tests keep working in this checkout. Needs the Electron binary and headers, which
// is why this is not in postinstall. Extra arguments go to electron-builder (e.g. --linux deb).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`\n> ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0)
    throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
}

function electronVersion() {
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
  try {
    const binary = require('electron');
    if (!existsSync(binary)) throw new Error(`${binary} is missing`);
  } catch (error) {
    throw new Error(
      `The Electron binary is not installed (${error.message}): run \`node node_modules/electron/install.js\` on a machine that can download it.`,
    );
  }
  return manifest.version;
}

let failure;
let rebuiltForElectron = false;
try {
  const version = electronVersion();
  run('build', bin('electron-vite'), ['build']);
  run('playground', process.execPath, ['scripts/build-playground.mjs']);
  rebuiltForElectron = true;
  run('native modules for Electron', bin('electron-rebuild'), [
    '--version',
    version,
    '--only',
    'better-sqlite3',
    '--force',
  ]);
  run('installers', bin('electron-builder'), [
    '--config',
    'electron-builder.yml',
    ...process.argv.slice(2),
  ]);
} catch (error) {
  failure = error;
} finally {
  if (rebuiltForElectron) {
    try {
      run('native modules for Node again', 'npm', ['rebuild', 'better-sqlite3']);
    } catch (error) {
      failure ??= error;
    }
  }
}
if (failure !== undefined) {
  console.error(`\npackage: ${failure.message}`);
  process.exit(1);
}
console.log('\npackages written to dist/');
