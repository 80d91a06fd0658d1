import type { Agent } from '../../helper';

export interface Received {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** A real server-sent-events client over HTTP: it keeps every event it is sent. */
export async function follow(base: string, agent: Agent, meetingId: string, lastEventId?: number) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/meetings/${meetingId}/live`, {
    headers: { cookie: agent.cookie, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) },
    signal: controller.signal,
  });
  const received: Received[] = [];
  const state = { ended: false };
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            state.ended = true;
            return;
          }
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
            const event = field('event');
            if (event) received.push({ id: Number(field('id')), event, data: JSON.parse(field('data') ?? '{}') as Record<string, unknown> });
          }
        }
      } catch {
        // aborted at the end of the test
        state.ended = true;
      }
    })();
  }
  // Waits for what the stream should bring; the long limit only stops a broken test, it measures nothing.
  const until = async (predicate: (r: Received[]) => boolean, timeoutMs = 15_000) => {
    const started = performance.now();
    while (!predicate(received)) {
      if (performance.now() - started > timeoutMs) throw new Error(`not received within ${timeoutMs} ms: ${JSON.stringify(received.map((r) => r.event))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - started;
  };
  /** Resolves once the server has ended the stream. */
  const ended = async (timeoutMs = 15_000) => {
    const started = performance.now();
    while (!state.ended) {
      if (performance.now() - started > timeoutMs) throw new Error(`the stream was not ended within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { status: response.status, contentType: response.headers.get('content-type'), received, until, ended, isOpen: () => !state.ended, close: () => controller.abort() };
}

