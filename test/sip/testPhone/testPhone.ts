// The customer's (and the colleague's) phone in the lab tests: sip.js in a Chromium page, driven
// by the test through `window.testPhone`. Built by vite (buildTestPhone.ts) into one IIFE file.
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  Web,
  type Session,
} from 'sip.js';
import { listenForDtmf } from './dtmfDetector';

export interface TestPhoneConfig {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
  /** Answer incoming calls at once. */
  autoAnswer: boolean;
  /** Before answering, send 183 with SDP and wait this long (early media). */
  earlyMediaMs?: number;
}

export interface TestCall {
  index: number;
  direction: 'inbound' | 'outbound';
  remote: string;
  state: string;
  /** This call took the place of another one (an INVITE with Replaces). */
  replaces: boolean;
  /** DTMF received by SIP INFO. */
  infoDigits: string;
  /** DTMF heard in the received audio (RFC 4733 events played out). */
  heardDigits: string;
}

export interface MediaSample {
  bytesReceived: number;
  bytesSent: number;
  packetsReceived: number;
  totalAudioEnergy: number;
}

interface Tracked {
  session: Session;
  info: TestCall;
  audio: HTMLAudioElement | null;
  stopListening?: () => void;
  /** The microphone track taken off by stopSending, to put back. */
  sentTrack?: MediaStreamTrack;
}

class TestPhone {
  private ua: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private config: TestPhoneConfig | undefined;
  private readonly calls: Tracked[] = [];
  private stopped = false;

