import { useCallback, useEffect, useRef, useState } from 'react';
import { useCreateReferralDraft } from '../api/create-referral-draft';
import { useUpdateReferralDraft } from '../api/update-referral-draft';

/** How long after the last change a draft is saved. */
export const AUTOSAVE_DELAY_MS = 2000;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed' };

interface AutosaveOptions {
  /** The draft being continued, if any; otherwise one is made on the first change. */
  draftId: string | null;
  /** When the draft being continued was last saved. */
  savedAt: string | null;
  /** The form as it stands; a change (by value) schedules a save. */
  payload: Record<string, unknown>;
  onCreated?: (draftId: string) => void;
}

export interface DraftAutosave {
  status: SaveStatus;
  /** Saves any change now and resolves with the draft's id (null if none could be made). */
  flush: () => Promise<string | null>;
  /** Stops saving while a submission is in flight; changes made meanwhile are kept for later. */
  pause: () => void;
  resume: () => void;
  /** No more saves: the draft has become a referral and no longer exists. */
  stop: () => void;
}

/**
 * Keeps a long form safe on the server: the first change creates a draft, later ones replace it, each
 * a couple of seconds after the typing stops, and at once when asked (leaving a section, submitting,
 * leaving the page). Saves run one at a time, in order, so a slow save can never overwrite a newer one.
 */
export function useDraftAutosave({ draftId, savedAt, payload, onCreated }: AutosaveOptions): DraftAutosave {
  const create = useCreateReferralDraft().mutateAsync;
  const update = useUpdateReferralDraft().mutateAsync;
  const [status, setStatus] = useState<SaveStatus>(savedAt ? { state: 'saved', at: savedAt } : { state: 'idle' });
  const state = useRef({
    draftId,
    dirty: false,
    paused: false,
    stopped: false,
    seen: JSON.stringify(payload),
    latest: payload,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    queue: Promise.resolve(),
  });
  const callbacks = useRef({ create, update, onCreated });
  useEffect(() => {
    callbacks.current = { create, update, onCreated };
  });

  const saveNow = useCallback(async () => {
    const s = state.current;
    if (s.stopped || s.paused || !s.dirty) return;
    s.dirty = false;
    setStatus({ state: 'saving' });
    try {
      const { create: createDraft, update: updateDraft, onCreated: created } = callbacks.current;
      const draft = s.draftId ? await updateDraft({ id: s.draftId, payload: s.latest }) : await createDraft(s.latest);
      if (!s.draftId) {
        s.draftId = draft.id;
        created?.(draft.id);
      }
      if (!s.stopped) setStatus({ state: 'saved', at: draft.updatedAt });
    } catch {
      // What was typed is still on the page; the next change or flush tries again.
      s.dirty = true;
      if (!s.stopped) setStatus({ state: 'failed' });
    }
  }, []);

  const enqueue = useCallback(() => {
    const s = state.current;
    clearTimeout(s.timer);
    s.queue = s.queue.then(saveNow);
    return s.queue;
  }, [saveNow]);

  const schedule = useCallback(() => {
    const s = state.current;
    clearTimeout(s.timer);
    if (s.dirty && !s.paused && !s.stopped) s.timer = setTimeout(() => void enqueue(), AUTOSAVE_DELAY_MS);
  }, [enqueue]);

  useEffect(() => {
    const s = state.current;
    const json = JSON.stringify(payload);
    if (json === s.seen) return;
    s.seen = json;
    s.latest = payload;
    s.dirty = true;
    schedule();
  }, [payload, schedule]);

  useEffect(() => {
    const s = state.current;
    // Leaving the page some other way than submitting: save what was typed since the last save.
    const warn = (event: BeforeUnloadEvent) => {
      if (s.dirty && !s.stopped) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(s.timer);
      if (s.dirty && !s.stopped && !s.paused) void enqueue();
    };
  }, [enqueue]);

  const flush = useCallback(async () => {
    await enqueue();
    return state.current.draftId;
  }, [enqueue]);

  const pause = useCallback(() => {
    state.current.paused = true;
    clearTimeout(state.current.timer);
  }, []);

  const resume = useCallback(() => {
    state.current.paused = false;
    schedule();
  }, [schedule]);

  const stop = useCallback(() => {
    state.current.stopped = true;
    clearTimeout(state.current.timer);
  }, []);

  return { status, flush, pause, resume, stop };
}
