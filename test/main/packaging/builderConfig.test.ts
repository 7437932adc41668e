import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// Our machines cannot download Electron, so `npm run dist` never runs in CI. Instead the config
// is checked against the JSON schema electron-builder itself validates with, plus what matters
// to us: targets, icons, native-module handling.
const root = join(__dirname, '..', '..', '..');
// js-yaml is what electron-builder reads its YAML with (a dependency of app-builder-lib).
const yaml = createRequire(join(root, 'node_modules', 'app-builder-lib', 'package.json'))(
  'js-yaml',
) as { load(text: string): unknown };

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  directories: { output: string; buildResources: string };
  win: { target: Target[] };
  mac: { target: Target[]; entitlements: string; extendInfo: Record<string, string> };
  linux: { target: string[]; maintainer: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

const schema = JSON.parse(
  readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;
// No type coercion (electron-builder's own validator coerces): a quoted boolean is an error.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it("matches electron-builder's own configuration schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself catches a mistake', () => {
    expect(validate({ ...config, npmRebuild: 'yes' })).toBe(false);
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
  });

  it('names the app LeadPhone with a stable appId', () => {
    expect(config.appId).toBe('vn.leadphone.desktop');
    expect(config.productName).toBe('LeadPhone');
    expect(pkg.productName).toBe('LeadPhone');
  });

  it('builds an NSIS installer, a DMG, an AppImage and a deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    // dpkg refuses a package without a maintainer.
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('has an icon of at least 512×512 and the files it names', () => {
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the first two big-endian words after the chunk header.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    expect(existsSync(join(root, config.mac.entitlements))).toBe(true);
    expect(readFileSync(join(root, config.mac.entitlements), 'utf8')).toContain(
      'com.apple.security.device.audio-input',
    );
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toBeTruthy();
  });

  it('packs the built app and starts from it', () => {
    expect(config.files).toContain('out/**');
    expect(matchesGlob(pkg.main, 'out/**')).toBe(true);
  });

  it('rebuilds native modules for Electron and keeps better-sqlite3 out of the asar', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    // Where a rebuild for Electron writes the binary, and the N-API prebuild for this machine.
    const binaries = [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`,
      // the JS that locates the binary must sit beside it
      'node_modules/better-sqlite3/lib/binding.js',
    ];
    for (const file of binaries) {
      expect(
        config.asarUnpack.some((p) => matchesGlob(file, p)),
        file,
      ).toBe(true);
    }
  });

  it('`npm run dist` builds the app, then packages for the current platform only', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
    // No --win/--mac/--linux flag: electron-builder defaults to the platform it runs on.
    expect(pkg.scripts.dist).not.toMatch(/--(win|mac|linux)|-[wml]\b/);
  });
});
