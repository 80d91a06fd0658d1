import { useLocation } from 'react-router';
import { z } from 'zod';

// A success message travels in history state to the page a form returns to, so it shows once there
// and is not in the address bar to be bookmarked or shared.
const FlashState = z.object({ notice: z.string() });

export const flashNotice = (notice: string) => ({ notice });

export function useFlashNotice(): string | null {
  const parsed = FlashState.safeParse(useLocation().state);
  return parsed.success ? parsed.data.notice : null;
}
