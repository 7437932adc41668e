import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadFile } from '../../src/renderer/api/uploadFile';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/api/intake';
import { windows1258 } from '../helpers/codePages';
import { NUMBER_SPELLINGS } from '../helpers/numberSpellings';
import { type TempCore } from '../helpers/tempCore';
import { errorOf, useContractClient, type ContractRig } from './contractRig';

const named = (name: string, content: string | Uint8Array) =>
  Object.assign(new Blob([content as BlobPart]), { name });

const CSV = [
  '\uFEFFHọ tên;Số điện thoại;Nguồn;Ghi chú',
  'Nguyễn Văn An;0912.345.678;Facebook;"muốn tư vấn; gọi tối"',
  'Đặng Thị Bình;+84 913 000 111;Zalo;',
  'Trần Cường;12345;Facebook;số sai',
  ';;;',
  'Lê Dung;0912345678;Google;hỏi giá',
].join('\r\n');

/** Upload, preview, import with progress, search and manual add through the contract. */
export function describeIntakeContract(
  name: string,
  connect: (t: TempCore) => Promise<ContractRig>,
) {
  describe(`lead intake through the contract (${name})`, () => {
    const ctx = useContractClient(connect);

    async function importCsv(text: string) {
      const uploadId = await uploadFile(ctx.client, named('leads.csv', text));
      const preview = await ctx.client.call('imports.preview', { uploadId });
      const progress: number[] = [];
      const off = ctx.client.on('import.progress', (p) => {
        if (p.uploadId === uploadId) progress.push(p.done);
      });
      const report = await ctx.client.call('imports.run', { uploadId, mapping: preview.mapping });
      off();
      return { preview, report, progress };
    }

    it('uploads a file, previews the detected mapping, imports with progress, and cleans up', async () => {
      const { preview, report, progress } = await importCsv(CSV);
      expect(preview).toMatchObject({
        kind: 'csv',
        delimiter: ';',
        headers: ['Họ tên', 'Số điện thoại', 'Nguồn', 'Ghi chú'],
        mapping: { hasHeader: true, columns: { name: 0, phone: 1, source: 2, note: 3 } },
      });
      expect(preview.sampleRows[0]).toEqual([
        'Nguyễn Văn An',
        '0912.345.678',
        'Facebook',
        'muốn tư vấn; gọi tối',
      ]);
      expect(report.counts).toMatchObject({
        rowsRead: 5,
        newLeads: 3,
        mergedDuplicates: 1,
        rejected: 1,
        invalidPhones: 1,
      });
      expect(report.balanced).toBe(true);
      expect(report.lines.map((l) => [l.row, l.reason])).toEqual([
        [4, 'phone_invalid'],
        [5, 'empty_row'],
      ]);
      expect(progress.at(-1)).toBe(5);
      // The uploaded copy is gone once the import ended.
      const uploads = join(ctx.t.dir, 'imports');
      expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    });

    it('merges a re-import into the same leads and changes nothing the second time', async () => {
      await importCsv(CSV);
      const before = await ctx.client.call('leads.list', { stage: 'new', limit: 50 });
      const { report } = await importCsv(CSV);
      expect(report.counts).toMatchObject({ newLeads: 0, mergedDuplicates: 4, unchanged: 4 });
      const after = await ctx.client.call('leads.list', { stage: 'new', limit: 50 });
      expect(after.items).toEqual(before.items);
    });

    it('finds Vietnamese names typed without diacritics, and numbers by 4+ digits', async () => {
      await importCsv(CSV);
      const byName = await ctx.client.call('leads.search', { query: 'nguyen van' });
      expect(byName.items.map((l) => l.name)).toEqual(['Nguyễn Văn An']);
      const byD = await ctx.client.call('leads.search', { query: 'dang binh' });
      expect(byD.items.map((l) => l.name)).toEqual(['Đặng Thị Bình']);
      const byDigits = await ctx.client.call('leads.search', { query: '0111' });
      expect(byDigits.items.map((l) => l.name)).toEqual(['Đặng Thị Bình']);
      const byNote = await ctx.client.call('leads.search', { query: 'tu van' });
      expect(byNote.items.map((l) => l.name)).toEqual(['Nguyễn Văn An']);
    });

    it('finds a lead by its number in every spelling the importer reads, old 11-digit ones too', async () => {
      await ctx.client.call('leads.add', { name: 'Chị Hằng', phone: '0393537138' });
      await ctx.client.call('leads.add', { name: 'Anh Khác', phone: '0393537139' });
      for (const query of NUMBER_SPELLINGS) {
        const page = await ctx.client.call('leads.search', { query });
        expect([query, page.items.map((l) => l.name)]).toEqual([query, ['Chị Hằng']]);
      }
      // Digits of a number still find it as typed, not read as another number.
      const part = await ctx.client.call('leads.search', { query: '353713' });
      expect(part.items.map((l) => l.name)).toEqual(['Anh Khác', 'Chị Hằng']);
    });

    it('imports a Windows-1258 file, converted in the import worker, as the same names as UTF-8', async () => {
      const rows = [
        'Họ tên,SĐT,Ghi chú',
        'Nguyễn Thị Hồng Nhung,0912.345.678,hỏi giá',
        'Đặng Văn Đức,0987654321,Ưu đãi ở Đà Nẵng',
      ];
      const uploadId = await uploadFile(
        ctx.client,
        named('cp1258.csv', windows1258(rows.join('\r\n'))),
      );
      const preview = await ctx.client.call('imports.preview', { uploadId });
      expect(preview).toMatchObject({ encoding: 'windows1258', warnings: [] });
      expect(preview.sampleRows.map((r) => r[0])).toEqual([
        'Nguyễn Thị Hồng Nhung',
        'Đặng Văn Đức',
      ]);
      const report = await ctx.client.call('imports.run', { uploadId, mapping: preview.mapping });
      expect(report.counts).toMatchObject({ rowsRead: 2, newLeads: 2 });
      const leads = await ctx.client.call('leads.list', { stage: 'new', limit: 10 });
      expect(leads.items.map((l) => [l.name, l.note]).sort()).toEqual([
        ['Nguyễn Thị Hồng Nhung', 'hỏi giá'],
        ['Đặng Văn Đức', 'Ưu đãi ở Đà Nẵng'],
      ]);
      const found = await ctx.client.call('leads.search', { query: 'nguyen thi hong' });
      expect(found.items.map((l) => l.name)).toEqual(['Nguyễn Thị Hồng Nhung']);
    });

    it('refuses a file that is not text or is empty with its own message, keeping no copy', async () => {
      const uploads = join(ctx.t.dir, 'imports');
      const kept = () => (existsSync(uploads) ? readdirSync(uploads) : []);
      // Larger than the sample the preview reads (256 KiB): refused from the sample alone.
      const garbage = await uploadFile(ctx.client, named('leads.csv', randomBytes(1 << 20)));
      expect(
        await errorOf(ctx.client.call('imports.preview', { uploadId: garbage })),
      ).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'path', key: 'import_not_text' }],
      });
      expect(kept()).toEqual([]);
      // Nothing left to import either.
      expect(
        await errorOf(
          ctx.client.call('imports.run', {
            uploadId: garbage,
            mapping: {
              hasHeader: true,
              columns: { name: 0, phone: 1, source: null, note: null, receivedAt: null },
            },
          }),
        ),
      ).toMatchObject({ code: 'not_found' });

      expect(await errorOf(uploadFile(ctx.client, named('empty.csv', '')))).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'size', key: 'import_file_empty' }],
      });
      const blank = await uploadFile(ctx.client, named('blank.csv', '\uFEFF\r\n\r\n'));
      expect(await errorOf(ctx.client.call('imports.preview', { uploadId: blank }))).toMatchObject({
        fields: [{ path: 'path', key: 'import_file_empty' }],
      });
      expect(kept()).toEqual([]);

      // A header row alone is previewed, with a warning before anything is imported.
      const header = await uploadFile(ctx.client, named('header.csv', 'Họ tên,SĐT,Nguồn\r\n'));
      expect(await ctx.client.call('imports.preview', { uploadId: header })).toMatchObject({
        mapping: { hasHeader: true },
        sampleRows: [],
        warnings: ['no_data_rows'],
      });
      expect(kept()).toHaveLength(1);
      await ctx.client.call('imports.cancel', { uploadId: header });
      expect(kept()).toEqual([]);
      const counts = await ctx.client.call('leads.list', { stage: 'new', limit: 1 });
      expect(counts.counts.new).toBe(0);
    });

    it('sends a file larger than one chunk in order', async () => {
      const rows = ['Tên,SĐT'];
      for (let i = 0, size = 0; size < UPLOAD_CHUNK_BYTES * 1.5; i++) {
        const row = `Khách hàng số ${i} với một cái tên khá dài,09${String(10_000_000 + i)}`;
        rows.push(row);
        size += row.length + 1;
      }
      const sent: number[] = [];
      const file = named('big.csv', rows.join('\n'));
      const uploadId = await uploadFile(ctx.client, file, (s) => sent.push(s));
      expect(sent).toEqual([UPLOAD_CHUNK_BYTES, file.size]);
      const preview = await ctx.client.call('imports.preview', { uploadId });
      const report = await ctx.client.call('imports.run', { uploadId, mapping: preview.mapping });
      expect(report.counts.newLeads).toBe(rows.length - 1);
    });

    it('refuses a wrong file type, chunks out of order, an incomplete or unknown upload', async () => {
      expect(
        await errorOf(ctx.client.call('imports.begin', { fileName: 'a.exe', size: 10 })),
      ).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'fileName', key: 'import_file_type' }],
      });
      const { uploadId } = await ctx.client.call('imports.begin', { fileName: 'a.csv', size: 8 });
      expect(
        await errorOf(ctx.client.call('imports.chunk', { uploadId, offset: 4, data: 'QUJDRA==' })),
      ).toMatchObject({ code: 'invalid_input', fields: [{ key: 'import_upload_order' }] });
      await ctx.client.call('imports.chunk', { uploadId, offset: 0, data: 'QUJDRA==' });
      expect(await errorOf(ctx.client.call('imports.preview', { uploadId }))).toMatchObject({
        fields: [{ key: 'import_upload_incomplete' }],
      });
      await ctx.client.call('imports.cancel', { uploadId });
      expect(await errorOf(ctx.client.call('imports.preview', { uploadId }))).toMatchObject({
        code: 'not_found',
      });
      const counts = await ctx.client.call('leads.list', { stage: 'new', limit: 1 });
      expect(counts.counts.new).toBe(0);
    });

    it('refuses a manual duplicate with the existing lead to open instead', async () => {
      await importCsv(CSV);
      const [existing] = (await ctx.client.call('leads.search', { query: 'Nguyen Van An' })).items;
      const err = await errorOf(
        ctx.client.call('leads.add', { name: 'Dung', phone: '84 912 345 678' }),
      );
      expect(err).toMatchObject({ code: 'duplicate_lead', data: { leadId: existing!.id } });
    });
  });
}
