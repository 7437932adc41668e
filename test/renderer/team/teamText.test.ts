import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/i18n';
import { vi as viMessages } from '../../../src/renderer/i18n/vi';
import { en as enMessages } from '../../../src/renderer/i18n/en';
import {
  CHANGE_REFUSAL_REASONS,
  indicatorText,
  lastErrorText,
  refusalText,
  TEAM_REFUSAL_CODES,
  teamErrorText,
} from '../../../src/renderer/team/teamText';
import { RefusalReason, ServerErrorCode } from '../../../src/shared/team/protocol';
import type { TeamStatus } from '../../../src/shared/team/status';

const linked: TeamStatus = {
  linked: true,
  state: 'online',
  pending: 0,
  uploading: false,
  serverUrl: 'http://127.0.0.1:8750',
  teamName: 'Nhóm A',
  role: 'agent',
  lastSyncAt: 0,
  lastError: null,
  refusals: [],
};

describe("the team server's words", () => {
  const vi = createI18n('vi').t;
  const en = createI18n('en').t;

  it('has a sentence of its own in both languages for every server refusal and every change refusal', () => {
    // Every code the server can answer with (but `unavailable`, said as unreachable) is covered.
    for (const code of ServerErrorCode.options.filter((c) => c !== 'unavailable')) {
      expect(TEAM_REFUSAL_CODES).toContain(code);
    }
    for (const reason of RefusalReason.options) expect(CHANGE_REFUSAL_REASONS).toContain(reason);
    for (const messages of [viMessages, enMessages]) {
      for (const code of TEAM_REFUSAL_CODES) expect(messages.team.refused[code]).toBeTruthy();
      for (const reason of CHANGE_REFUSAL_REASONS)
        expect(messages.team.reason[reason]).toBeTruthy();
    }
    const texts = TEAM_REFUSAL_CODES.map((c) =>
      teamErrorText(vi, { code: 'team_refused', message: '', data: { reason: c } }),
    );
    expect(new Set(texts).size).toBe(TEAM_REFUSAL_CODES.length);
    expect(texts).not.toContain(vi('team.refused.other'));
  });

  it('says why a connection was refused, what a field got wrong, or that the server cannot be reached', () => {
    expect(
      teamErrorText(vi, {
        code: 'team_refused',
        message: 'This enrolment code has expired.',
        data: { reason: 'enrolment_code_expired' },
      }),
    ).toBe('Mã kết nối đã hết hạn; hãy xin mã mới.');
    expect(
      teamErrorText(en, {
        code: 'team_refused',
        message: '',
        data: { reason: 'enrolment_code_invalid' },
      }),
    ).toBe('This one-time code is wrong or was used already.');
    expect(
      teamErrorText(en, { code: 'team_refused', message: '', data: { reason: 'something_new' } }),
    ).toBe('The team server refused the request.');
    expect(
      teamErrorText(vi, {
        code: 'invalid_input',
        message: '',
        fields: [{ path: 'serverUrl', key: 'team_url_insecure' }],
      }),
    ).toBe(
      'Chỉ được dùng http:// với máy chủ trên chính máy này; với máy chủ khác hãy dùng https://.',
    );
    expect(
      teamErrorText(en, {
        code: 'invalid_input',
        message: '',
        fields: [{ path: 'serverUrl', key: 'team_url_invalid' }],
      }),
    ).toMatch(/^Not a valid server address/);
    for (const key of ['team_url_required', 'team_code_required']) {
      expect(
        teamErrorText(vi, { code: 'invalid_input', message: '', fields: [{ path: 'x', key }] }),
      ).not.toMatch(/^errors\./);
    }
    expect(teamErrorText(vi, { code: 'team_unreachable', message: '' })).toMatch(
      /^Không kết nối được máy chủ nhóm/,
    );
    expect(teamErrorText(en, { code: 'team_not_linked', message: '' })).toBe(
      'This install is not connected to a team server.',
    );
  });

  it('says the last round’s failure kept in the status', () => {
    expect(lastErrorText(vi, null)).toBeNull();
    expect(lastErrorText(en, { code: 'unreachable', message: 'fetch failed' })).toMatch(
      /^The team server cannot be reached/,
    );
    expect(lastErrorText(vi, { code: 'device_revoked', message: '' })).toMatch(/thu hồi/);
  });

  it('shows nothing in the top bar without a server, else the state in a few words', () => {
    expect(indicatorText(vi, null)).toBeNull();
    expect(indicatorText(vi, { ...linked, linked: false, state: 'off' })).toBeNull();
    expect(indicatorText(vi, linked)).toBe('Đã đồng bộ');
    expect(indicatorText(vi, { ...linked, state: 'syncing' })).toBe('Đang đồng bộ…');
    expect(indicatorText(vi, { ...linked, state: 'offline', pending: 12 })).toBe(
      'Ngoại tuyến — 12 thay đổi đang chờ',
    );
    expect(indicatorText(en, { ...linked, state: 'offline', pending: 3 })).toBe(
      'Offline — 3 changes waiting',
    );
    expect(indicatorText(vi, { ...linked, state: 'revoked' })).toBe('Thiết bị đã bị thu hồi');
    expect(indicatorText(en, { ...linked, pending: 2 })).toBe('2 changes waiting');
  });

  it('translates each reason a change was refused, and one it does not know', () => {
    expect(refusalText(vi, 'lead_reassigned')).toMatch(/giao cho nhân viên khác/);
    expect(refusalText(en, 'stage_changed')).toMatch(/moved to another folder/);
    expect(refusalText(en, 'new_reason')).toBe('The team server did not take this change.');
  });
});