  async start(config: TestPhoneConfig): Promise<void> {
    this.config = config;
    const uri = UserAgent.makeURI(`sip:${config.user}@${config.domain}`);
    if (!uri) throw new Error('bad uri');
    const ua = new UserAgent({
      uri,
      authorizationUsername: config.user,
      authorizationPassword: config.password,
      transportOptions: { server: config.wsUrl },
      sipExtensionReplaces: SIPExtension.Supported,
      logLevel: 'error',
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: [] },
      },
      delegate: {
        onInvite: (invitation) => this.onInvite(invitation),
        // The lab restarts: come back like any phone would.
        onDisconnect: () => void this.reconnect(),
      },
    });
    this.ua = ua;
    this.registerer = new Registerer(ua);
    await ua.start();
    await this.register();
  }

  registered(): boolean {
    return this.registerer?.state === RegistererState.Registered;
  }

  async call(target: string): Promise<void> {
    const ua = this.mustUa();
    const uri = UserAgent.makeURI(`sip:${target}@${this.config!.domain}`);
    if (!uri) throw new Error('bad target');
    const inviter = new Inviter(ua, uri);
    this.track(inviter, 'outbound', target);
    await inviter.invite();
  }

  async answer(index?: number): Promise<void> {
    const call = index === undefined ? this.latestRinging() : this.calls[index];
    if (!(call?.session instanceof Invitation)) throw new Error('nothing to answer');
    await call.session.accept();
  }

  async hangup(index?: number): Promise<void> {
    const call = index === undefined ? this.latestLive() : this.calls[index];
    if (!call) throw new Error('no call');
    const { session } = call;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter) await session.cancel();
    else if (session instanceof Invitation) await session.reject();
  }

  list(): TestCall[] {
    return this.calls.map((c) => ({ ...c.info, state: c.session.state }));
  }

  /** Media counters of a call (the latest established one by default). */
  async media(index?: number): Promise<MediaSample | null> {
    const call = index === undefined ? this.latestEstablished() : this.calls[index];
    const sdh = call?.session.sessionDescriptionHandler;
    if (!(sdh instanceof Web.SessionDescriptionHandler) || !sdh.peerConnection) return null;
    const sample: MediaSample = {
      bytesReceived: 0,
      bytesSent: 0,
      packetsReceived: 0,
      totalAudioEnergy: 0,
    };
    (await sdh.peerConnection.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        sample.bytesReceived += Number(s.bytesReceived ?? 0);
        sample.packetsReceived += Number(s.packetsReceived ?? 0);
        sample.totalAudioEnergy += Number(s.totalAudioEnergy ?? 0);
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio')
        sample.bytesSent += Number(s.bytesSent ?? 0);
    });
    return sample;
  }

  /**
   * Stops sending audio on a call (its track taken off the sender): RTP stops, ICE and the
   * signalling stay up. `resumeSending` puts the track back.
   */
  async stopSending(index?: number): Promise<void> {
    const call = index === undefined ? this.latestEstablished() : this.calls[index];
    for (const sender of this.audioSenders(call)) {
      if (sender.track) call!.sentTrack = sender.track;
      await sender.replaceTrack(null);
    }
  }

  async resumeSending(index?: number): Promise<void> {
    const call = index === undefined ? this.latestEstablished() : this.calls[index];
    for (const sender of this.audioSenders(call))
      await sender.replaceTrack(call!.sentTrack ?? null);
  }

  /**
   * The media path dies and the signalling does not know: the call's peer connection closes
   * without a word, so nothing is sent and nothing answers ICE (a media relay killed mid-call).
   */
  dropMedia(index?: number): void {
    const call = index === undefined ? this.latestEstablished() : this.calls[index];
    const sdh = call?.session.sessionDescriptionHandler;
    if (!(sdh instanceof Web.SessionDescriptionHandler) || !sdh.peerConnection) {
      throw new Error('no media to drop');
    }
    sdh.peerConnection.close();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of this.calls) c.stopListening?.();
    await this.ua?.stop().catch(() => undefined);
  }

  private onInvite(invitation: Invitation): void {
    const call = this.track(invitation, 'inbound', invitation.remoteIdentity.uri.user ?? '');
    call.info.replaces = invitation.request.hasHeader('Replaces');
    const config = this.config!;
    if (!config.autoAnswer) return;
    if (config.earlyMediaMs) {
      void invitation
        .progress({ statusCode: 183 })
        .then(() => new Promise((r) => setTimeout(r, config.earlyMediaMs)))
        .then(() => invitation.accept());
    } else {
      void invitation.accept();
    }
  }

  private track(session: Session, direction: 'inbound' | 'outbound', remote: string): Tracked {
    const tracked: Tracked = {
      session,
      audio: null,
      info: {
        index: this.calls.length,
        direction,
        remote,
        state: session.state,
        replaces: false,
        infoDigits: '',
        heardDigits: '',
      },
    };
    this.calls.push(tracked);
    session.delegate = {
      // A transfer: follow the REFER like sip.js would, but keep the new call in the list.
      onRefer: (referral) => {
        void referral.accept().then(() => {
          const inviter = referral.makeInviter();
          this.track(inviter, 'outbound', referral.referTo.uri.user ?? '');
          return inviter.invite();
        });
      },
      onInfo: (info) => {
        const signal = /Signal=\s*(\S)/i.exec(info.request.body)?.[1];
        if (signal) tracked.info.infoDigits += signal;
        void info.accept();
      },
      onSessionDescriptionHandler: (sdh) => {
        if (!(sdh instanceof Web.SessionDescriptionHandler)) return;
        // Answer as fast as a PBX would: host UDP candidates are all a loopback call needs.
        let hurried = false;
        sdh.peerConnectionDelegate = {
          onicecandidate: (e) => {
            if (hurried || e.candidate?.type !== 'host' || e.candidate.protocol !== 'udp') return;
            hurried = true;
            setTimeout(() => sdh.iceGatheringComplete(), 20);
          },
        };
        // Remote WebRTC audio reaches Web Audio only while a media element plays it.
        const audio = (tracked.audio ??= new Audio());
        audio.srcObject = sdh.remoteMediaStream;
        void audio.play().catch(() => undefined);
      },
    };
    session.stateChange.addListener((state) => {
      const sdh = session.sessionDescriptionHandler;
      if (state === SessionState.Established && sdh instanceof Web.SessionDescriptionHandler) {
        tracked.audio ??= new Audio();
        tracked.audio.srcObject = sdh.remoteMediaStream;
        void tracked.audio.play().catch(() => undefined);
        tracked.stopListening ??= listenForDtmf(sdh.remoteMediaStream, (key) => {
          tracked.info.heardDigits += key;
        });
      }
      if (state === SessionState.Terminated) {
        tracked.stopListening?.();
        tracked.stopListening = () => undefined;
      }
    });
    return tracked;
  }

  private register(): Promise<void> {
    const registerer = this.registerer!;
    return new Promise<void>((resolve, reject) => {
      void registerer.register({
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`)),
        },
      });
    });
  }

  private async reconnect(): Promise<void> {
    while (!this.stopped) {
      await new Promise((r) => setTimeout(r, 300));
      try {
        await this.ua?.reconnect();
        await this.register();
        return;
      } catch {
        // the lab is still down: try again
      }
    }
  }

  private audioSenders(call: Tracked | undefined): RTCRtpSender[] {
    const sdh = call?.session.sessionDescriptionHandler;
    if (!(sdh instanceof Web.SessionDescriptionHandler) || !sdh.peerConnection) {
      throw new Error('no media on this call');
    }
    return sdh.peerConnection
      .getTransceivers()
      .filter((t) => t.receiver.track.kind === 'audio')
      .map((t) => t.sender);
  }

  private mustUa(): UserAgent {
    if (!this.ua) throw new Error('not started');
    return this.ua;
  }

  private latestRinging(): Tracked | undefined {
    return this.calls.findLast(
      (c) => c.session instanceof Invitation && c.session.state === SessionState.Initial,
    );
  }

  private latestLive(): Tracked | undefined {
    return this.calls.findLast((c) => c.session.state !== SessionState.Terminated);
  }

  private latestEstablished(): Tracked | undefined {
    return this.calls.findLast((c) => c.session.state === SessionState.Established);
  }
}

declare global {
  interface Window {
    testPhone: TestPhone;
  }
}

window.testPhone = new TestPhone();
