/**
 * A real SIP side for the telephony e2e test: Kamailio running the reference configuration
 * (telephony/kamailio/kamailio.cfg, unchanged, included from a generated site file), the signing
 * relay (lib/telephony/relay/main.ts) as its own process, and sipp playing the caller and the
 * operator's desk phone (telephony/sipp/*.xml). Everything runs as the current user, on loopback,
 * from a temporary directory that is removed afterwards.
 *
 * Ports, from E2E_SIP_PORT (default E2E_PORT + 2): Kamailio UDP +0, the desk phone UDP +1, the
 * relay TCP +2. sipp's other sockets (the caller's SIP port, RTP echo, control) get free ports
 * from the kernel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SipTools } from '../../scripts/find-sip-tools';
import { E2E_TELEPHONY_SECRET } from './telephony-secret';

const root = path.resolve(import.meta.dirname, '..', '..');
const scenarios = path.join(root, 'telephony', 'sipp');

export type DeskScenario = 'desk-answers' | 'desk-hangs-up' | 'desk-rings';
export type CallerScenario = 'caller-hangs-up' | 'caller-hears-hangup' | 'caller-cancels' | 'caller-unanswered';

export interface SipPeerOptions {
  tools: SipTools;
  /** The dashboard's webhook the relay signs for. */
  webhookUrl: string;
  /** How long Kamailio rings a desk before it gives up on it (C112_RING_MS). */
  ringMs: number;
}

export interface PlacedCall {
  /** What the dashboard stores as calls.external_id: "sip-" + SHA-256 of the SIP Call-ID. */
  externalId: string;
  startedMs: number;
  finishedMs: number;
}

function sipPorts() {
  const base = Number(process.env.E2E_SIP_PORT ?? Number(process.env.E2E_PORT ?? 3199) + 2);
  return { kamailio: base, desk: base + 1, relay: base + 2 };
}

/** A UDP port the kernel says is free, with port + 2 free too (sipp's RTP echo takes both). */
async function freeUdpPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const first = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => first.bind(0, '127.0.0.1', resolve));
    const port = first.address().port;
    const second = dgram.createSocket('udp4');
    const pairFree = await new Promise<boolean>((resolve) => {
      second.once('error', () => resolve(false));
      second.bind(port + 2, '127.0.0.1', () => resolve(true));
    });
    first.close();
    second.close();
    if (pairFree && port + 2 < 65_536) return port;
  }
  throw new Error('no free UDP port pair for sipp');
}

/** Whether something listens on 127.0.0.1:port/udp (Linux /proc; sipp prints nothing when ready). */
function udpPortBound(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/udp', '/proc/net/udp6'].some((file) => {
    if (!existsSync(file)) return false;
    return readFileSync(file, 'utf8')
      .split('\n')
      .some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex));
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Any SIP answer to an OPTIONS means Kamailio's workers are up. */
function kamailioAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const done = (answered: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), 300);
    socket.once('message', (msg) => done(msg.toString('latin1').startsWith('SIP/2.0 ')));
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port;
      const id = randomUUID();
      const options = [
        `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${id}`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${id}`,
        `To: <sip:ping@127.0.0.1:${port}>`,
        `Call-ID: ready-${id}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(options, port, '127.0.0.1');
    });
  });
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited(child);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  if ((await Promise.race([gone, late])) === 'late') {
    child.kill('SIGKILL');
    await gone;
  }
  clearTimeout(timer);
}

