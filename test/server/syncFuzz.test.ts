import { connect } from 'node:net';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse, ServerErrorCode, routes } from '../../src/shared/team/protocol';
import { tableSpecs } from '../../src/shared/sync/tables';
import { leadRow } from '../helpers/syncRows';
import { startTestTeam, type TestTeam } from '../helpers/teamServer';

/*
 * 10,000 random payloads to every route of the team server, as an enrolled agent (so the
 * token gate is passed and the contract is what refuses): random JSON, wrong types, huge and
 * odd strings, prototype-pollution keys, and pushes shaped like real ones with one thing
 * wrong. Every answer must be a well-formed error with a known code, the server must stay up,
 * and nothing may be written. Then raw, broken HTTP on a TCP socket.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = 10_000;
const known = new Set<string>(ServerErrorCode.options);

const postRoutes = [
  routes.enrol,
  routes.push,
  routes.pull,
  routes.issueCode,
  routes.agents,
  routes.revokeDevice,
  routes.assign,
];

const oddString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    "'; DROP TABLE leads; --",
    '\u0000',
    'x'.repeat(5000),
    '0912345678',
    'Nguyễn',
  ),
);
const junk = fc.jsonValue({ maxDepth: 4 });

/** A value that is wrong for a column of this type (or any value for a column that is not one). */
const wrongFor = (type: string | undefined) =>
  type === 'text'
    ? fc.oneof(
        fc.integer(),
        fc.double(),
        fc.array(junk),
        fc.constant('x'.repeat(4001)),
        fc.object(),
      )
    : type === 'integer' || type === 'real'
      ? fc.oneof(
          oddString,
          fc
            .double({ noInteger: true, noDefaultInfinity: false })
            .filter((d) => !Number.isFinite(d) || type === 'integer'),
          fc.array(junk),
          fc.constant(true),
        )
      : fc.oneof(junk, oddString);

/** A push that looks right except for one field of one lead. */
const leadColumns = tableSpecs[2]!.columns;
const shapedPush = fc
  .record({
    batch: fc.integer({ min: 1, max: 1_000_000 }),
    column: fc.oneof(
      fc.constantFrom(...leadColumns.map((c) => c.name)),
      oddString.filter((n) => !leadColumns.some((c) => c.name === n)),
    ),
  })
  .chain(({ batch, column }) =>
    wrongFor(leadColumns.find((c) => c.name === column)?.type).map((value) => ({
      batch,
      records: [{ t: 'leads', row: { ...leadRow(), [column]: value } }],
    })),
  );

const body = fc.oneof(
  junk,
  shapedPush,
  fc.record({
    cursor: fc.oneof(fc.integer(), fc.double(), oddString),
    limit: fc.oneof(fc.integer(), junk),
  }),
  fc.record({ code: oddString, device: junk, agent: junk }),
  fc.record({ pick: junk, toAgentIds: fc.array(oddString) }),
  fc.dictionary(oddString, junk),
);

describe('fuzzing the team server', () => {
  let team: TestTeam;
  let token: string;
  let sql: pg.Client;
  const snapshot = async () =>
    (
      await sql.query(
        `SELECT ${[
          ...tableSpecs.map((s) => s.table),
          'lead_moves',
          'devices',
          'device_batches',
          'enrolment_codes',
          'lead_aliases',
        ]
          .map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`)
          .join(', ')}`,
      )
    ).rows[0];

  beforeAll(async () => {
    team = await startTestTeam('direct');
    token = (await team.join('NV01')).token;
    sql = new pg.Client({ connectionString: team.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await team.stop();
  });

  it(`answers ${RUNS} random payloads with known errors, writing nothing`, async () => {
    const before = await snapshot();
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...postRoutes), body, async (path, payload) => {
        const { status, body: answer } = await team.transport.request('POST', path, payload, token);
        const code = (answer as { error?: { code?: unknown } } | null)?.error?.code;
        seen.set(String(code), (seen.get(String(code)) ?? 0) + 1);
        // A well-formed pull is answered: it writes nothing either.
        if (status === 200 && path === routes.pull) {
          expect(PullResponse.safeParse(answer).success).toBe(true);
          return;
        }
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(known.has(String(code))).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(await snapshot()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Most were refused by the contract, some by role (an agent may not issue codes).
    expect(seen.get('invalid_input')).toBeGreaterThan(RUNS / 3);
    expect((await team.transport.request('GET', routes.health, undefined, null)).status).toBe(200);
    // ~10 s on a quiet 2-core machine; a bounded amount of work, so a bound that allows for a busy one.
  }, 180_000);

  it('survives broken HTTP on a raw socket and keeps serving', async () => {
    const { port } = team.server;
    const raw = (text: string | Buffer) =>
      new Promise<string>((resolve) => {
        const s = connect(port, '127.0.0.1');
        let got = '';
        s.on('data', (d) => (got += d.toString()));
        s.on('error', () => resolve(got));
        s.on('close', () => resolve(got));
        s.end(text);
      });
    const push = (payload: string, type = 'application/json') =>
      `POST ${routes.push} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`;
    const cases = [
      'GARBAGE\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\n${'X-Long: ' + 'a'.repeat(100_000)}\r\n\r\n`,
      push('{"batch": 1, "records": ['),
      push('not json at all'),
      push('{"batch":1,"records":[]}', 'text/plain'),
      push(JSON.stringify({ batch: 1, records: [], __proto__: { polluted: true } })),
      `POST ${routes.push} HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n{}`,
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00]),
    ];
    for (const c of cases) await raw(c);
    // A body over the limit is refused before it is parsed.
    const big = await raw(
      push(JSON.stringify({ batch: 1, records: [], pad: 'x'.repeat(9 * 1024 * 1024) })),
    );
    expect(big).toMatch(/^HTTP\/1\.1 413/);
    const health = await fetch(
      `${team.server.url.replace('localhost', '127.0.0.1')}${routes.health}`,
    ).catch(() => null);
    // Direct-mode team: the server listens too; it must still answer.
    expect(health?.status).toBe(200);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
