import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../src/renderer/api/client';
import { AddLeadForm } from '../../../src/renderer/leads/AddLeadForm';
import { createI18n } from '../../../src/renderer/i18n';
import { TEXT_LIMITS } from '../../../src/shared/textLimits';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const RENDERER = join(__dirname, '..', '..', '..', 'src', 'renderer');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsxFiles(join(dir, e.name))
      : e.name.endsWith('.tsx')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every <input …/> and <textarea …/> in the source, up to the end of its opening tag. */
function fieldTags(source: string): string[] {
  const tags: string[] = [];
  const re = /<(input|textarea)\b/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let depth = 0;
    let i = m.index + 1;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0 && source[i - 1] !== '=') break;
    }
    tags.push(source.slice(m.index, i + 1));
  }
  return tags;
}

/** Types whose value is not typed text: the browser bounds them itself. */
const NOT_TEXT = /type="(checkbox|radio|file|number|color|datetime-local|date|time|range)"/;

/** Sets a field's value the way typing or pasting does, so React sees the change. */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('length limits in the renderer', () => {
  it('every text field and textarea has a maxLength', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of tsxFiles(RENDERER)) {
      const source = readFileSync(file, 'utf8');
      for (const tag of fieldTags(source)) {
        if (NOT_TEXT.test(tag)) continue;
        checked++;
        // A spread of props is fine when those props carry the limit (AddLeadForm).
        const limited =
          /maxLength=/.test(tag) || (/\{\.\.\.props\}/.test(tag) && /maxLength:/.test(source));
        if (!limited) missing.push(`${relative(RENDERER, file)}: ${tag.split('\n')[0]}…`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  describe('the add-lead form', () => {
    let host: HTMLElement;
    let root: Root;
    afterEach(() => {
      act(() => root.unmount());
      host.remove();
    });

    async function render(language: 'vi' | 'en') {
      host = document.createElement('div');
      document.body.append(host);
      root = createRoot(host);
      await act(async () =>
        root.render(
          <I18nextProvider i18n={createI18n(language)}>
            <AddLeadForm
              client={{} as Client}
              onSaved={() => {}}
              onCancel={() => {}}
              onOpenExisting={() => {}}
            />
          </I18nextProvider>,
        ),
      );
      return {
        note: host.querySelector<HTMLTextAreaElement>('textarea[name="note"]')!,
        name: host.querySelector<HTMLInputElement>('input[name="name"]')!,
      };
    }

    it('limits the note and the name to the contract’s lengths', async () => {
      const { note, name } = await render('vi');
      expect(note.maxLength).toBe(TEXT_LIMITS.note);
      expect(name.maxLength).toBe(TEXT_LIMITS.name);
    });

    it('shows how much of the note is left only near the limit, in Vietnamese and English', async () => {
      for (const language of ['vi', 'en'] as const) {
        const { note } = await render(language);
        await act(async () => type(note, 'a'.repeat(3000)));
        expect(host.querySelector('.field__counter')).toBeNull();
        await act(async () => type(note, 'a'.repeat(3950)));
        expect(host.querySelector('.field__counter')?.textContent).toBe(
          language === 'vi' ? 'Còn 50 / 4.000 ký tự' : '50 of 4,000 characters left',
        );
        await act(async () => type(note, 'a'.repeat(4000)));
        expect(host.querySelector('.field__counter')?.textContent).toBe(
          language === 'vi'
            ? 'Đã đủ 4.000 ký tự: phần dán thêm bị cắt bớt.'
            : 'At the 4,000-character limit: anything more is cut off.',
        );
        act(() => root.unmount());
        host.remove();
      }
      // afterEach unmounts once more: give it something to unmount.
      await render('vi');
    });
  });
});
