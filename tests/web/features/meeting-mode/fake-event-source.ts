import { act } from '@testing-library/react';

type Handler = ((this: EventSource, event: Event) => unknown) | null;
type MessageHandler = ((this: EventSource, event: MessageEvent) => unknown) | null;

/**
 * jsdom has no EventSource. This stands in for the browser's, installed with
 * `vi.stubGlobal('EventSource', FakeEventSource)`: every stream the page opens is kept in `instances`
 * with its URL, and the test plays the server's part — opening it, sending named events with JSON data,
 * dropping it — through the same handlers and listeners the browser would call. Each of those is
 * wrapped in `act`, as a real event arriving between renders is.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;

  /** Every stream opened since the last `reset`, oldest first. */
  static instances: FakeEventSource[] = [];

  /** The newest stream: the one a page following the meeting is listening to. */
  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('The page has not opened an EventSource');
    return source;
  }

  static reset(): void {
    FakeEventSource.instances = [];
  }

  /** The absolute URL, as the browser reports it. */
  readonly url: string;
  readonly withCredentials: boolean;
  readyState: number = FakeEventSource.CONNECTING;
  onopen: Handler = null;
  onerror: Handler = null;
  onmessage: MessageHandler = null;
  private lastEventId = 0;

  constructor(url: string | URL, init: EventSourceInit = {}) {
    super();
    this.url = new URL(String(url), window.location.href).href;
    this.withCredentials = init.withCredentials ?? false;
    FakeEventSource.instances.push(this);
  }

  /** The path the stream was opened on, without the origin. */
  get path(): string {
    const url = new URL(this.url);
    return `${url.pathname}${url.search}`;
  }

  get closed(): boolean {
    return this.readyState === FakeEventSource.CLOSED;
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }

  /** The server answered with `text/event-stream`: the connection is open. */
  open(): void {
    this.expectNotClosed('open');
    act(() => {
      this.readyState = FakeEventSource.OPEN;
      this.fire(new Event('open'), this.onopen);
    });
  }

  /** A named event (`event: <type>`) whose `data:` line is `data` as JSON, with the next event id. */
  emit(type: string, data: unknown): void {
    this.expectNotClosed(`send "${type}"`);
    if (this.readyState !== FakeEventSource.OPEN) throw new Error(`Cannot send "${type}" on a stream that is not open: call open() first`);
    this.lastEventId += 1;
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId: String(this.lastEventId), origin: new URL(this.url).origin });
    act(() => {
      this.fire(event, type === 'message' ? (this.onmessage as Handler) : null);
    });
  }

  /**
   * The connection broke. The browser either retries by itself (`CONNECTING`, the default) or, when
   * the server refused the stream or told it to stop, gives up for good (`CLOSED`).
   */
  fail({ retrying = true }: { retrying?: boolean } = {}): void {
    this.expectNotClosed('fail');
    act(() => {
      this.readyState = retrying ? FakeEventSource.CONNECTING : FakeEventSource.CLOSED;
      this.fire(new Event('error'), this.onerror);
    });
  }

  private fire(event: Event, handler: Handler) {
    handler?.call(this as unknown as EventSource, event);
    this.dispatchEvent(event);
  }

  private expectNotClosed(what: string) {
    if (this.closed) throw new Error(`Cannot ${what} on a stream the page has closed (${this.path})`);
  }
}
