import { BarEffect } from '@marac/shared';
import { useLocation } from 'react-router';
import { z } from 'zod';

// A success message travels in history state to the page a form returns to, so it shows once there
// and is not in the address bar to be bookmarked or shared. What a decision barred travels with it:
// the coordinator must be told on the page the decision returns to.
const FlashState = z.object({ notice: z.string(), barEffects: z.array(BarEffect).default([]) });

export const flashNotice = (notice: string, barEffects: readonly BarEffect[] = []) => (barEffects.length > 0 ? { notice, barEffects: [...barEffects] } : { notice });

export function useFlashNotice(): string | null {
  const parsed = FlashState.safeParse(useLocation().state);
  return parsed.success ? parsed.data.notice : null;
}

/** What the change that sent the reader here barred, to tell them in plain words; none otherwise. */
export function useFlashBarEffects(): BarEffect[] {
  const parsed = FlashState.safeParse(useLocation().state);
  return parsed.success ? parsed.data.barEffects : [];
}