export class SipPeer {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'c112-sip-'));
  private readonly ports = sipPorts();
  private readonly token = randomUUID();
  private kamailio?: ChildProcess;
  private relay?: ChildProcess;
  private kamailioLog = '';
  private relayLog = '';
  private sippRuns = 0;

  constructor(private readonly options: SipPeerOptions) {}

  async start(): Promise<void> {
    this.relay = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib', 'telephony', 'relay', 'main.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Only what the relay needs: it must not depend on the shell's other settings.
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        TELEPHONY_WEBHOOK_URL: this.options.webhookUrl,
        TELEPHONY_WEBHOOK_SECRET: E2E_TELEPHONY_SECRET,
        C112_RELAY_TOKEN: this.token,
        C112_RELAY_PORT: String(this.ports.relay),
      },
    });
    this.relay.stdout?.on('data', (chunk: Buffer) => (this.relayLog += chunk.toString()));
    this.relay.stderr?.on('data', (chunk: Buffer) => (this.relayLog += chunk.toString()));

    // The site file a center writes: its settings, then the reference configuration as it is.
    const siteCfg = path.join(this.dir, 'kamailio.cfg');
    writeFileSync(
      siteCfg,
      [
        '#!KAMAILIO',
        `#!define C112_LISTEN udp:127.0.0.1:${this.ports.kamailio}`,
        '#!define C112_DESKS "101:102"',
        `#!define C112_RING_MS ${this.options.ringMs}`,
        `#!define C112_RELAY_URL "http://127.0.0.1:${this.ports.relay}/events"`,
        `#!define C112_RELAY_TOKEN "${this.token}"`,
        '#!define C112_TRUNK "e2e-kamailio"',
        `include_file "${path.join(root, 'telephony', 'kamailio', 'kamailio.cfg')}"`,
        '',
      ].join('\n'),
    );
    // -DD: stay in the foreground; -E: log to stderr; -Y: our own runtime directory; small memory pools.
    this.kamailio = spawn(this.options.tools.kamailio, ['-f', siteCfg, '-DD', '-E', '-Y', this.dir, '-m', '32', '-M', '8'], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A center's PBX runs on WIB: the events' times then carry +07:00, which the webhook must read right.
      env: { PATH: process.env.PATH, NODE_ENV: 'production', TZ: 'Asia/Jakarta' },
    });
    this.kamailio.stdout?.on('data', (chunk: Buffer) => (this.kamailioLog += chunk.toString()));
    this.kamailio.stderr?.on('data', (chunk: Buffer) => (this.kamailioLog += chunk.toString()));

    const alive = (child: ChildProcess | undefined, name: string) => {
      if (child?.exitCode !== null) throw new Error(`${name} ended at start:\n${this.logs()}`);
    };
    await until(
      'the relay',
      () => {
        alive(this.relay, 'the relay');
        return this.relayLog.includes('"msg":"listening"');
      },
      20_000,
    );
    await until(
      'Kamailio',
      () => {
        alive(this.kamailio, 'kamailio');
        return kamailioAnswers(this.ports.kamailio);
      },
      15_000,
    );
  }

  /** The desk phone registers its extension from the port it will then listen on. */
  async registerDesk(extension: string): Promise<void> {
    await this.sippProcess('register', ['-p', String(this.ports.desk), '-key', 'ext', extension, '-key', 'expires', '300'], true);
  }

  /**
   * One call: the desk phone waits, the caller dials 112 from `callerNumber`; resolves when both
   * scenarios have completed. `pauseMs` is sipp's -d: how long the desk rings, and how long the
   * answered party talks before hanging up.
   */
  async call({ desk, caller, callerNumber, extension, pauseMs }: { desk: DeskScenario; caller: CallerScenario; callerNumber: string; extension: string; pauseMs: number }): Promise<PlacedCall> {
    const deskRun = this.sippProcess(desk, ['-p', String(this.ports.desk), '-key', 'ext', extension, '-d', String(pauseMs)], false);
    // Its failure is reported by the Promise.all below, or not at all when waiting for it fails first.
    deskRun.catch(() => undefined);
    await until('the desk phone', () => udpPortBound(this.ports.desk), 10_000);
    const callId = `c112e2e-${randomUUID()}`;
    const startedMs = Date.now();
    const callerRun = this.sippProcess(caller, ['-key', 'caller', callerNumber, '-d', String(pauseMs), '-cid_str', `${callId}-%u`], true);
    await Promise.all([callerRun, deskRun]);
    return {
      // sipp's %u is the call number: this is the first (and only) call of that sipp run.
      externalId: `sip-${createHash('sha256').update(`${callId}-1`).digest('hex')}`,
      startedMs,
      finishedMs: Date.now(),
    };
  }

  async stop(): Promise<void> {
    // Both at once and each bounded: a child stuck on SIGTERM once held the spec's afterAll past its
    // 30 s, and the relay it never reached kept its port, so the retry could not start. The relay
    // gets its own 10 s to empty its queue first.
    await Promise.all([
      this.kamailio && stopChild(this.kamailio, 5_000),
      this.relay && stopChild(this.relay, 12_000),
    ]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Kamailio's and the relay's output, for a failure message. */
  logs(): string {
    const tail = (text: string) => text.split('\n').slice(-40).join('\n');
    return `--- kamailio ---\n${tail(this.kamailioLog)}\n--- relay ---\n${tail(this.relayLog)}`;
  }

  private async sippProcess(scenario: string, args: string[], toKamailio: boolean): Promise<void> {
    this.sippRuns += 1;
    const errors = path.join(this.dir, `sipp-${this.sippRuns}-${scenario}.err`);
    const media = await freeUdpPort();
    let control = await freeUdpPort();
    while (control === media || control === media + 2) control = await freeUdpPort();
    const child = spawn(
      this.options.tools.sipp,
      [
        ...(toKamailio ? [`127.0.0.1:${this.ports.kamailio}`] : []),
        '-sf', path.join(scenarios, `${scenario}.xml`),
        '-m', '1',
        '-i', '127.0.0.1',
        '-mi', '127.0.0.1',
        '-mp', String(media),
        '-ci', '127.0.0.1',
        '-cp', String(control),
        ...(args.includes('-p') ? [] : ['-p', String(await freeUdpPort())]),
        '-nostdin',
        '-timeout', '20',
        '-timeout_error',
        '-trace_err',
        '-error_file', errors,
        ...args,
      ],
      { cwd: this.dir, stdio: 'ignore' },
    );
    const code = await exited(child);
    if (code !== 0) {
      const detail = existsSync(errors) ? readFileSync(errors, 'utf8').slice(-3000) : '(no sipp error file)';
      throw new Error(`sipp ${scenario} failed (exit ${code}):\n${detail}\n${this.logs()}`);
    }
  }
}
