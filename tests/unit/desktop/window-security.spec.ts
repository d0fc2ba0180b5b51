/** The main window's security, read from the code that builds it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  DESKTOP_CONTENT_SECURITY_POLICY,
  appEntryUrl,
  isAppUrl,
  permissionAllowed,
  rendererFileFor,
} from '../../../src-main/desktop/web-security';
import { mainWindowOptions } from '../../../src-main/desktop/window-options';

describe('the main window options', () => {
  it('isolate and sandbox the renderer, with no Node and no webviews', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    expect(options).toMatchObject({ show: false, width: 1280, height: 820, minWidth: 720 });
  });

  it('take remembered bounds, the position only when complete', () => {
    expect(mainWindowOptions('p', { x: 10, y: 20, width: 900, height: 700 })).toMatchObject({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
    });
    const noPosition = mainWindowOptions('p', { x: 10, width: 900, height: 700 });
    expect(noPosition).not.toHaveProperty('x');
    expect(noPosition).not.toHaveProperty('y');
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    DESKTOP_CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name, values.join(' ')];
    }),
  );

  it('allows only the app’s own scripts, and no connections, frames, forms or plugins', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(DESKTOP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });
});

describe('the app origin', () => {
  it('recognises the app’s pages only', () => {
    expect(isAppUrl('app://studio/index.html#/library', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://other/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://studio/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('not a url', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('grants the clipboard to the app and nothing else to anyone', () => {
    expect(
      permissionAllowed('clipboard-sanitized-write', 'app://studio/index.html', APP_ORIGIN),
    ).toBe(true);
    expect(
      permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN),
    ).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      expect(permissionAllowed(permission, 'app://studio/index.html', APP_ORIGIN)).toBe(false);
    }
  });

  it('opens the UI with the launch token', () => {
    expect(appEntryUrl(APP_ORIGIN, 'tok-en_1')).toBe('app://studio/index.html?token=tok-en_1');
  });

  it('serves files of the renderer build only', () => {
    const dir = path.resolve('/app/out/renderer');
    expect(rendererFileFor(dir, 'app://studio/')).toBe(path.join(dir, 'index.html'));
    expect(rendererFileFor(dir, 'app://studio/index.html?token=x')).toBe(
      path.join(dir, 'index.html'),
    );
    expect(rendererFileFor(dir, 'app://studio/assets/index-1.js')).toBe(
      path.join(dir, 'assets', 'index-1.js'),
    );
    expect(rendererFileFor(dir, 'app://studio/assets/a%20b.css')).toBe(
      path.join(dir, 'assets', 'a b.css'),
    );
    for (const outside of [
      'app://studio/../../etc/passwd',
      'app://studio/%2e%2e/%2e%2e/etc/passwd',
      'app://studio/..%2f..%2fetc/passwd',
      'app://studio/x%00.js',
      'app://studio/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = rendererFileFor(dir, outside);
      expect(file === undefined || file.startsWith(`${dir}${path.sep}`), outside).toBe(true);
    }
    expect(rendererFileFor(dir, 'app://studio/x%00.js')).toBeUndefined();
    expect(rendererFileFor(dir, 'app://other/index.html')).toBeUndefined();
    expect(rendererFileFor(dir, 'app://studio/%E0%A4%A')).toBeUndefined();
  });
});
