import { useLocation } from 'react-router';
import { z } from 'zod';

const FormSession = z.object({ formSession: z.string() });

/**
 * Which opening of the form this is. Each navigation to the page opens the form afresh (so "New
 * referral" from a half-filled form starts an empty one), except the one the form makes itself when
 * its first save creates a draft and the draft's id joins the address so a reload reopens it: that
 * navigation carries `state`, and the same form carries on.
 */
export function useFormSession(): { session: string; state: z.infer<typeof FormSession> } {
  const location = useLocation();
  const carried = FormSession.safeParse(location.state);
  const session = carried.success ? carried.data.formSession : location.key;
  return { session, state: { formSession: session } };
}
